import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiRoutePermission } from '@jijiao/contracts';
import { AppError } from '../errors/app-error';
import type { Actor, DeviceActor, PlatformCaller } from './actor';
import type { RouteEntry } from './fastify-augment';
import { sessionCookieName } from './session-cookie';

/** Resolves a platform API key (the bearer secret) to its platform, or null. */
export interface PlatformKeyResolver {
  authenticate(secret: string): Promise<PlatformCaller | null>;
}

export interface SessionResolver {
  authenticate(
    token: string,
    meta: { ip: string; userAgent: string | undefined },
  ): Promise<Actor | null>;
}

/** Resolves a kiosk's bearer token to its device; null when unknown or revoked. */
export interface DeviceResolver {
  authenticateDevice(token: string): Promise<DeviceActor | null>;
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A cross-site write carries a foreign Origin; reject it before anything else. */
function checkOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (!origin || !unsafeMethods.has(request.method)) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError('csrf_failed', 'Malformed Origin header');
  }
  if (host !== request.headers.host)
    throw new AppError('csrf_failed', 'Cross-origin request refused');
}

/**
 * Records every route with its declared permission (the catalogue the authorisation test
 * reads) and enforces it on each request: sign-in, CSRF token on cookie writes, permission.
 * A route without a declaration is refused (fail closed).
 */
export function registerRouteGuard(
  app: FastifyInstance,
  sessions: SessionResolver,
  cookieSecure: boolean,
  platformKeys?: PlatformKeyResolver,
  devices?: DeviceResolver,
): void {
  const catalogue: RouteEntry[] = [];
  app.decorate('routeCatalogue', catalogue);
  app.decorateRequest('actor', null);
  app.decorateRequest('platform', null);
  app.decorateRequest('device', null);
  app.decorateRequest('deviceToken', null);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      // Read lazily: a plugin's own onRoute hook (see public-plugins.ts) may declare it later.
      catalogue.push({
        method,
        url: route.url,
        get permission() {
          return route.config?.permission;
        },
      });
    }
  });
  const cookieName = sessionCookieName(cookieSecure);

  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const permission: ApiRoutePermission | undefined = request.routeOptions.config.permission;
    if (permission === undefined)
      throw new AppError('forbidden', 'Route has no declared permission');
    checkOrigin(request);
    if (permission === 'public') return;
    if (permission === 'platform_key') {
      request.platform = await authenticatePlatform(request, platformKeys);
      return;
    }
    if (permission === 'device') {
      // No cookie is read, so there is nothing to forge across sites: no CSRF token needed.
      const token = bearerToken(request);
      // The swipe resolves its device in its own statement (ADR 0033): only the token here.
      if (token && request.routeOptions.config.deviceResolvedByHandler === true) {
        request.deviceToken = token;
        return;
      }
      const device = token && devices ? await devices.authenticateDevice(token) : null;
      if (!device) throw deviceUnauthorised();
      request.device = device;
      return;
    }
    const token = request.cookies[cookieName];
    const actor = token
      ? await sessions.authenticate(token, {
          ip: request.ip,
          userAgent: request.headers['user-agent'],
        })
      : null;
    if (!actor)
      throw new AppError(
        'unauthenticated',
        'Sign in first (no session, or the session has expired)',
      );
    request.actor = actor;
    if (unsafeMethods.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, actor.csrfToken)) {
        throw new AppError('csrf_failed', 'Missing or wrong X-CSRF-Token header');
      }
    }
    if (
      actor.mustChangePassword &&
      request.routeOptions.config.allowDuringPasswordChange !== true
    ) {
      throw new AppError('password_change_required', 'Change the initial password before going on');
    }
    if (
      actor.twoFactor.required &&
      !actor.twoFactor.enrolled &&
      request.routeOptions.config.allowDuringTwoFactorEnrolment !== true
    ) {
      throw new AppError(
        'two_factor_enrolment_required',
        'Your role signs in with two factors: set up the authenticator app before going on',
      );
    }
    if (permission !== 'authenticated' && !actor.permissions.has(permission)) {
      throw new AppError('forbidden', `This needs the permission ${permission}`);
    }
  });
}

const bearer = /^Bearer\s+(\S+)\s*$/i;

/** A `platform_key` route: the API key in `Authorization: Bearer`, never a cookie. */
async function authenticatePlatform(
  request: FastifyRequest,
  platformKeys: PlatformKeyResolver | undefined,
): Promise<PlatformCaller> {
  const match = bearer.exec(request.headers.authorization ?? '');
  const secret = match?.[1];
  if (!secret)
    throw new AppError('unauthenticated', 'Send the platform API key: Authorization: Bearer <key>');
  const platform = platformKeys ? await platformKeys.authenticate(secret) : null;
  if (!platform) throw new AppError('unauthenticated', 'Unknown or revoked API key');
  return platform;
}

/** The platform of a `platform_key` route. */
export function platformOf(request: FastifyRequest): PlatformCaller {
  if (!request.platform) throw new AppError('unauthenticated', 'Send the platform API key');
  return request.platform;
}

/** The acting user of a route that requires sign-in. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign in first');
  return request.actor;
}

/** The refusal of a kiosk without a live device token (401), wherever it is found out. */
export function deviceUnauthorised(): AppError {
  return new AppError(
    'device_unauthorised',
    'A valid check-in device token is required (Authorization: Bearer …); it may have been revoked',
  );
}

/** The bearer token of a `device` route whose handler resolves the device itself. */
export function deviceTokenOf(request: FastifyRequest): string {
  if (!request.deviceToken) throw deviceUnauthorised();
  return request.deviceToken;
}

/** The kiosk of a `device` route. */
export function deviceOf(request: FastifyRequest): DeviceActor {
  if (!request.device) throw new AppError('device_unauthorised', 'No device token');
  return request.device;
}

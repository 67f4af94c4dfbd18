import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  changePasswordRequestSchema,
  errorResponseSchema,
  meSchema,
  signInRequestSchema,
} from '@jijiao/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/route-guard';
import { sessionCookieName, sessionCookieOptions } from '../../platform/auth/session-cookie';
import type { AuthService } from './auth.service';
import { toMe } from './auth.service';

export function registerAuthRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; cookieSecure: boolean; rateLimitPerMinute: number },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieName = sessionCookieName(deps.cookieSecure);
  const meta = (req: { ip: string; headers: { 'user-agent'?: string } }) => ({
    ip: req.ip,
    userAgent: req.headers['user-agent'],
  });

  r.post('/api/v1/session', {
    config: {
      permission: 'public',
      rateLimit: { max: deps.rateLimitPerMinute, timeWindow: '1 minute' },
    },
    schema: {
      tags: ['session'],
      summary: 'Sign in',
      description:
        'Sets an HttpOnly session cookie (rotated at every sign-in). 5 failed attempts lock the name for 15 minutes (423 `account_locked`), whether or not it exists.',
      body: signInRequestSchema,
      response: {
        200: meSchema,
        401: errorResponseSchema,
        423: errorResponseSchema,
        429: errorResponseSchema,
      },
    },
    handler: async (request, reply) => {
      const { token, me } = await deps.auth.signIn(
        request.body,
        meta(request),
        request.cookies[cookieName],
      );
      void reply.setCookie(cookieName, token, sessionCookieOptions(deps.cookieSecure));
      return me;
    },
  });

  r.delete('/api/v1/session', {
    config: { permission: 'authenticated', allowDuringPasswordChange: true },
    schema: {
      tags: ['session'],
      summary: 'Sign out (ends the session on the server)',
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await deps.auth.signOut(actorOf(request), meta(request));
      void reply.clearCookie(cookieName, sessionCookieOptions(deps.cookieSecure));
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/me', {
    config: { permission: 'authenticated', allowDuringPasswordChange: true },
    schema: {
      tags: ['session'],
      summary: 'The signed-in user, roles and CSRF token',
      response: { 200: meSchema },
    },
    handler: (request) => toMe(actorOf(request)),
  });

  r.post('/api/v1/me/password', {
    config: { permission: 'authenticated', allowDuringPasswordChange: true },
    schema: {
      tags: ['session'],
      summary: 'Change the own password',
      description:
        'At least 8 characters and three of: lower case, upper case, digit, symbol. Rotates the session: every session ends, this one included, and a new session cookie and CSRF token come with the answer.',
      body: changePasswordRequestSchema,
      response: { 200: meSchema, 401: errorResponseSchema, 422: errorResponseSchema },
    },
    handler: async (request, reply) => {
      const { token, me } = await deps.auth.changePassword(
        actorOf(request),
        request.body,
        meta(request),
      );
      void reply.setCookie(cookieName, token, sessionCookieOptions(deps.cookieSecure));
      return me;
    },
  });
}

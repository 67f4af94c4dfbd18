import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  changePasswordRequestSchema,
  confirmEnrolmentRequestSchema,
  confirmedEnrolmentSchema,
  enrolmentSchema,
  errorResponseSchema,
  meSchema,
  secondFactorChallengeSchema,
  secondFactorProofSchema,
  secondFactorSignInRequestSchema,
  signInRequestSchema,
  startEnrolmentRequestSchema,
  twoFactorStatusSchema,
} from '@jijiao/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/route-guard';
import { sessionCookieName, sessionCookieOptions } from '../../platform/auth/session-cookie';
import type { AuthService, RequestMeta } from './auth.service';
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
        'Sets an HttpOnly session cookie (rotated at every sign-in). 5 failed attempts lock the name for 15 minutes (423 `account_locked`), whether or not it exists. An account with an authenticator app gets no session yet: 202 with a challenge for `POST /api/v1/session/second-factor`.',
      body: signInRequestSchema,
      response: {
        200: meSchema,
        202: secondFactorChallengeSchema,
        401: errorResponseSchema,
        423: errorResponseSchema,
        429: errorResponseSchema,
      },
    },
    handler: async (request, reply) => {
      const answer = await deps.auth.signIn(
        request.body,
        meta(request),
        request.cookies[cookieName],
      );
      if ('challenge' in answer) return reply.status(202).send(answer.challenge);
      void reply.setCookie(cookieName, answer.token, sessionCookieOptions(deps.cookieSecure));
      return answer.me;
    },
  });

  r.post('/api/v1/session/second-factor', {
    config: {
      permission: 'public',
      rateLimit: { max: deps.rateLimitPerMinute, timeWindow: '1 minute' },
    },
    schema: {
      tags: ['session'],
      summary: 'Sign in: the second step (authenticator code or recovery code)',
      description:
        'Completes a sign-in answered with 202: the challenge with the app’s current six-digit code (each code works once) or one unused recovery code. A wrong code counts toward the same lockout as a wrong password (423 `account_locked`); an expired or used challenge answers 401 `second_factor_expired`.',
      body: secondFactorSignInRequestSchema,
      response: {
        200: meSchema,
        400: errorResponseSchema,
        401: errorResponseSchema,
        423: errorResponseSchema,
        429: errorResponseSchema,
      },
    },
    handler: async (request, reply) => {
      const { token, me } = await deps.auth.signInSecondFactor(
        request.body,
        meta(request),
        request.cookies[cookieName],
      );
      void reply.setCookie(cookieName, token, sessionCookieOptions(deps.cookieSecure));
      return me;
    },
  });

  r.delete('/api/v1/session', {
    config: {
      permission: 'authenticated',
      allowDuringPasswordChange: true,
      allowDuringTwoFactorEnrolment: true,
    },
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
    config: {
      permission: 'authenticated',
      allowDuringPasswordChange: true,
      allowDuringTwoFactorEnrolment: true,
    },
    schema: {
      tags: ['session'],
      summary: 'The signed-in user, roles and CSRF token',
      response: { 200: meSchema },
    },
    handler: (request) => toMe(actorOf(request)),
  });

  r.post('/api/v1/me/password', {
    config: {
      permission: 'authenticated',
      allowDuringPasswordChange: true,
      allowDuringTwoFactorEnrolment: true,
    },
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

  registerTwoFactorRoutes(app, deps, cookieName, meta);
}

/** The own authenticator app: status, enrolment (reachable while a role requires it), turning off. */
function registerTwoFactorRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; cookieSecure: boolean },
  cookieName: string,
  meta: (req: { ip: string; headers: { 'user-agent'?: string } }) => RequestMeta,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const during = {
    permission: 'authenticated',
    allowDuringTwoFactorEnrolment: true,
  } as const;

  r.get('/api/v1/me/two-factor', {
    config: during,
    schema: {
      tags: ['session'],
      summary: 'The own two-factor sign-in: on or off, required or not, recovery codes left',
      response: { 200: twoFactorStatusSchema },
    },
    handler: (request) => deps.auth.twoFactorStatus(actorOf(request)),
  });

  r.post('/api/v1/me/two-factor/enrolment', {
    config: during,
    schema: {
      tags: ['session'],
      summary: 'Start setting up an authenticator app (TOTP)',
      description:
        'Answers a new secret and its `otpauth://` URI (for the QR code); it takes effect once `…/enrolment/confirm` receives its first code. Replacing an app already set up needs its current code (or a recovery code): 401 `invalid_second_factor` naming the field otherwise.',
      body: startEnrolmentRequestSchema,
      response: {
        200: enrolmentSchema,
        400: errorResponseSchema,
        401: errorResponseSchema,
      },
    },
    handler: (request) =>
      deps.auth.startTwoFactorEnrolment(actorOf(request), request.body, meta(request)),
  });

  r.post('/api/v1/me/two-factor/enrolment/confirm', {
    config: during,
    schema: {
      tags: ['session'],
      summary: 'Confirm the authenticator app with its first code',
      description:
        'Turns two-factor sign-in on and answers ten single-use recovery codes, shown this once. Rotates the session: every session of the user ends, and a new session cookie and CSRF token come with the answer. 409 `invalid_state` when no enrolment was started (or it is older than 30 minutes).',
      body: confirmEnrolmentRequestSchema,
      response: {
        200: confirmedEnrolmentSchema,
        400: errorResponseSchema,
        401: errorResponseSchema,
        409: errorResponseSchema,
      },
    },
    handler: async (request, reply) => {
      const { token, result } = await deps.auth.confirmTwoFactorEnrolment(
        actorOf(request),
        request.body,
        meta(request),
      );
      void reply.setCookie(cookieName, token, sessionCookieOptions(deps.cookieSecure));
      return result;
    },
  });

  r.post('/api/v1/me/two-factor/disable', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['session'],
      summary: 'Turn two-factor sign-in off',
      description:
        'Needs the app’s current code or a recovery code. 403 `forbidden` when a role of the user requires two-factor sign-in.',
      body: secondFactorProofSchema,
      response: {
        204: z.null(),
        400: errorResponseSchema,
        401: errorResponseSchema,
        403: errorResponseSchema,
        409: errorResponseSchema,
      },
    },
    handler: async (request, reply) => {
      await deps.auth.disableTwoFactor(actorOf(request), request.body, meta(request));
      return reply.status(204).send(null);
    },
  });
}

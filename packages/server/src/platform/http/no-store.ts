import type { FastifyInstance } from 'fastify';
import { sessionCookieName } from '../auth/session-cookie';

const noStore = 'no-store';

/**
 * Whatever a signed-in user is answered (a full ID number from reveal-id, a staff list, a
 * PDF) is for them alone: no browser, proxy or back button keeps a copy. An answer is
 * `no-store` when the request was signed in, carried a session cookie to the API, or the
 * answer sets a cookie (sign-in). Public answers to anonymous callers (the certificate keys,
 * the badge issuer) and the web app's hashed assets keep their own caching.
 */
export function registerNoStore(app: FastifyInstance, cookieSecure: boolean): void {
  const cookieName = sessionCookieName(cookieSecure);
  app.addHook('onSend', (request, reply, payload, done) => {
    const current = reply.getHeader('cache-control');
    const alreadyNoStore = typeof current === 'string' && current.includes(noStore);
    if (!alreadyNoStore) {
      const signedIn =
        request.actor !== null ||
        (request.cookies[cookieName] !== undefined && request.url.startsWith('/api/')) ||
        reply.hasHeader('set-cookie');
      if (signedIn) void reply.header('cache-control', noStore);
    }
    done(null, payload);
  });
}

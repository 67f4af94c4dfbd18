import type { FastifyInstance, FastifyReply, RouteHandlerMethod } from 'fastify';
import { isLostConnection } from '../db/pg-errors';
import type { ReadChoice, ReadRouting } from '../db/read-routing';

/** The cookie carrying the caller's last write position (ADR 0041). */
export const writePositionCookie = 'jijiao_wlsn';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Read routing over HTTP (ADR 0041). A route declaring `config.reads: 'replica'` has its
 * handler run with its replica-tolerant reads on the standby, unless the standby lags,
 * cannot be reached, or has not replayed the caller's own last write; the answer says
 * where it read (`X-Jijiao-Read-Source`, and why the primary). After a signed-in caller's
 * successful write, the primary's WAL position goes into the `jijiao_wlsn` cookie: their
 * next page reads what they wrote, on whichever server the load balancer picks. Must be
 * registered before the routes.
 */
export function registerReadRouting(
  app: FastifyInstance,
  routing: ReadRouting,
  options: { cookieSecure: boolean; onChoice?: (choice: ReadChoice) => void },
): void {
  const { cookieSecure, onChoice } = options;
  const announce = (reply: FastifyReply, choice: ReadChoice) => {
    onChoice?.(choice);
    void reply.header(
      'x-jijiao-read-source',
      choice.reason ? `${choice.source}; reason=${choice.reason}` : choice.source,
    );
    if (choice.lagSeconds !== null)
      void reply.header('x-jijiao-replica-lag', choice.lagSeconds.toFixed(1));
  };
  app.addHook('onRoute', (route) => {
    if (route.config?.reads !== 'replica' || !routing.enabled) return;
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function routed(request, reply) {
      const choice = await routing.choose(request.cookies[writePositionCookie]);
      announce(reply, choice);
      try {
        return await routing.run<unknown>(choice, () => handler.call(this, request, reply));
      } catch (error) {
        // The replica went away between its last check and this read: the primary answers
        // (a routed handler only reads, or computes a stale standing the same way again).
        if (choice.source !== 'replica' || reply.sent || !isLostConnection(error)) throw error;
        routing.replicaFailed();
        const fallback: ReadChoice = {
          source: 'primary',
          reason: 'replica_unavailable',
          lagSeconds: null,
        };
        announce(reply, fallback);
        void reply.removeHeader('x-jijiao-replica-lag');
        return routing.run<unknown>(fallback, () => handler.call(this, request, reply));
      }
    };
  });
  if (!routing.enabled) return;
  app.addHook('onSend', async (request, reply, payload) => {
    if (!writeMethods.has(request.method) || reply.statusCode >= 400 || !request.actor)
      return payload;
    const position = await routing.writePosition();
    if (position)
      void reply.setCookie(writePositionCookie, position, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: cookieSecure,
        // Longer than any lag the replica is read at: after it, the bound decides alone.
        maxAge: routing.writePositionSeconds,
      });
    return payload;
  });
}

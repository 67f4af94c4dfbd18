import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error';
import type { Metrics } from '../../platform/metrics/metrics';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Whether the request carries the scrape token. Both sides are hashed first, so the
 * comparison takes the same time whatever the length and content of what was sent.
 */
function carriesToken(authorization: string | undefined, token: string): boolean {
  const sent = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(sent), digest(token));
}

/**
 * `GET /metrics` for Prometheus (ADR 0040), and the request-latency histogram every answer
 * feeds. Without JIJIAO_METRICS_TOKEN, or without the right bearer token, the route answers
 * the same 404 as a path that does not exist: a scanner learns nothing.
 */
export function registerMetricsRoutes(
  app: FastifyInstance,
  deps: { metrics: Metrics; token: string | null },
): void {
  const { metrics, token } = deps;
  if (token !== null) {
    app.addHook('onResponse', (request, reply, done) => {
      metrics.observeRequest(
        {
          method: request.method,
          // The pattern (`/api/v1/people/:id`), never the path: ids would explode the series.
          route: request.routeOptions.url ?? 'unmatched',
          status_class: `${String(Math.floor(reply.statusCode / 100))}xx`,
        },
        reply.elapsedTime / 1000,
      );
      done();
    });
  }

  app.withTypeProvider<ZodTypeProvider>().get('/metrics', {
    config: { permission: 'public' },
    schema: { hide: true, response: { 200: z.string() } },
    handler: async (request, reply) => {
      if (token === null || !carriesToken(request.headers.authorization, token))
        throw new AppError('not_found', `No route ${request.method} /metrics`);
      const text = await metrics.text();
      return reply
        .type(metrics.contentType)
        .serializer((payload) => String(payload))
        .send(text);
    },
  });
}

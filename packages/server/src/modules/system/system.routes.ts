import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { appInfoSchema, healthSchema } from '@jijiao/contracts';
import { z } from 'zod';

export function registerSystemRoutes(
  app: FastifyInstance,
  deps: { demo: boolean; version: string },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/health', {
    config: { permission: 'public' },
    schema: { tags: ['system'], summary: 'Liveness', response: { 200: healthSchema } },
    handler: () => ({ status: 'ok' as const }),
  });

  r.get('/api/v1/app-info', {
    config: { permission: 'public' },
    schema: {
      tags: ['system'],
      summary: 'Name, version and mode of this installation',
      response: { 200: appInfoSchema },
    },
    handler: () => ({
      name: 'jijiao' as const,
      version: deps.version,
      demo: deps.demo,
      defaultLocale: 'zh-CN' as const,
    }),
  });

  r.get('/api/openapi.json', {
    config: { permission: 'public' },
    schema: { hide: true, response: { 200: z.unknown() } },
    handler: () => app.swagger(),
  });
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { appInfoSchema, healthSchema, systemDashboardSchema } from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import type { SystemService } from './system.service';
import { z } from 'zod';

export function registerSystemRoutes(
  app: FastifyInstance,
  deps: { demo: boolean; version: string; system: SystemService },
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

  r.get('/api/v1/system/dashboard', {
    config: { permission: 'system:monitor' },
    schema: {
      tags: ['system'],
      summary: '工作台: database, HR push outbox, locked accounts and failed sign-ins',
      description:
        'The outbox, the accounts and the sign-ins of the caller’s subtree; the database (instance-wide) only for a system administrator at a root of the tree.',
      response: { 200: systemDashboardSchema },
    },
    handler: (request) => deps.system.dashboard(actorOf(request)),
  });

  r.get('/api/openapi.json', {
    config: { permission: 'public' },
    schema: { hide: true, response: { 200: z.unknown() } },
    handler: () => app.swagger(),
  });
}

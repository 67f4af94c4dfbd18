import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  appInfoSchema,
  backupListSchema,
  backupNameSchema,
  backupSchema,
  healthSchema,
  systemDashboardSchema,
} from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import type { SystemService } from './system.service';
import type { BackupsService } from './backups.service';
import { z } from 'zod';

export function registerSystemRoutes(
  app: FastifyInstance,
  deps: { demo: boolean; version: string; system: SystemService; backups: BackupsService },
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

  r.get('/api/v1/system/backups', {
    config: { permission: 'system:monitor' },
    schema: {
      tags: ['system'],
      summary: 'Backups in the backup directory, newest first, with their last check',
      response: { 200: backupListSchema },
    },
    handler: (request) => deps.backups.list(actorOf(request)),
  });

  r.post('/api/v1/system/backups', {
    config: { permission: 'system:monitor' },
    schema: {
      tags: ['system'],
      summary: 'Write a backup now (and check it)',
      description:
        'Every table from one snapshot, with a manifest of row counts and checksums (ADR 0032). 409 while another backup is being written.',
      response: { 201: backupSchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await deps.backups.create(actorOf(request), request.ip)),
  });

  r.post('/api/v1/system/backups/:name/check', {
    config: { permission: 'system:monitor' },
    schema: {
      tags: ['system'],
      summary: 'Check a backup: every table against the checksums of its manifest',
      params: z.object({ name: backupNameSchema }),
      response: { 200: backupSchema },
    },
    handler: (request) => deps.backups.check(actorOf(request), request.params.name, request.ip),
  });

  r.get('/api/openapi.json', {
    config: { permission: 'public' },
    schema: { hide: true, response: { 200: z.unknown() } },
    handler: () => app.swagger(),
  });
}

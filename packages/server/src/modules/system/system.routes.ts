import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  appInfoSchema,
  backupListSchema,
  backupNameSchema,
  backupSchema,
  healthSchema,
  notReadySchema,
  readinessSchema,
  systemDashboardSchema,
} from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import type { SystemService } from './system.service';
import type { BackupsService } from './backups.service';
import { z } from 'zod';
import type { Lifecycle } from '../../platform/http/lifecycle';

/** How long the readiness probe waits for the database. */
const readinessTimeoutMs = 2000;

export function registerSystemRoutes(
  app: FastifyInstance,
  deps: {
    demo: boolean;
    version: string;
    system: SystemService;
    backups: BackupsService;
    lifecycle: Lifecycle;
  },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/health', {
    config: { permission: 'public' },
    schema: { tags: ['system'], summary: 'Liveness', response: { 200: healthSchema } },
    handler: () => ({ status: 'ok' as const }),
  });

  r.get('/api/health/live', {
    config: { permission: 'public' },
    schema: {
      tags: ['system'],
      summary: 'Liveness: the process answers (no database)',
      response: { 200: healthSchema },
    },
    handler: () => ({ status: 'ok' as const }),
  });

  r.get('/api/health/ready', {
    config: { permission: 'public' },
    schema: {
      tags: ['system'],
      summary: 'Readiness: the database answers and holds this version’s migrations',
      description:
        '503 with a reason while the database does not answer within 2 s, while migrations differ from this version’s, and from the moment a graceful shutdown begins (ADR 0040).',
      response: { 200: readinessSchema, 503: notReadySchema },
    },
    handler: async (_request, reply) => {
      const readiness = await deps.system.readiness(deps.lifecycle.draining, readinessTimeoutMs);
      return readiness.status === 'ready'
        ? reply.code(200).send(readiness)
        : reply.code(503).send(readiness);
    },
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

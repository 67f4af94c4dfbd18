import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditLogListSchema, auditLogQuerySchema } from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import type { AuditLogService } from './audit-log.service';

export function registerAuditLogRoutes(
  app: FastifyInstance,
  deps: { auditLog: AuditLogService },
): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/audit-log', {
    config: { permission: 'audit_log:read' },
    schema: {
      tags: ['audit log'],
      summary: 'The append-only audit log within the caller’s subtree, newest first',
      querystring: auditLogQuerySchema,
      response: { 200: auditLogListSchema },
    },
    handler: async (request) => {
      const { limit, before, ...filter } = request.query;
      const rows = await deps.auditLog.list(actorOf(request), limit + 1, before, filter);
      const page = rows.slice(0, limit);
      return {
        items: page.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorUserId: r.actorUserId,
          actorUsername: r.actorUsername,
          action: r.action,
          targetType: r.targetType,
          targetId: r.targetId,
          ip: r.ip,
          details: r.details,
        })),
        nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
      };
    },
  });
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  auditDashboardSchema,
  auditDeadlinesSchema,
  auditDecisionSchema,
  auditListSchema,
  auditNoteSchema,
  auditOpenSchema,
  auditParamsSchema,
  auditProgressSchema,
  auditResultSchema,
  auditRunSchema,
  auditSchema,
  auditUnitParamsSchema,
  earlyAuditCreateSchema,
  earlyAuditListSchema,
  earlyAuditParamsSchema,
  earlyAuditSchema,
  errorResponseSchema,
  fileAuditResultSchema,
  reportListSchema,
  unitAuditSchema,
  unitReportSchema,
  versionBodySchema,
} from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import type { AuditService } from './audit.service';
import type { AuditChainService } from './audit-chain.service';
import type { AuditEarlyService } from './audit-early.service';
import type { AuditVoidService } from './audit-void.service';
import type { AuditVoidPreview } from './audit-void-preview';
import { registerAuditVoidRoutes } from './audit-void.routes';

export interface AuditRouteDeps {
  audits: AuditService;
  chain: AuditChainService;
  early: AuditEarlyService;
  voids: AuditVoidService;
  voidPreview: AuditVoidPreview;
}

const errors = {
  400: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const tags = ['annual audit'];
const unitPersonParams = auditUnitParamsSchema.extend({ personId: z.uuid() });

export function registerAuditRoutes(app: FastifyInstance, deps: AuditRouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { audits, chain, early, voids, voidPreview } = deps;
  const base = '/api/v1/audits';

  r.post(base, {
    config: { permission: 'audit:manage' },
    schema: {
      tags,
      summary: 'Open the annual audit of an ended year (one open audit per province)',
      body: auditOpenSchema,
      response: { 201: auditSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await audits.open(actorOf(request), request.body, request.ip)),
  });

  r.get(`${base}/dashboard`, {
    config: { permission: 'audit:read' },
    schema: {
      tags,
      summary:
        '工作台: the latest audit’s units in the caller’s subtree, per status, the late ones',
      response: { 200: auditDashboardSchema },
    },
    handler: (request) => audits.dashboard(actorOf(request)),
  });

  r.get(base, {
    config: { permission: 'audit:read' },
    schema: {
      tags,
      summary: 'Audits of the caller’s provinces',
      response: { 200: auditListSchema },
    },
    handler: (request) => audits.list(actorOf(request)),
  });

  r.get(`${base}/:id`, {
    config: { permission: 'audit:read' },
    schema: {
      tags,
      summary: 'One audit with its last run',
      params: auditParamsSchema,
      response: { 200: auditSchema, ...errors },
    },
    handler: (request) => audits.get(actorOf(request), request.params.id),
  });

  r.patch(`${base}/:id/deadlines`, {
    config: { permission: 'audit:manage' },
    schema: {
      tags,
      summary: 'Set the report and early audit deadlines',
      params: auditParamsSchema,
      body: auditDeadlinesSchema,
      response: { 200: auditSchema, ...errors },
    },
    handler: (request) =>
      audits.setDeadlines(actorOf(request), request.params.id, request.body, request.ip),
  });

  r.post(`${base}/:id/runs`, {
    config: { permission: 'audit:manage' },
    schema: {
      tags,
      summary: 'Start (or re-run) the evaluation job; follow it with GET …/run',
      params: auditParamsSchema,
      response: { 202: auditRunSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply.code(202).send(await audits.startRun(actorOf(request), request.params.id, request.ip)),
  });

  r.get(`${base}/:id/run`, {
    config: { permission: 'audit:read' },
    schema: {
      tags,
      summary: 'Progress of the last evaluation job',
      params: auditParamsSchema,
      response: { 200: auditRunSchema.nullable(), ...errors },
    },
    handler: (request) => audits.lastRun(actorOf(request), request.params.id),
  });

  r.get(`${base}/:id/progress`, {
    config: { permission: 'audit:read' },
    schema: {
      tags,
      summary: 'Per unit and per city: reported, pending, late',
      params: auditParamsSchema,
      response: { 200: auditProgressSchema, ...errors },
    },
    handler: (request) => audits.progress(actorOf(request), request.params.id),
  });

  r.get(`${base}/:id/units/:unitId`, {
    config: { permission: 'audit:read' },
    schema: {
      tags,
      summary: 'A unit’s report and its staff’s results with reasons',
      params: auditUnitParamsSchema,
      response: { 200: unitAuditSchema, ...errors },
    },
    handler: (request) =>
      audits.unitAudit(actorOf(request), request.params.id, request.params.unitId),
  });

  r.put(`${base}/:id/units/:unitId/people/:personId/note`, {
    config: { permission: 'audit:report' },
    schema: {
      tags,
      summary: 'The unit’s note on a person’s result',
      params: unitPersonParams,
      body: auditNoteSchema,
      response: { 200: auditResultSchema, ...errors },
    },
    handler: (request) =>
      audits.setNote(
        actorOf(request),
        request.params.id,
        request.params.unitId,
        request.params.personId,
        request.body.note,
        request.ip,
      ),
  });

  for (const step of ['confirm', 'report'] as const) {
    r.post(`${base}/:id/units/:unitId/${step}`, {
      config: { permission: 'audit:report' },
      schema: {
        tags,
        summary: step === 'confirm' ? 'The unit confirms its list' : 'The unit reports up (上报)',
        params: auditUnitParamsSchema,
        body: versionBodySchema,
        response: { 200: unitReportSchema, ...errors },
      },
      handler: (request) =>
        chain[step](
          actorOf(request),
          request.params.id,
          request.params.unitId,
          request.body.version,
          request.ip,
        ),
    });
  }

  r.get(`${base}/:id/reports`, {
    config: { permission: 'audit:review' },
    schema: {
      tags,
      summary: 'Unit reports waiting at the caller’s level',
      params: auditParamsSchema,
      response: { 200: reportListSchema, ...errors },
    },
    handler: (request) => chain.waiting(actorOf(request), request.params.id),
  });

  r.post(`${base}/:id/units/:unitId/approve`, {
    config: { permission: 'audit:review' },
    schema: {
      tags,
      summary: 'Approve a unit report at the current level (it goes up, or is approved)',
      params: auditUnitParamsSchema,
      body: auditDecisionSchema,
      response: { 200: unitReportSchema, ...errors },
    },
    handler: (request) =>
      chain.approve(
        actorOf(request),
        request.params.id,
        request.params.unitId,
        request.body,
        request.ip,
      ),
  });

  r.post(`${base}/:id/units/:unitId/return`, {
    config: { permission: 'audit:review' },
    schema: {
      tags,
      summary: 'Return a unit report with a reason',
      params: auditUnitParamsSchema,
      body: auditDecisionSchema,
      response: { 200: unitReportSchema, ...errors },
    },
    handler: (request) =>
      chain.returnReport(
        actorOf(request),
        request.params.id,
        request.params.unitId,
        request.body,
        request.ip,
      ),
  });

  r.post(`${base}/:id/file`, {
    config: { permission: 'audit:manage' },
    schema: {
      tags,
      summary: 'File the audit (备案): certificates for the compliant, results to the HR platform',
      params: auditParamsSchema,
      body: versionBodySchema,
      response: { 200: fileAuditResultSchema, ...errors },
    },
    handler: (request) =>
      chain.file(actorOf(request), request.params.id, request.body.version, request.ip),
  });

  r.post(`${base}/:id/early`, {
    config: { permission: 'audit:report' },
    schema: {
      tags,
      summary: 'Request an early audit (提前审核) for named staff',
      params: auditParamsSchema,
      body: earlyAuditCreateSchema,
      response: { 201: earlyAuditSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await early.request(actorOf(request), request.params.id, request.body, request.ip)),
  });

  r.get(`${base}/:id/early`, {
    config: { permission: 'audit:read' },
    schema: {
      tags,
      summary: 'Early audit requests the caller can see',
      params: auditParamsSchema,
      response: { 200: earlyAuditListSchema, ...errors },
    },
    handler: (request) => early.list(actorOf(request), request.params.id),
  });

  for (const action of ['approve', 'return'] as const) {
    r.post(`${base}/:id/early/:requestId/${action}`, {
      config: { permission: 'audit:review' },
      schema: {
        tags,
        summary: `${action === 'approve' ? 'Approve' : 'Return'} an early audit request`,
        params: earlyAuditParamsSchema,
        body: auditDecisionSchema,
        response: { 200: earlyAuditSchema, ...errors },
      },
      handler: (request) =>
        (action === 'approve' ? early.approve.bind(early) : early.returnRequest.bind(early))(
          actorOf(request),
          request.params.id,
          request.params.requestId,
          request.body,
          request.ip,
        ),
    });
  }

  registerAuditVoidRoutes(app, { voids, preview: voidPreview });
}

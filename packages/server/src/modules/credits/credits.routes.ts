import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  bulkEntryResultSchema,
  bulkEntrySchema,
  bulkResultSchema,
  bulkReviewSchema,
  claimCreateSchema,
  claimListQuerySchema,
  claimListSchema,
  claimSchema,
  claimUpdateSchema,
  claimVersionSchema,
  creditPreviewRequestSchema,
  creditPreviewSchema,
  errorResponseSchema,
  evidenceDocumentsQuerySchema,
  evidenceDocumentsSchema,
  idParamsSchema,
  reviewDecisionSchema,
  reviewDashboardSchema,
  reviewLevelsSchema,
  reviewQueueQuerySchema,
  reviewReasonSchema,
} from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import type { ClaimReview } from './claim-review.service';
import type { ClaimsService } from './claims.service';

const errors = {
  400: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};

/** Self-report, unit entry and the review chain. Evidence uploads: evidence.routes.ts. */
export function registerCreditRoutes(
  app: FastifyInstance,
  deps: { claims: ClaimsService; review: ClaimReview },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { claims, review } = deps;

  r.post('/api/v1/credits/preview', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['credits'],
      summary:
        'What the rules would give an activity (credits, class, reasons, packs); stores nothing',
      body: creditPreviewRequestSchema,
      response: { 200: creditPreviewSchema, ...errors },
    },
    handler: (request) => claims.preview(actorOf(request), request.body),
  });

  r.get('/api/v1/credits/evidence-documents', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['credits'],
      summary: 'The documents each activity type’s evidence must include, under a person’s rules',
      description:
        'From the policy packs of the person’s place for the year: a claim submitted without one of them answers 422 `evidence_required` with `details.missing`.',
      querystring: evidenceDocumentsQuerySchema,
      response: { 200: evidenceDocumentsSchema, ...errors },
    },
    handler: (request) => claims.evidenceDocuments(actorOf(request), request.query),
  });

  r.post('/api/v1/credits', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['credits'],
      summary:
        'Record a credit claim: a learner’s own (self-report) or, with personId, a unit admin’s entry for staff',
      description:
        'Draft by default; `submit: true` submits it at once into the unit’s review chain. Evidence uploaded earlier (`POST /api/v1/evidence`) is referenced by sha256. When the same activity already exists (same project number, role and overlapping dates) the existing claim is answered, with a provenance added.',
      body: claimCreateSchema,
      response: { 201: claimSchema, ...errors },
    },
    handler: async (request, reply) => {
      const claim = await claims.report(actorOf(request), request.body, request.ip);
      return reply.status(201).send(claim);
    },
  });

  r.get('/api/v1/credits', {
    config: { permission: 'credit:read_own' },
    schema: {
      tags: ['credits'],
      summary: 'The caller’s own claims, newest first',
      querystring: claimListQuerySchema,
      response: { 200: claimListSchema, ...errors },
    },
    handler: (request) => claims.listOwn(actorOf(request), request.query),
  });

  r.get('/api/v1/credits/:id', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['credits'],
      summary: 'One claim with its evidence, chain, provenances and history',
      params: idParamsSchema,
      response: { 200: claimSchema, ...errors },
    },
    handler: (request) => claims.get(actorOf(request), request.params.id),
  });

  r.patch('/api/v1/credits/:id', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['credits'],
      summary: 'Correct a draft or returned claim (valued again)',
      params: idParamsSchema,
      body: claimUpdateSchema,
      response: { 200: claimSchema, ...errors },
    },
    handler: (request) =>
      claims.update(actorOf(request), request.params.id, request.body, request.ip),
  });

  r.post('/api/v1/credits/:id/submit', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['credits'],
      summary: 'Submit a draft (or resubmit a returned claim) into the review chain',
      params: idParamsSchema,
      body: claimVersionSchema,
      response: { 200: claimSchema, ...errors },
    },
    handler: (request) =>
      review.submit(actorOf(request), request.params.id, request.body, request.ip),
  });

  r.post('/api/v1/credits/:id/approve', {
    config: { permission: 'credit:review' },
    schema: {
      tags: ['reviews'],
      summary: 'Approve at the caller’s level: the next level, or effective at the last',
      description:
        'Send the `version` you saw. Another reviewer acting first answers 409 `stale_state`; your own claim 403.',
      params: idParamsSchema,
      body: reviewDecisionSchema,
      response: { 200: claimSchema, ...errors },
    },
    handler: (request) =>
      review.approve(actorOf(request), request.params.id, request.body, request.ip),
  });

  r.post('/api/v1/credits/:id/return', {
    config: { permission: 'credit:review' },
    schema: {
      tags: ['reviews'],
      summary: 'Return to the submitter with a reason, to correct and resubmit',
      params: idParamsSchema,
      body: reviewReasonSchema,
      response: { 200: claimSchema, ...errors },
    },
    handler: (request) =>
      review.returnClaim(actorOf(request), request.params.id, request.body, request.ip),
  });

  r.post('/api/v1/credits/:id/reject', {
    config: { permission: 'credit:review' },
    schema: {
      tags: ['reviews'],
      summary: 'Reject with a reason (final)',
      params: idParamsSchema,
      body: reviewReasonSchema,
      response: { 200: claimSchema, ...errors },
    },
    handler: (request) =>
      review.reject(actorOf(request), request.params.id, request.body, request.ip),
  });

  r.get('/api/v1/reviews/dashboard', {
    config: { permission: 'credit:review', reads: 'replica' },
    schema: {
      tags: ['reviews'],
      summary: '工作台: how many claims wait at the caller’s level, per activity type, the oldest',
      response: { 200: reviewDashboardSchema, ...errors },
    },
    handler: (request) => review.dashboard(actorOf(request)),
  });

  r.get('/api/v1/reviews/levels', {
    config: { permission: 'credit:review', reads: 'replica' },
    schema: {
      tags: ['reviews'],
      summary:
        '工作台: the claims of the caller’s subtree still in review, per kind of body they wait at',
      description:
        'Counts every submitted claim of the units in the caller’s credit:review subtree, by the kind of the organisation it waits at (unit, association, district, city, CME office), with the oldest submission of each.',
      response: { 200: reviewLevelsSchema, ...errors },
    },
    handler: (request) => review.levels(actorOf(request)),
  });

  r.get('/api/v1/reviews/queue', {
    config: { permission: 'credit:review' },
    schema: {
      tags: ['reviews'],
      summary: 'Claims waiting at the caller’s level (their review subtree), keyset-paginated',
      querystring: reviewQueueQuerySchema,
      response: { 200: claimListSchema, ...errors },
    },
    handler: (request) => review.queue(actorOf(request), request.query),
  });

  for (const action of ['approve', 'return'] as const) {
    r.post(`/api/v1/reviews/${action}`, {
      config: { permission: 'credit:review' },
      schema: {
        tags: ['reviews'],
        summary: `Bulk ${action}: each claim answers for itself`,
        body: bulkReviewSchema,
        response: { 200: bulkResultSchema, ...errors },
      },
      handler: (request) => review.bulk(actorOf(request), action, request.body, request.ip),
    });
  }

  r.post('/api/v1/units/:id/credits::bulk', {
    config: { permission: 'credit:enter' },
    schema: {
      tags: ['credits'],
      summary: 'Unit bulk entry: one activity for many staff, shared evidence, all or nothing',
      params: idParamsSchema,
      body: bulkEntrySchema,
      response: { 200: bulkEntryResultSchema, ...errors },
    },
    handler: (request) =>
      claims.bulkEntry(actorOf(request), request.params.id, request.body, request.ip),
  });
}

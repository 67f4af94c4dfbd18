import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  certificateExportQuerySchema,
  certificateKeysSchema,
  certificateListQuerySchema,
  certificateListSchema,
  certificateRegisterSchema,
  certificateRevokeSchema,
  certificateSchema,
  achievementParamsSchema,
  certificateSerialParamsSchema,
  issuerParamsSchema,
  certificateVerificationSchema,
  errorResponseSchema,
  certificatePdfJobSchema,
  certificateUnitZipQuerySchema,
  jobAcceptedSchema,
} from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import { sendWorkbook } from '../../platform/excel';
import type { AuditLogService } from '../audit-log/audit-log.service';
import type { CertificatesService } from './certificates.service';
import { exportCertificates } from './certificates-excel';

/** A streamed zip as an attachment (the untyped reply: the body is a stream, not JSON). */
function sendZip(
  reply: FastifyReply,
  stream: Readable,
  names: { fileName: string; asciiFileName: string },
): FastifyReply {
  return reply
    .header('content-type', 'application/zip')
    .header(
      'content-disposition',
      `attachment; filename="${names.asciiFileName}"; filename*=UTF-8''${encodeURIComponent(names.fileName)}`,
    )
    .header('cache-control', 'no-store')
    .send(stream);
}

export function registerCertificateRoutes(
  app: FastifyInstance,
  deps: { certificates: CertificatesService; auditLog: AuditLogService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
  const { certificates } = deps;

  r.get('/api/v1/certificates/keys', {
    config: { permission: 'public' },
    schema: {
      tags: ['certificates'],
      summary: 'The provinces’ Ed25519 public keys that sign certificates (JWK and PEM)',
      response: { 200: certificateKeysSchema },
    },
    handler: async (_request, reply) => {
      void reply.header('cache-control', 'public, max-age=300');
      return certificates.publicKeys();
    },
  });

  const openBadgesDocument = {
    200: z.record(z.string(), z.unknown()),
    400: errorResponseSchema,
    404: errorResponseSchema,
  };

  r.get('/api/v1/certificates/issuers/:provinceCode', {
    config: { permission: 'public' },
    schema: {
      tags: ['certificates'],
      summary: 'A province’s Open Badges issuer profile (what a credential’s issuer.id names)',
      params: issuerParamsSchema,
      response: openBadgesDocument,
    },
    handler: async (request, reply) =>
      reply
        .header('content-type', 'application/ld+json; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(await certificates.issuerProfile(request.params.provinceCode)),
  });

  r.get('/api/v1/certificates/achievements/:provinceCode/:year', {
    config: { permission: 'public' },
    schema: {
      tags: ['certificates'],
      summary: 'A year’s Open Badges achievement (what a credential’s achievement.id names)',
      params: achievementParamsSchema,
      response: openBadgesDocument,
    },
    handler: async (request, reply) =>
      reply
        .header('content-type', 'application/ld+json; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(await certificates.achievement(request.params.provinceCode, request.params.year)),
  });

  r.get('/api/v1/certificates/:serial/verify', {
    config: { permission: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      tags: ['certificates'],
      summary: 'Check a certificate without signing in (holder masked)',
      description:
        'valid = issued here, its stored data still matches its signature, and not revoked. An unknown or altered serial answers valid=false.',
      params: certificateSerialParamsSchema,
      response: { 200: certificateVerificationSchema },
    },
    handler: async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return certificates.verify(request.params.serial);
    },
  });

  r.get('/api/v1/certificates/mine', {
    config: { permission: 'certificate:read_own' },
    schema: {
      tags: ['certificates'],
      summary: 'The signed-in learner’s certificates, newest year first',
      response: { 200: certificateListSchema },
    },
    handler: (request) => certificates.mine(actorOf(request)),
  });

  r.get('/api/v1/certificates', {
    config: { permission: 'certificate:read' },
    schema: {
      tags: ['certificates'],
      summary: 'The certificate register of the caller’s subtree, by serial (total on page one)',
      description:
        'Filters: year, an organisation’s subtree, valid or revoked, a name or serial. Each row counts its public verifications.',
      querystring: certificateListQuerySchema,
      response: { 200: certificateRegisterSchema, ...errors },
    },
    handler: (request) => certificates.list(actorOf(request), request.query),
  });

  r.get('/api/v1/certificates/export.xlsx', {
    config: { permission: 'certificate:read' },
    schema: {
      tags: ['certificates'],
      summary: 'The register as xlsx, for the same filters as the list (ID numbers masked)',
      querystring: certificateExportQuerySchema,
      response: { 400: errorResponseSchema, 404: errorResponseSchema },
    },
    handler: async (request, reply) => {
      const stream = await exportCertificates(deps, actorOf(request), request.query, request.ip);
      const year = request.query.year === undefined ? '' : `-${String(request.query.year)}`;
      return sendWorkbook(reply, stream, {
        fileName: `合格证明${year}.xlsx`,
        asciiFileName: `certificates${year}.xlsx`,
      });
    },
  });

  r.post('/api/v1/certificates/pdf-jobs', {
    config: { permission: 'certificate:manage' },
    schema: {
      tags: ['certificates'],
      summary: 'Store the PDFs of a year’s certificates in a subtree, on every core (a job)',
      description:
        'Answers 202 and the job to follow at /api/v1/jobs/:id (progress: certificates done of total). Resumable: a job cut short carries on where it stopped, one PDF per certificate.',
      body: certificatePdfJobSchema,
      response: { 202: jobAcceptedSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply.code(202).send(await certificates.startPdfJob(actorOf(request), request.body)),
  });

  r.get('/api/v1/certificates/unit-archive.zip', {
    config: { permission: 'certificate:read' },
    schema: {
      tags: ['certificates'],
      summary: 'A unit’s valid certificates of a year as one zip of PDFs (streamed)',
      description:
        'For an admin whose subtree holds the unit. Stored PDFs are served as stored, others rendered; an altered certificate is left out and reported to the audit log.',
      querystring: certificateUnitZipQuerySchema,
      response: { 400: errorResponseSchema, 404: errorResponseSchema },
    },
    handler: async (request, reply) => {
      const { unitId, year } = request.query;
      const { unit, stream } = await certificates.unitZip(
        actorOf(request),
        unitId,
        year,
        request.ip,
      );
      return sendZip(reply, stream, {
        fileName: `合格证明-${unit.name}-${String(year)}.zip`,
        asciiFileName: `certificates-${String(year)}.zip`,
      });
    },
  });

  r.get('/api/v1/certificates/:serial', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['certificates'],
      summary: 'One certificate: its holder, or an admin over its unit (else 404)',
      params: certificateSerialParamsSchema,
      response: { 200: certificateSchema, ...errors },
    },
    handler: (request) => certificates.get(actorOf(request), request.params.serial),
  });

  r.get('/api/v1/certificates/:serial/pdf', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['certificates'],
      summary: 'The certificate as an A4 PDF: its holder, or an admin over its unit (else 404)',
      description:
        'Served only while the stored data matches its signature; an altered certificate is 409 `certificate_tampered`.',
      params: certificateSerialParamsSchema,
    },
    handler: async (request, reply) => {
      const { serial, pdf } = await certificates.pdf(
        actorOf(request),
        request.params.serial,
        request.ip,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="certificate-${serial}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  });

  r.get('/api/v1/certificates/:serial/badge', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['certificates'],
      summary: 'The certificate as a signed Open Badges 3.0 credential (JSON-LD)',
      description:
        'Data Integrity proof, cryptosuite eddsa-jcs-2022, key from /api/v1/certificates/keys. Signed only while the stored data matches its original signature; an altered certificate is 409 `certificate_tampered`.',
      params: certificateSerialParamsSchema,
      response: {
        200: z.record(z.string(), z.unknown()),
        404: errorResponseSchema,
        409: errorResponseSchema,
      },
    },
    handler: async (request, reply) => {
      const { serial, badge } = await certificates.badge(
        actorOf(request),
        request.params.serial,
        request.ip,
      );
      return reply
        .header('content-type', 'application/ld+json; charset=utf-8')
        .header('content-disposition', `attachment; filename="certificate-${serial}.badge.json"`)
        .header('cache-control', 'no-store')
        .send(badge);
    },
  });

  r.post('/api/v1/certificates/:serial/revoke', {
    config: { permission: 'certificate:manage' },
    schema: {
      tags: ['certificates'],
      summary: 'Revoke a certificate (fraud); the HR platform is told',
      params: certificateSerialParamsSchema,
      body: certificateRevokeSchema,
      response: { 200: certificateSchema, ...errors },
    },
    handler: (request) =>
      certificates.revokeBySerial(
        actorOf(request),
        request.params.serial,
        request.body.reason,
        request.ip,
      ),
  });
}

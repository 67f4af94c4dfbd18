import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  errorResponseSchema,
  evidenceKindQuerySchema,
  evidenceUploadedSchema,
  idParamsSchema,
  sha256ParamsSchema,
} from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import { notFound } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors/app-error';
import type { EvidenceDocumentKind, EvidenceUploaded } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import type { EvidenceService, EvidenceUpload } from './evidence.service';

/**
 * What these routes need of the claims that use evidence (the credits module's claims
 * service provides it): declared here so that evidence does not depend on credits.
 */
export interface ClaimEvidenceAccess {
  upload(actor: Actor, upload: EvidenceUpload): Promise<EvidenceUploaded>;
  attachUpload(
    actor: Actor,
    claimId: string,
    upload: EvidenceUpload,
    ip: string,
    kind?: EvidenceDocumentKind,
  ): Promise<EvidenceUploaded>;
  canSeeAny(actor: Actor, claimIds: readonly string[]): Promise<boolean>;
}

const errors = {
  400: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  413: errorResponseSchema,
  415: errorResponseSchema,
};

/** The one file of a multipart upload (field `file`), at most `maxBytes` (else 413). */
async function readEvidence(request: FastifyRequest, maxBytes: number): Promise<EvidenceUpload> {
  const noFile = () =>
    new AppError(
      'validation_failed',
      'file: attach a JPEG, PNG or PDF as form field "file"',
      undefined,
      [{ path: 'file', message: '请选择 JPEG、PNG 或 PDF 文件' }],
    );
  if (!request.isMultipart()) throw noFile();
  try {
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!part || part.fieldname !== 'file') throw noFile();
    const bytes = await part.toBuffer();
    return { bytes, fileName: part.filename || 'evidence', declaredType: part.mimetype };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('file_too_large', `The file is larger than ${maxBytes} bytes`, {
        maxBytes,
      });
    }
    throw error;
  }
}

/** Evidence uploads and inline viewing, in their own plugin scope (multipart parser). */
export function registerEvidenceRoutes(
  app: FastifyInstance,
  deps: { claims: ClaimEvidenceAccess; evidence: EvidenceService; maxBytes: number },
): void {
  void app.register(async (scope) => {
    await scope.register(multipart);
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post('/api/v1/evidence', {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['evidence'],
        summary: 'Upload an evidence file (multipart field `file`) to reference later by sha256',
        description:
          'JPEG, PNG or PDF, recognised from the bytes: a file named otherwise is stored as what it is (`declaredTypeMismatch: true`); anything else answers 415 `evidence_rejected`; over the size limit 413 `file_too_large`.',
        response: { 201: evidenceUploadedSchema, ...errors },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        if (!actor.permissions.has('credit:submit_own') && !actor.permissions.has('credit:enter'))
          throw new AppError(
            'forbidden',
            'Uploading evidence needs credit:submit_own or credit:enter',
          );
        const upload = await readEvidence(request, deps.maxBytes);
        return reply.status(201).send(await deps.claims.upload(actor, upload));
      },
    });

    r.post('/api/v1/credits/:id/evidence', {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['evidence'],
        summary: 'Upload an evidence file and attach it to a draft or returned claim',
        description: '`?kind=` says which document the file is (one the claim’s type asks for).',
        params: idParamsSchema,
        querystring: evidenceKindQuerySchema,
        response: { 201: evidenceUploadedSchema, ...errors },
      },
      handler: async (request, reply) => {
        const upload = await readEvidence(request, deps.maxBytes);
        const stored = await deps.claims.attachUpload(
          actorOf(request),
          request.params.id,
          upload,
          request.ip,
          request.query.kind,
        );
        return reply.status(201).send(stored);
      },
    });

    r.get('/api/v1/evidence/:sha256', {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['evidence'],
        summary: 'View an evidence file inline (to those who may see a claim that uses it)',
        params: sha256ParamsSchema,
      },
      handler: async (request, reply) => {
        const { sha256 } = request.params;
        const claimIds = await deps.evidence.claimIdsUsing(sha256);
        const file =
          claimIds.length > 0 && (await deps.claims.canSeeAny(actorOf(request), claimIds))
            ? await deps.evidence.read(sha256)
            : undefined;
        // Visible through the claims using it: ClaimsService.canSeeAny asks credits.policy.ts.
        if (!file) throw notFound({ what: 'evidence file', details: { sha256 } });
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', 'inline')
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(file.bytes);
      },
    });
  });
}

import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode, ErrorResponse, FieldIssue } from '@jijiao/contracts';
import { AppError, httpStatusOf } from './app-error';

/** `/activities/2/hours` → `activities.2.hours`; the whole body or query when empty. */
function issuePath(instancePath: string, context: string | undefined): string {
  const dotted = instancePath.split('/').filter(Boolean).join('.');
  return dotted || (context ?? '');
}

/** The status and body an error answers with: `{ error: { code, message } }`. */
export function errorAnswer(error: FastifyError | AppError | Error): {
  status: number;
  body: ErrorResponse;
} {
  if (error instanceof AppError) {
    return {
      status: httpStatusOf[error.code],
      body: {
        error: {
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
          ...(error.issues ? { issues: error.issues } : {}),
        },
      },
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues: FieldIssue[] = error.validation.map((v) => ({
      path: issuePath(v.instancePath, error.validationContext),
      message: v.message ?? 'invalid',
    }));
    return {
      status: 400,
      body: {
        error: {
          code: 'validation_failed',
          message: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
          issues,
        },
      },
    };
  }
  if ('statusCode' in error && typeof error.statusCode === 'number' && error.statusCode < 500) {
    const status = error.statusCode;
    const code =
      status === 429 ? 'rate_limited' : status === 404 ? 'not_found' : 'validation_failed';
    return { status, body: { error: { code, message: error.message } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'Internal error' } } };
}

/**
 * Refusals an operator must hear of at once (the log's error level, `alarm: true`): a
 * stored certificate no longer matching its signature means someone wrote to the table.
 */
const alarmCodes: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['certificate_tampered']);

/**
 * Maps every error to `{ error: { code, message } }`; 5xx internals are logged, never sent.
 * The log gets the error's type, code, message and stack (logger.ts): never the request
 * body nor a failed query's parameters.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    const { status, body } = errorAnswer(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else if (alarmCodes.has(body.error.code))
      request.log.error(
        { alarm: true, code: body.error.code, status, details: body.error.details },
        body.error.message,
      );
    else request.log.info({ code: body.error.code, status }, 'request rejected');
    return reply.status(status).send(body);
  });
}

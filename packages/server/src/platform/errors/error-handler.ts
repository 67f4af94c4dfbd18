import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorResponse, FieldIssue } from '@jijiao/contracts';
import { AppError, httpStatusOf } from './app-error';

/** `/activities/2/hours` → `activities.2.hours`; the whole body or query when empty. */
function issuePath(instancePath: string, context: string | undefined): string {
  const dotted = instancePath.split('/').filter(Boolean).join('.');
  return dotted || (context ?? '');
}

/** Maps every error to `{ error: { code, message } }`; 5xx internals are logged, never sent. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    let body: ErrorResponse;
    let status: number;
    if (error instanceof AppError) {
      status = httpStatusOf[error.code];
      body = {
        error: {
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
          ...(error.issues ? { issues: error.issues } : {}),
        },
      };
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      status = 400;
      const issues: FieldIssue[] = error.validation.map((v) => ({
        path: issuePath(v.instancePath, error.validationContext),
        message: v.message ?? 'invalid',
      }));
      body = {
        error: {
          code: 'validation_failed',
          message: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
          issues,
        },
      };
    } else if (
      'statusCode' in error &&
      typeof error.statusCode === 'number' &&
      error.statusCode < 500
    ) {
      status = error.statusCode;
      const code =
        status === 429 ? 'rate_limited' : status === 404 ? 'not_found' : 'validation_failed';
      body = { error: { code, message: error.message } };
    } else {
      status = 500;
      body = { error: { code: 'internal', message: 'Internal error' } };
    }
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.error.code, status }, 'request rejected');
    return reply.status(status).send(body);
  });
}

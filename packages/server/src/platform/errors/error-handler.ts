import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode, ErrorResponse, FieldIssue } from '@jijiao/contracts';
import { AppError, httpStatusOf } from './app-error';

/** `/activities/2/hours` → `activities.2.hours`; the whole body or query when empty. */
function issuePath(instancePath: string, context: string | undefined): string {
  const dotted = instancePath.split('/').filter(Boolean).join('.');
  return dotted || (context ?? '');
}

/**
 * Fastify's own refusals of a request it could not read, by the part at fault: a path
 * that is not percent-encoded UTF-8 or holds a parameter past the router's length, a body
 * that is not JSON (a `__proto__` key included), too large, or of a type no parser takes.
 * Each answers with its code's status (the table in app-error.ts) and names that part.
 */
const unreadableRequests: Readonly<Record<string, { path: string; code: ErrorCode }>> = {
  FST_ERR_BAD_URL: { path: 'url', code: 'validation_failed' },
  FST_ERR_MAX_PARAM_LENGTH: { path: 'url', code: 'validation_failed' },
  FST_ERR_CTP_INVALID_JSON_BODY: { path: 'body', code: 'validation_failed' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { path: 'body', code: 'validation_failed' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { path: 'headers.content-length', code: 'validation_failed' },
  FST_ERR_CTP_BODY_TOO_LARGE: { path: 'body', code: 'file_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { path: 'headers.content-type', code: 'unsupported_file' },
};

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
  const unreadable = 'code' in error ? unreadableRequests[error.code] : undefined;
  if (unreadable) {
    const { path, code } = unreadable;
    return {
      status: httpStatusOf[code],
      body: {
        error: {
          code,
          message: `${path}: ${error.message}`,
          issues: [{ path, message: error.message }],
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

/**
 * Fastify's `frameworkErrors`: the router's refusals (a path that is not percent-encoded
 * UTF-8, an over-long parameter) answered as every other error, not in Fastify's own shape.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const { status, body } = errorAnswer(error);
  request.log.info({ code: body.error.code, status }, 'request rejected');
  void reply.status(status).send(body);
}

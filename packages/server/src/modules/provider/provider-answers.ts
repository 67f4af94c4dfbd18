import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorResponse, FieldIssue } from '@jijiao/contracts';
import type { ZodError } from 'zod';
import { AppError } from '../../platform/errors/app-error';
import { errorAnswer } from '../../platform/errors/error-handler';

/**
 * The open API's answers to errors: as everywhere (`{ error: { code, … } }`), except that
 * a body the platform must correct (`validation_failed`: schema, unknown person, name
 * mismatch, an activity the rules engine cannot value) is 422, as platforms expect.
 */
export function providerAnswer(error: FastifyError | AppError | Error): {
  status: number;
  body: ErrorResponse;
} {
  const answer = errorAnswer(error);
  return answer.body.error.code === 'validation_failed' ? { ...answer, status: 422 } : answer;
}

/** The per-route error handler of the open API routes. */
export function providerErrorHandler(
  error: FastifyError | AppError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const { status, body } = providerAnswer(error);
  if (status >= 500) request.log.error({ err: error }, 'platform request failed');
  else request.log.info({ code: body.error.code, status }, 'platform request rejected');
  return reply.status(status).send(body);
}

/** A zod failure as `validation_failed`, each issue by its dotted path. */
export function validationError(error: ZodError, prefix = ''): AppError {
  const issues: FieldIssue[] = error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || 'body',
    message: i.message,
  }));
  return new AppError(
    'validation_failed',
    issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    undefined,
    issues,
  );
}

export function fieldError(path: string, message: string): AppError {
  return new AppError('validation_failed', `${path}: ${message}`, undefined, [{ path, message }]);
}

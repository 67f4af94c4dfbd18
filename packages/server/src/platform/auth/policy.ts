import type { FieldIssue } from '@jijiao/contracts';
import { AppError } from '../errors/app-error';

/**
 * A pure access predicate: may `actor` see or change `object`? Policies live next to each
 * feature (`<feature>.policy.ts`), do no I/O and never throw, so they can be tested as tables.
 */
export type Policy<A, T> = (actor: A, object: T) => boolean;

/** How a hidden or missing object answers: exactly the 404 the API has always given. */
export interface NotFoundAnswer {
  /** Read as "No such <what>". */
  what: string;
  details?: Record<string, unknown>;
  issues?: FieldIssue[];
}

/** The 404 of a missing object; an object outside the actor's scope gets the very same answer. */
export function notFound(answer: NotFoundAnswer): AppError {
  return new AppError('not_found', `No such ${answer.what}`, answer.details, answer.issues);
}

/**
 * The row if the actor may reach it, else the 404. An object outside the actor's scope
 * answers exactly like one that does not exist, so ids cannot be probed (403 is only for
 * a missing permission, which the route guard answers before the service runs).
 */
export function visibleOr404<A, T>(
  row: T | null | undefined,
  can: Policy<A, NonNullable<T>>,
  actor: A,
  answer: NotFoundAnswer,
): NonNullable<T> {
  if (row === null || row === undefined || !can(actor, row)) throw notFound(answer);
  return row;
}

/** Allowed if any of `policies` allows (e.g. a project read by its reviewer or its filer). */
export function anyOf<A, T>(...policies: readonly Policy<A, T>[]): Policy<A, T> {
  return (actor, object) => policies.some((can) => can(actor, object));
}

import type { Actor } from '../../platform/auth/actor';
import { isWithinScope, scopeOf } from '../../platform/auth/actor';
import { anyOf, type Policy } from '../../platform/auth/policy';

type HostedAt = { hostPath: string };
type BatchAt = HostedAt & { status: string };

/** The first segment of a materialised path: the province's subtree. */
export function provincePathOf(path: string): string {
  const root = path.split('/').filter(Boolean)[0] ?? '';
  return `/${root}/`;
}

/** A host awards credits for projects of its own org (award:manage), and keeps their batches. */
export const canAwardFor: Policy<Actor, HostedAt> = (actor, project) =>
  isWithinScope(scopeOf(actor, 'award:manage'), project.hostPath);

/** The host's side of a batch, whatever its status. */
export const canHostBatch: Policy<Actor, HostedAt> = canAwardFor;

/**
 * The province's CME office reviews batches of hosts anywhere in its province, but only
 * once submitted: a draft is the host's own business and stays hidden from reviewers.
 */
export const canReviewBatch: Policy<Actor, BatchAt> = (actor, batch) =>
  batch.status !== 'draft' &&
  isWithinScope(scopeOf(actor, 'award:review'), provincePathOf(batch.hostPath));

/** A batch is seen by its host and, once submitted, by its province's reviewers. */
export const canSeeBatch: Policy<Actor, BatchAt> = anyOf(canHostBatch, canReviewBatch);

/** Only the host changes a batch, and only while it is a draft or returned. */
export const canEditBatch: Policy<Actor, BatchAt> = (actor, batch) =>
  canHostBatch(actor, batch) && (batch.status === 'draft' || batch.status === 'returned');

/**
 * The "actor" is the project: its lines name people of the host's province only (a
 * provincial body cannot award credits into another province's registry).
 */
export const isInProvinceOf: Policy<HostedAt, { unitPath: string }> = (project, person) =>
  isWithinScope(awardPeopleScope(project), person.unitPath);

/** Where a project's award lines may find people: isInProvinceOf, applied in SQL. */
export const awardPeopleScope = (project: HostedAt): string[] => [provincePathOf(project.hostPath)];

/** Lists: canHostBatch over the host scope, canReviewBatch over the reviewers' provinces. */
export function batchListScopes(actor: Actor) {
  return {
    hostScope: scopeOf(actor, 'award:manage'),
    reviewScope: scopeOf(actor, 'award:review').map(provincePathOf),
  };
}

import type { AuditEvent } from '../audit-log/audit-log.service';
import type { NewClaim } from './credits.repository';

// The audit entries the lifecycle's set-based entries write per claim when asked (ADR 0035).

/** The lifecycle's `ClaimActor` (not imported: the lifecycle imports this file). */
interface EntryActor {
  userId: string | null;
  username: string | null;
  ip: string | null;
}

/**
 * Asks a set-based entry to log each claim as one by one does (`credit.recorded`, and
 * `credit.submit` for a submitted one), for callers that log claims, not files.
 */
export interface EntryLog {
  channel: string;
  /** The unit path of each claim, by claim id (the entries' org). */
  unitPaths: ReadonlyMap<string, string>;
}

function recordedEvent(
  claim: Pick<NewClaim, 'id' | 'credits'>,
  status: 'draft' | 'effective',
  actor: EntryActor,
  log: EntryLog,
): AuditEvent {
  return {
    action: 'credit.recorded',
    actorUserId: actor.userId,
    actorUsername: actor.username,
    ip: actor.ip,
    targetType: 'credit_claim',
    targetId: claim.id ?? '',
    orgPath: log.unitPaths.get(claim.id ?? '') ?? null,
    details: { channel: log.channel, status, credits: claim.credits },
  };
}

/** `credit.submit` of a claim entering submitted, as `change` logs a draft's submission. */
function submittedEvent(
  claim: Pick<NewClaim, 'id'> & { status?: string },
  actor: EntryActor,
  log: EntryLog,
): AuditEvent {
  return {
    action: 'credit.submit',
    actorUserId: actor.userId,
    actorUsername: actor.username,
    ip: actor.ip,
    targetType: 'credit_claim',
    targetId: claim.id ?? '',
    orgPath: log.unitPaths.get(claim.id ?? '') ?? null,
    details: { from: 'draft', to: claim.status, step: 0, reason: null },
  };
}

/**
 * The entries of claims entering at once: `credit.recorded` each (effective, or a draft
 * about to be submitted), and `credit.submit` after it when `then` is 'submit'.
 */
export function enteredEvents(
  claims: readonly (Pick<NewClaim, 'id' | 'credits'> & { status?: string })[],
  then: 'submit' | null,
  actor: EntryActor,
  log: EntryLog,
): AuditEvent[] {
  return claims.flatMap((claim) =>
    then === 'submit'
      ? [recordedEvent(claim, 'draft', actor, log), submittedEvent(claim, actor, log)]
      : [recordedEvent(claim, 'effective', actor, log)],
  );
}

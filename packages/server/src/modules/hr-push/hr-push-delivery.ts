import type {
  HrPushDelivery,
  HrPushKind,
  HrPushProblem,
  HrPushStatus,
  HrPushSubject,
} from '@jijiao/contracts';
import type { OutboxRow } from './hr-push.repository';

/** The worker's `last_error` when the province has no receiver (or it is switched off). */
export const noReceiverError = 'no HR receiver configured or enabled';

function problemOf(row: OutboxRow): HrPushProblem | null {
  if (row.lastError === null) return null;
  if (row.lastError === noReceiverError) return 'no_receiver';
  return row.lastStatusCode === null ? 'unreachable' : 'receiver_status';
}

const text = (value: unknown) => (typeof value === 'string' ? value : null);
const int = (value: unknown) => (typeof value === 'number' ? Math.trunc(value) : null);

/** The payload's person, year, certificate and reason: what the log shows a delivery is about. */
function subjectOf(payload: Record<string, unknown>): HrPushSubject {
  const personId = text(payload.personId);
  return {
    personId: personId && /^[0-9a-f-]{36}$/i.test(personId) ? personId : null,
    year: int(payload.year),
    serial: text(payload.serial),
    reason: text(payload.reason),
    voidedClaims: int(payload.voidedClaims),
    certificates: Array.isArray(payload.certificates) ? payload.certificates.length : null,
  };
}

export function toDelivery(row: OutboxRow): HrPushDelivery {
  return {
    id: row.id,
    kind: row.kind as HrPushKind,
    status: row.status as HrPushStatus,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
    lastError: row.lastError,
    lastStatusCode: row.lastStatusCode,
    problem: problemOf(row),
    subject: subjectOf(row.payload),
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}

import { randomUUID } from 'node:crypto';
import type { BulkEntry, BulkEntryResult } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { visibleOr404 } from '../../platform/auth/policy';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { actorEvent, type AuditLogService } from '../audit-log/audit-log.service';
import { bulkEntryRefPrefix } from '../evidence/evidence-sharing';
import type { EvidenceService } from '../evidence/evidence.service';
import type { OrgsService } from '../orgs/orgs.service';
import type { PeopleService } from '../people/people.service';
import type { CreditIntake } from './credit-intake.service';
import { canEnterCreditsAt } from './credits.policy';
import { requireEvidenceOfActivity } from './self-report-evidence';

interface Deps {
  db: Db;
  clock: Clock;
  intake: CreditIntake;
  evidence: EvidenceService;
  people: PeopleService;
  orgs: OrgsService;
  auditLog: AuditLogService;
}

/**
 * 单位批量录入: one activity for many staff of one unit, shared evidence (with the documents
 * the type asks for when submitted at once), one transaction (all or nothing). Each person
 * answers with their claim (or the existing one it matched).
 */
export async function enterForStaff(
  deps: Deps,
  actor: Actor,
  unitId: string,
  body: BulkEntry,
  ip: string,
): Promise<BulkEntryResult> {
  const unit = visibleOr404(
    await deps.orgs.findInScope(actor, unitId).catch(() => undefined),
    canEnterCreditsAt,
    actor,
    { what: 'unit', details: { unitId } },
  );
  const issues: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  for (const [index, personId] of body.personIds.entries()) {
    const path = `personIds.${index}`;
    if (seen.has(personId)) issues.push({ path, message: 'listed twice' });
    seen.add(personId);
    const person = await deps.people.findAny(personId);
    if (!person || person.unitId !== unit.id)
      issues.push({ path, message: 'no such person in this unit' });
  }
  if (issues.length > 0) {
    throw new AppError(
      'validation_failed',
      issues.map((i) => `${i.path}: ${i.message}`).join('; '),
      undefined,
      issues,
    );
  }
  const first = body.personIds[0];
  if (body.submit && first)
    await requireEvidenceOfActivity(deps, {
      personId: first,
      activity: body.activity,
      files: body.evidence,
    });
  const batchRef = `${bulkEntryRefPrefix}${deps.clock.now().toISOString()}:${randomUUID()}`;
  const items = await deps.db.transaction(async (tx) => {
    const answers: BulkEntryResult['items'] = [];
    for (const [index, personId] of body.personIds.entries()) {
      const recorded = await deps.intake.record(tx, {
        personId,
        channel: 'unit_bulk_entry',
        activity: body.activity,
        initialStatus: body.submit ? 'submitted' : 'draft',
        actor: { userId: actor.userId, username: actor.username, ip, orgId: unit.id },
        sourceRef: `${batchRef}#${index + 1}`,
      });
      await deps.evidence.attach(
        tx,
        { id: recorded.claimId, personId, year: recorded.year },
        body.evidence,
        actor.userId,
      );
      answers.push({
        personId,
        claimId: recorded.claimId,
        status: recorded.status as BulkEntryResult['items'][number]['status'],
        matched: recorded.matched,
        credits: recorded.credits,
      });
    }
    await deps.auditLog.record(
      actorEvent(actor, 'credit.bulk_entered', ip, {
        targetType: 'org',
        targetId: unit.id,
        orgPath: unit.path,
        details: { people: body.personIds.length, submitted: body.submit },
      }),
      tx,
    );
    return answers;
  });
  return { items };
}

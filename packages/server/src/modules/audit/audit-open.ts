import type { Audit, AuditDeadlines, AuditOpen } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { visibleOr404 } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors/app-error';
import { actorEvent } from '../audit-log/audit-log.service';
import { auditFor, auditView, currentYear, staleAudit } from './audit-access';
import type { AuditDeps } from './audit-deps';
import { canManageAuditOf } from './audit.policy';

/** Opens the audit of an ended year; one open audit per province; never a year twice. */
export async function openAudit(
  deps: AuditDeps,
  actor: Actor,
  input: AuditOpen,
  ip: string,
): Promise<Audit> {
  const province = visibleOr404(
    await deps.orgs.findAny(input.provinceId),
    canManageAuditOf,
    actor,
    { what: 'province', details: { provinceId: input.provinceId } },
  );
  if (input.year >= currentYear(deps)) {
    throw new AppError('invalid_state', `year: ${String(input.year)} has not ended`, {
      year: input.year,
      currentYear: currentYear(deps),
    });
  }
  const { db, repository, clock } = deps;
  const row = await db.transaction(async (tx) => {
    const same = await repository.records.findByProvinceYear(tx, province.id, input.year);
    if (same) {
      throw new AppError('conflict', `The audit of ${String(input.year)} already exists`, {
        auditId: same.id,
        status: same.status,
      });
    }
    const open = await repository.records.openAuditOf(tx, province.id);
    if (open) {
      throw new AppError('conflict', `The audit of ${String(open.year)} is still open`, {
        auditId: open.id,
        year: open.year,
      });
    }
    const created = await repository.records.insertAudit(tx, {
      provinceId: province.id,
      year: input.year,
      status: 'open',
      reportDeadline: input.reportDeadline ?? null,
      earlyDeadline: input.earlyDeadline ?? null,
      openedBy: actor.userId,
      openedAt: clock.now(),
    });
    await deps.auditLog.record(
      actorEvent(actor, 'audit.opened', ip, {
        targetType: 'audit',
        targetId: created.id,
        orgPath: province.path,
        details: { year: input.year },
      }),
      tx,
    );
    return created;
  });
  return auditView(deps, row, province);
}

/**
 * The audit of `year` for the province with `regionCode` (or the actor's only province),
 * opened when there is none yet: what `jijiao audit run` works on.
 */
export async function findOrOpenAudit(
  deps: AuditDeps,
  actor: Actor,
  year: number,
  regionCode?: string,
): Promise<Audit> {
  const roots = [...new Set(actor.grants.map((g) => g.orgPath.split('/').filter(Boolean)[0]))];
  const provinces = (await deps.orgs.findAnyOf(roots.filter((id) => !!id) as string[])).filter(
    (o) => canManageAuditOf(actor, o) && (regionCode === undefined || o.regionCode === regionCode),
  );
  const [province] = provinces;
  if (!province || provinces.length > 1) {
    const message = province ? 'several provinces: name one' : 'no such province';
    throw new AppError('validation_failed', `province: ${message}`, undefined, [
      { path: 'province', message },
    ]);
  }
  const existing = await deps.repository.records.findByProvinceYear(deps.db, province.id, year);
  if (existing) return auditView(deps, existing, province);
  return openAudit(deps, actor, { provinceId: province.id, year }, '');
}

export async function setAuditDeadlines(
  deps: AuditDeps,
  actor: Actor,
  id: string,
  body: AuditDeadlines,
  ip: string,
): Promise<Audit> {
  const { audit, province } = await auditFor(deps, actor, id, 'audit:manage');
  if (audit.status !== 'open') throw new AppError('invalid_state', 'The audit is filed');
  const row = await deps.db.transaction(async (tx) => {
    const updated = await deps.repository.records.updateAuditIfVersion(tx, id, body.version, {
      ...(body.reportDeadline === undefined ? {} : { reportDeadline: body.reportDeadline }),
      ...(body.earlyDeadline === undefined ? {} : { earlyDeadline: body.earlyDeadline }),
    });
    if (!updated) throw staleAudit(audit);
    await deps.auditLog.record(
      actorEvent(actor, 'audit.deadlines_set', ip, {
        targetType: 'audit',
        targetId: id,
        orgPath: province.path,
        details: { reportDeadline: updated.reportDeadline, earlyDeadline: updated.earlyDeadline },
      }),
      tx,
    );
    return updated;
  });
  return auditView(deps, row, province);
}

import type { Audit, AuditList, AuditProgress } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { auditFor, auditView } from './audit-access';
import type { AuditDeps } from './audit-deps';
import { cityOf, toAudit, toUnitReport } from './audit-view';
import { auditPolicy, auditUnitPolicy } from './audit.policy';

export async function getAudit(deps: AuditDeps, actor: Actor, id: string): Promise<Audit> {
  const { audit, province } = await auditFor(deps, actor, id);
  return auditView(deps, audit, province);
}

/** The audits of every province the caller touches with audit:read. */
export async function listAudits(deps: AuditDeps, actor: Actor): Promise<AuditList> {
  const provinceIds = [
    ...new Set(
      actor.grants.map((g) => g.orgPath.split('/').filter(Boolean)[0]).filter((id) => !!id),
    ),
  ] as string[];
  const provinces = await deps.orgs.findAnyOf(provinceIds);
  const visible = provinces.filter((p) => auditPolicy['audit:read'](actor, p));
  const rows = await deps.repository.records.auditsOfProvinces(
    deps.db,
    visible.map((p) => p.id),
  );
  const runs = await deps.repository.records.lastRuns(
    deps.db,
    rows.map((r) => r.id),
  );
  const names = new Map(visible.map((p) => [p.id, p.name]));
  return {
    items: rows.map((r) => toAudit(r, names.get(r.provinceId) ?? '', runs.get(r.id))),
  };
}

/** Per unit and per city: who has reported, who is late; within the caller's scope. */
export async function auditProgress(
  deps: AuditDeps,
  actor: Actor,
  id: string,
): Promise<AuditProgress> {
  const { audit, province } = await auditFor(deps, actor, id);
  const { db, repository, clock } = deps;
  const byId = new Map(
    (await repository.people.orgsWithin(db, province.path)).map((o) => [o.id, o]),
  );
  const now = clock.now();
  const units = (await repository.reports.reportsOf(db, audit.id))
    .filter((r) => {
      const unit = byId.get(r.unitId);
      return unit && auditUnitPolicy['audit:read'](actor, unit);
    })
    .map((r) => toUnitReport(r, audit, byId, now))
    .sort(
      (a, b) =>
        (a.cityName ?? '').localeCompare(b.cityName ?? '') || a.unitName.localeCompare(b.unitName),
    );
  const cities = new Map<string, AuditProgress['cities'][number]>();
  for (const u of units) {
    const unit = byId.get(u.unitId);
    const city = unit ? cityOf(unit, byId) : undefined;
    const key = city?.id ?? '';
    const c = cities.get(key) ?? {
      cityId: city?.id ?? null,
      cityName: city?.name ?? null,
      units: 0,
      reported: 0,
      approved: 0,
      pending: 0,
      late: 0,
      people: 0,
      compliant: 0,
    };
    c.units += 1;
    if (['reported', 'approved', 'filed'].includes(u.status)) c.reported += 1;
    else c.pending += 1;
    if (u.status === 'approved' || u.status === 'filed') c.approved += 1;
    if (u.late) c.late += 1;
    c.people += u.people;
    c.compliant += u.compliant;
    cities.set(key, c);
  }
  return { audit: await auditView(deps, audit, province), cities: [...cities.values()], units };
}

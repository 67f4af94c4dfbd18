import { unitReportStatuses, type AuditDashboard, type UnitReportStatus } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { auditFor } from './audit-access';
import type { AuditDeps } from './audit-deps';
import { auditProgress, listAudits } from './audit-queries';
import { reportsWaiting } from './audit-report-review';
import { auditPolicy } from './audit.policy';

const settled: readonly UnitReportStatus[] = ['approved', 'filed'];

/**
 * 工作台: the caller's latest audit (the open one, else the latest year) as its units in
 * the caller's subtree stand: per report status, those late and not yet approved, and the
 * reports waiting at the caller's level when they review; and the same units per city.
 */
export async function auditDashboard(deps: AuditDeps, actor: Actor): Promise<AuditDashboard> {
  const { items } = await listAudits(deps, actor);
  const latest = [...items].sort(
    (a, b) => Number(b.status === 'open') - Number(a.status === 'open') || b.year - a.year,
  )[0];
  const zeros = unitReportStatuses.map((status) => ({ status, count: 0 }));
  if (!latest)
    return {
      audit: null,
      units: 0,
      byStatus: zeros,
      lateCount: 0,
      late: [],
      waitingAtMe: 0,
      byCity: [],
    };
  const { province } = await auditFor(deps, actor, latest.id);
  const { units, cities } = await auditProgress(deps, actor, latest.id);
  const late = units.filter((u) => u.late && !settled.includes(u.status));
  const waitingAtMe = auditPolicy['audit:review'](actor, province)
    ? (await reportsWaiting(deps, actor, latest.id)).items.length
    : 0;
  return {
    audit: {
      id: latest.id,
      year: latest.year,
      status: latest.status,
      reportDeadline: latest.reportDeadline,
    },
    units: units.length,
    byStatus: zeros.map((z) => ({
      status: z.status,
      count: units.filter((u) => u.status === z.status).length,
    })),
    lateCount: late.length,
    late: late.slice(0, 10).map((u) => ({
      unitId: u.unitId,
      unitName: u.unitName,
      cityName: u.cityName,
      status: u.status,
    })),
    waitingAtMe,
    byCity: cities,
  };
}

import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/database';
import type { Services } from '../../services';
import { systemActor } from '../orgs/system-actor';
import { planDemoYear, type DemoArrival } from './demo-credit-plan';
import { demoPopulation, recordDemoArrivals } from './demo-credits';
import { demoAccounts, demoPlatformName } from './demo-tree';

/** Staff of the demo learner's unit who pass last year (with the learner) and who fall short. */
const passing = 24;
const short = 12;
const demoAuditRef = 'demo audit';
/** How much lower last year's share of compliant staff is, unit by unit, than this year's. */
const lastYearLag = 0.06;

export interface DemoAuditResult {
  year: number;
  people: number;
  compliant: number;
  certificates: number;
}

/**
 * Last year, closed: effective credits for the demo learner and colleagues (most pass, some
 * fall short) and, for everyone else, a year on the curve of this year's demo credits (see
 * demo-credit-plan), then the annual audit of the demo province walked like an operator would
 * (open, run the job, every unit confirms and reports, each body of its chain approves, the
 * province files), so the certificates at start are the audit's own. Resumable: a second
 * call finishes an audit left open, and does nothing once it is filed.
 */
export async function seedDemoAudit(services: Services): Promise<DemoAuditResult | null> {
  const { db, clock } = services;
  const year = clock.now().getUTCFullYear() - 1;
  const actor = await systemActor(db);
  const learnerAccount = demoAccounts.find((a) => a.role === 'learner');
  if (!learnerAccount) return null;
  const [learner] = await queryRows<{ id: string; unit_id: string }>(
    db,
    sql`select p.id, p.unit_id from people p join users u on u.id = p.user_id where u.username = ${learnerAccount.username}`,
  );
  if (!learner) return null;

  const seeded = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int n from credit_provenances where source_ref = ${demoAuditRef}`,
  );
  if ((seeded[0]?.n ?? 0) === 0) {
    const colleagues = await queryRows<{ id: string }>(
      db,
      sql`select id from people where unit_id = ${learner.unit_id} and user_id is null
          order by name, id limit ${passing + short}`,
    );
    const people = [learner.id, ...colleagues.map((c) => c.id)];
    const arrivals: DemoArrival[] = people.flatMap((personId, i) =>
      // National projects of 30 hours: 10 credits each (the per-project cap); 25 are needed.
      Array.from({ length: i <= passing ? 3 : 1 + (i % 2) }, (_, k) => ({
        personId,
        channel: k === 0 ? 'host_award' : 'platform_push',
        activity: {
          type: 'project',
          level: 'national',
          role: 'attendee',
          hours: 30,
          date: `${year}-${String(3 + k * 3).padStart(2, '0')}-1${k}`,
          projectNumber: `${year}-0${k + 1}-01-00${k + 1}（国）`,
        },
      })),
    );
    await db.transaction(async (tx) => {
      const { staff, known } = await demoPopulation(tx, services);
      // Everyone else: last year's curve, a little below this year's.
      const rest = planDemoYear({
        year,
        until: new Date(Date.UTC(year, 11, 31)),
        staff: staff
          .filter((s) => !people.includes(s.id))
          .map((s) => ({ ...s, compliantShare: s.compliantShare - lastYearLag })),
        seed: year * 7,
        platform: demoPlatformName,
      });
      await recordDemoArrivals(tx, services.intake, known, [...arrivals, ...rest], demoAuditRef);
    });
  }

  let audit = await services.audits.findOrOpen(actor, year);
  if (audit.status === 'filed') return null;
  if (!audit.lastRun || audit.lastRun.status !== 'succeeded') {
    await services.audits.run(actor, audit.id);
  }
  const progress = await services.audits.progress(actor, audit.id);
  for (const unit of progress.units.filter((u) => u.status !== 'approved')) {
    let report = { status: unit.status, version: unit.version };
    if (report.status === 'pending' || report.status === 'returned')
      report = await services.auditChain.confirm(actor, audit.id, unit.unitId, report.version, '');
    if (report.status === 'confirmed')
      report = await services.auditChain.report(actor, audit.id, unit.unitId, report.version, '');
    while (report.status === 'reported') {
      report = await services.auditChain.approve(
        actor,
        audit.id,
        unit.unitId,
        { version: report.version },
        '',
      );
    }
  }
  audit = await services.audits.get(actor, audit.id);
  const filed = await services.auditChain.file(actor, audit.id, audit.version, '');
  const [counts] = await queryRows<{ people: number; compliant: number }>(
    db,
    sql`select count(*)::int people, count(*) filter (where compliant)::int compliant
        from audit_results where audit_id = ${audit.id}`,
  );
  return {
    year,
    people: counts?.people ?? 0,
    compliant: counts?.compliant ?? 0,
    certificates: filed.certificatesIssued + filed.certificatesExisting,
  };
}

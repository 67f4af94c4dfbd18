import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { defaultPolicyRegistry, evaluateYear, activitySchema } from '@jijiao/domain';
import type {
  Audit,
  AuditProgress,
  AuditRun,
  EarlyAudit,
  FileAuditResult,
  ReportList,
  UnitAudit,
  UnitReport,
  VoidYearResult,
} from '@jijiao/contracts';
import { buildTestApp, type Session } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { queryRows } from '../../platform/db/database';
import { systemActor } from '../orgs/system-actor';
import { placeOfUnit } from '../credits/claim-place';

/**
 * The annual audit of a province for 2025 (the fake clock is in March 2026): opening
 * rules, the job against the rules engine per person, early audit, a unit report walking
 * a two-level chain with a return, filing with certificates, fraud voiding.
 */
const t = await buildTestApp();
const db = t.database.db;
const f = createFactories(t);
const services = f.services;
const tree = await f.buildOrgTree();
const provinceId = tree.province.id;
const hospital = tree.unit.id;
const cityId = tree.city.id;
const office = tree.cmeOffice.id;
// Another district of the city, and a unit of another city (outside the city reviewer's).
const otherDistrict = await f.buildOrg({
  parent: tree.city,
  kind: 'district',
  name: '江北区卫生健康局',
});
const tcmUnit = await f.buildOrg({
  parent: otherDistrict,
  kind: 'unit',
  unitType: 'tcm_hospital',
  name: '江北区中医医院',
});
const tcm = tcmUnit.id;
const otherCity = await f.buildOrg({
  parent: tree.province,
  kind: 'city',
  name: '外市卫生健康委员会',
});
const otherCityUnit = await f.buildOrg({ parent: otherCity, kind: 'unit', name: '外市人民医院' });
const province = await t.signIn(
  (await f.buildUser({ role: 'province_admin', org: tree.province })).username,
);
const unitAdmin = await t.signIn(
  (await f.buildUser({ role: 'unit_admin', org: tree.unit })).username,
);
const reviewer = await t.signIn((await f.buildUser({ role: 'reviewer', org: tree.city })).username);

// Staff of the hospital: A and C pass, B does not. A's year is voided for fraud, one
// credit of C's. Colleagues and staff of the other units have no credits.
const [personA, personB, personC] = [
  (await f.buildPerson({ unit: tree.unit })).id,
  (await f.buildPerson({ unit: tree.unit })).id,
  (await f.buildPerson({ unit: tree.unit })).id,
];
for (const unit of [tree.unit, tree.unit, tcmUnit, tcmUnit, otherCityUnit])
  await f.buildPerson({ unit });

async function credit(personId: string, date: string, projectNumber: string) {
  await db.transaction((tx) =>
    services.intake.record(tx, {
      personId,
      channel: 'platform_push',
      activity: {
        type: 'project',
        level: 'national',
        role: 'attendee',
        hours: 30,
        date,
        projectNumber,
      },
      initialStatus: 'effective',
      actor: { userId: '00000000-0000-0000-0000-000000000000', username: 'test', ip: '' },
    }),
  );
}
await credit(personA, '2025-03-01', '2025-01-01-001（国）');
await credit(personA, '2025-05-01', '2025-01-01-002（国）');
await credit(personA, '2025-07-01', '2025-01-01-003（国）');
await credit(personC, '2025-04-01', '2025-01-01-001（国）');
await credit(personC, '2025-06-01', '2025-01-01-002（国）');
await credit(personC, '2025-08-01', '2025-01-01-003（国）');
await credit(personB, '2025-03-01', '2025-01-01-001（国）');
await credit(personB, '2024-03-01', '2024-01-01-001（国）'); // another year never counts

const chain = await t.app.inject({
  method: 'PUT',
  url: `/api/v1/orgs/${hospital}/review-chain`,
  headers: province.headers,
  payload: { steps: [cityId, office] },
});
if (chain.statusCode !== 200) throw new Error(chain.body);

function send(
  method: 'POST' | 'GET' | 'PUT' | 'PATCH',
  url: string,
  who: Session,
  payload?: object,
) {
  t.clock.advanceMinutes(1);
  return t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
}

async function waitForRun(auditId: string): Promise<AuditRun> {
  for (let i = 0; i < 2000; i++) {
    const run = (await send('GET', `/api/v1/audits/${auditId}/run`, province)).json<AuditRun>();
    if (run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the run did not finish');
}

let audit: Audit;

describe('opening an audit', () => {
  it('refuses a year that has not ended', async () => {
    const res = await send('POST', '/api/v1/audits', province, { provinceId, year: 2026 });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('invalid_state');
  });

  it('opens 2025, then refuses a second open audit and the same year', async () => {
    const res = await send('POST', '/api/v1/audits', province, {
      provinceId,
      year: 2025,
      reportDeadline: '2026-03-31',
      earlyDeadline: '2026-03-15',
    });
    expect(res.statusCode, res.body).toBe(201);
    audit = res.json<Audit>();
    expect(audit).toMatchObject({ year: 2025, status: 'open', lastRun: null });
    const second = await send('POST', '/api/v1/audits', province, { provinceId, year: 2024 });
    expect(second.statusCode).toBe(409);
    expect(second.json<{ error: { code: string } }>().error.code).toBe('conflict');
    const same = await send('POST', '/api/v1/audits', province, { provinceId, year: 2025 });
    expect(same.statusCode).toBe(409);
  });

  it('is the province admin’s alone', async () => {
    const res = await send('POST', '/api/v1/audits', unitAdmin, { provinceId, year: 2023 });
    expect(res.statusCode).toBe(403);
  });
});

describe('the evaluation job', () => {
  it('computes for every person what the rules engine says, one by one', async () => {
    const started = await send('POST', `/api/v1/audits/${audit.id}/runs`, province);
    expect(started.statusCode, started.body).toBe(202);
    const run = await waitForRun(audit.id);
    const people = await queryRows<{ id: string; unit_id: string }>(
      db,
      sql`select p.id, p.unit_id from people p join orgs o on o.id = p.unit_id
          where o.path like ${`/${provinceId}/%`}`,
    );
    expect(run).toMatchObject({ status: 'succeeded', total: people.length, done: people.length });
    const stored = new Map(
      (
        await queryRows<{ person_id: string; compliant: boolean; total_credits: string }>(
          db,
          sql`select person_id, compliant, total_credits from audit_results where audit_id = ${audit.id}`,
        )
      ).map((r) => [r.person_id, r]),
    );
    expect(stored.size).toBe(people.length);
    // The oracle: per person, their claims read one by one and the engine called directly.
    let compliant = 0;
    for (const p of people) {
      const unit = await services.orgs.findAny(p.unit_id);
      if (!unit) throw new Error('no unit');
      const ancestors = await services.orgs.findAnyOf(unit.path.split('/').filter(Boolean));
      const byId = new Map(ancestors.map((o) => [o.id, o]));
      const chainUp = unit.path
        .split('/')
        .filter(Boolean)
        .slice(0, -1)
        .reverse()
        .flatMap((id) => byId.get(id) ?? []);
      const where = placeOfUnit(unit, chainUp);
      const resolved = defaultPolicyRegistry.resolve(where.place, 2025);
      if (!resolved.ok) throw new Error(resolved.message);
      const claims = await queryRows<{ id: string; activity: Record<string, unknown> }>(
        db,
        sql`select id, activity from credit_claims where person_id = ${p.id} and year = 2025 and status = 'effective'`,
      );
      const result = evaluateYear({
        policy: resolved.policy,
        place: where.place,
        person: { unitLevel: where.unitLevel },
        activities: claims.map((c) => activitySchema.parse({ ...c.activity, id: c.id })),
      });
      if (!result.ok) throw new Error(result.problem.message);
      expect(stored.get(p.id)?.compliant, p.id).toBe(result.report.compliant);
      expect(Number(stored.get(p.id)?.total_credits)).toBe(result.report.totalCredits);
      if (result.report.compliant) compliant += 1;
    }
    expect(stored.get(personA)?.compliant).toBe(true);
    expect(stored.get(personB)?.compliant).toBe(false);
    expect(compliant).toBeGreaterThan(0);
  });

  it('runs once at a time across processes: a beating run elsewhere is refused, a silent one replaced', async () => {
    // A run another process (the CLI beside this server) is working on, beating now.
    const [other] = await queryRows<{ id: string }>(
      db,
      sql`insert into audit_runs (audit_id, status, started_at, heartbeat_at)
          values (${audit.id}, 'running', ${t.clock.now().toISOString()}::timestamptz,
                  ${t.clock.now().toISOString()}::timestamptz)
          returning id`,
    );
    const refused = await send('POST', `/api/v1/audits/${audit.id}/runs`, province);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'conflict',
      message: 'The evaluation of this audit is already running (started by another process)',
    });
    // The CLI beside the server is refused the same way (the job's own entry point).
    await expect(services.audits.run(await systemActor(db), audit.id)).rejects.toMatchObject({
      code: 'conflict',
    });

    // That process stopped: no beat for longer than the lease, so a new run replaces it.
    t.clock.advanceMinutes(6);
    const started = await send('POST', `/api/v1/audits/${audit.id}/runs`, province);
    expect(started.statusCode, started.body).toBe(202);
    expect((await waitForRun(audit.id)).status).toBe('succeeded');
    const [old] = await queryRows<{ status: string; error: string | null }>(
      db,
      sql`select status, error from audit_runs where id = ${other?.id ?? ''}`,
    );
    expect(old).toEqual({ status: 'failed', error: 'interrupted' });
  });
});

describe('early audit', () => {
  let request: EarlyAudit;
  it('a unit requests it for named staff; it walks the chain; the province’s approval issues', async () => {
    const res = await send('POST', `/api/v1/audits/${audit.id}/early`, unitAdmin, {
      unitId: hospital,
      personIds: [personA, personB],
      reason: '申报高级职称',
    });
    expect(res.statusCode, res.body).toBe(201);
    request = res.json<EarlyAudit>();
    expect(request).toMatchObject({ status: 'reported', currentReviewerOrgId: cityId });
    const outsider = await send('POST', `/api/v1/audits/${audit.id}/early`, unitAdmin, {
      unitId: tcm,
      personIds: [personA],
    });
    expect(outsider.statusCode).toBe(404);
    const city = await send(
      'POST',
      `/api/v1/audits/${audit.id}/early/${request.id}/approve`,
      reviewer,
      {
        version: request.version,
      },
    );
    expect(city.statusCode, city.body).toBe(200);
    request = city.json<EarlyAudit>();
    expect(request.currentReviewerOrgId).toBe(office);
    const done = await send(
      'POST',
      `/api/v1/audits/${audit.id}/early/${request.id}/approve`,
      province,
      {
        version: request.version,
      },
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<EarlyAudit>().status).toBe('approved');
    const certs = await queryRows<{ person_id: string }>(
      db,
      sql`select person_id from certificates where year = 2025 and person_id in (${personA}, ${personB})`,
    );
    expect(certs.map((c) => c.person_id)).toEqual([personA]);
  });

  it('is closed after the province’s deadline', async () => {
    const current = (await send('GET', `/api/v1/audits/${audit.id}`, province)).json<Audit>();
    const patch = await send('PATCH', `/api/v1/audits/${audit.id}/deadlines`, province, {
      earlyDeadline: '2026-02-01',
      version: current.version,
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const stale = await send('PATCH', `/api/v1/audits/${audit.id}/deadlines`, province, {
      earlyDeadline: '2026-02-01',
      version: current.version,
    });
    expect(stale.json<{ error: { code: string } }>().error.code).toBe('stale_state');
    const res = await send('POST', `/api/v1/audits/${audit.id}/early`, unitAdmin, {
      unitId: hospital,
      personIds: [personB],
    });
    expect(res.statusCode).toBe(409);
  });
});

describe('the unit report up a two-level chain', () => {
  let report: UnitReport;
  const url = (tail: string) => `/api/v1/audits/${audit.id}/units/${hospital}${tail}`;

  it('shows the unit its staff with reasons, takes a note, hides other units', async () => {
    const res = await send('GET', url(''), unitAdmin);
    expect(res.statusCode, res.body).toBe(200);
    const unit = res.json<UnitAudit>();
    report = unit.report;
    const b = unit.results.find((r) => r.personId === personB);
    expect(b).toMatchObject({ compliant: false, totalCredits: 10 });
    expect(b?.requirements.find((r) => r.code === 'annual_total')).toMatchObject({
      met: false,
      shortfall: 15,
    });
    expect(b?.idNumberMasked).toContain('*');
    const note = await send('PUT', url(`/people/${personB}/note`), unitAdmin, { note: '病假半年' });
    expect(note.statusCode, note.body).toBe(200);
    expect(
      (await send('GET', `/api/v1/audits/${audit.id}/units/${tcm}`, unitAdmin)).statusCode,
    ).toBe(404);
    // A re-run replaces the results and keeps the note.
    expect((await send('POST', `/api/v1/audits/${audit.id}/runs`, province)).statusCode).toBe(202);
    expect((await waitForRun(audit.id)).status).toBe('succeeded');
    const again = (await send('GET', url(''), unitAdmin)).json<UnitAudit>();
    expect(again.results.find((r) => r.personId === personB)?.note).toBe('病假半年');
    report = again.report;
  });

  it('confirms, reports, is returned by the city, reports again, goes to the province', async () => {
    const stale = await send('POST', url('/confirm'), unitAdmin, { version: report.version - 1 });
    expect(stale.json<{ error: { code: string } }>().error.code).toBe('stale_state');
    report = (
      await send('POST', url('/confirm'), unitAdmin, { version: report.version })
    ).json<UnitReport>();
    const reported = await send('POST', url('/report'), unitAdmin, { version: report.version });
    expect(reported.statusCode, reported.body).toBe(200);
    report = reported.json<UnitReport>();
    expect(report).toMatchObject({ status: 'reported', currentReviewerOrgId: cityId });
    const rerun = await send('POST', `/api/v1/audits/${audit.id}/runs`, province);
    expect(rerun.statusCode).toBe(409);
    const queue = (
      await send('GET', `/api/v1/audits/${audit.id}/reports`, reviewer)
    ).json<ReportList>();
    expect(queue.items.map((i) => i.unitId)).toContain(hospital);
    const noReason = await send('POST', url('/return'), reviewer, { version: report.version });
    expect(noReason.statusCode).toBe(400);
    const returned = await send('POST', url('/return'), reviewer, {
      version: report.version,
      reason: '请核对备注',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    report = returned.json<UnitReport>();
    expect(report).toMatchObject({ status: 'returned', returnReason: '请核对备注' });
    report = (
      await send('POST', url('/confirm'), unitAdmin, { version: report.version })
    ).json<UnitReport>();
    report = (
      await send('POST', url('/report'), unitAdmin, { version: report.version })
    ).json<UnitReport>();
    report = (
      await send('POST', url('/approve'), reviewer, { version: report.version })
    ).json<UnitReport>();
    expect(report).toMatchObject({
      status: 'reported',
      currentStep: 1,
      currentReviewerOrgId: office,
    });
    const notTheirs = await send('POST', url('/approve'), reviewer, { version: report.version });
    expect(notTheirs.statusCode).toBe(403);
    const outside = await send(
      'POST',
      `/api/v1/audits/${audit.id}/units/${otherCityUnit.id}/approve`,
      reviewer,
      {
        version: 1,
      },
    );
    expect(outside.statusCode).toBe(404);
  });

  it('refuses filing until every unit report is approved', async () => {
    const current = (await send('GET', `/api/v1/audits/${audit.id}`, province)).json<Audit>();
    const res = await send('POST', `/api/v1/audits/${audit.id}/file`, province, {
      version: current.version,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('invalid_state');
  });

  it('the province approves; the progress shows cities and units', async () => {
    const res = await send('POST', url('/approve'), province, { version: report.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<UnitReport>().status).toBe('approved');
    const progress = (
      await send('GET', `/api/v1/audits/${audit.id}/progress`, reviewer)
    ).json<AuditProgress>();
    expect(progress.cities.find((c) => c.cityId === cityId)).toMatchObject({ approved: 1 });
    expect(progress.units.every((u) => u.cityName === tree.city.name)).toBe(true);
  });
});

describe('filing and voiding', () => {
  it('files once all units are approved: certificates for the compliant only, HR push queued', async () => {
    const actor = await systemActor(db);
    const progress = await services.audits.progress(actor, audit.id);
    for (const unit of progress.units.filter((u) => u.status !== 'approved')) {
      let r = await services.auditChain.confirm(actor, audit.id, unit.unitId, unit.version, '');
      r = await services.auditChain.report(actor, audit.id, unit.unitId, r.version, '');
      while (r.status === 'reported') {
        r = await services.auditChain.approve(
          actor,
          audit.id,
          unit.unitId,
          { version: r.version },
          '',
        );
      }
    }
    const before = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from certificates where year = 2025`,
    );
    const current = (await send('GET', `/api/v1/audits/${audit.id}`, province)).json<Audit>();
    const res = await send('POST', `/api/v1/audits/${audit.id}/file`, province, {
      version: current.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const filed = res.json<FileAuditResult>();
    expect(filed.audit.status).toBe('filed');
    const compliant = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from audit_results where audit_id = ${audit.id} and compliant`,
    );
    expect(filed.certificatesIssued + filed.certificatesExisting).toBe(compliant[0]?.n);
    const after = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from certificates where year = 2025`,
    );
    expect(after[0]?.n).toBe((before[0]?.n ?? 0) + filed.certificatesIssued);
    const b = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from certificates where year = 2025 and person_id = ${personB}`,
    );
    expect(b[0]?.n).toBe(0);
    const pushes = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from hr_push_outbox where kind = 'audit_filed'`,
    );
    expect(pushes[0]?.n).toBeGreaterThan(0);

    // The filing queued the job that makes the certificates' PDFs; once it has run, every
    // certificate of the year in the province has its stored PDF.
    expect(filed.pdfJobId).not.toBeNull();
    const queued = await send('GET', `/api/v1/jobs/${filed.pdfJobId ?? ''}`, province);
    expect(queued.json()).toMatchObject({ kind: 'certificate_pdfs', status: 'queued' });
    await services.createJobRunner().drain();
    const done = await send('GET', `/api/v1/jobs/${filed.pdfJobId ?? ''}`, province);
    expect(done.json()).toMatchObject({
      status: 'succeeded',
      result: { total: filed.certificatesIssued + filed.certificatesExisting, tampered: [] },
    });
    const withoutPdf = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from certificates c join jobs j on j.id = ${filed.pdfJobId}
           where c.year = 2025 and c.unit_path like j.org_path || '%' and not exists
             (select 1 from certificate_pdfs p where p.certificate_id = c.id)`,
    );
    expect(withoutPdf[0]?.n).toBe(0);
  });

  it('voids a person’s year: claims voided with history, certificate revoked, HR told', async () => {
    const res = await send('POST', `/api/v1/people/${personA}/years/2025/void`, province, {
      reason: '弄虚作假：伪造学分证明',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<VoidYearResult>()).toMatchObject({ voidedClaims: 3, certificateRevoked: true });
    const serial = (
      await queryRows<{ serial: string }>(
        db,
        sql`select serial from certificates where person_id = ${personA} and year = 2025`,
      )
    )[0]?.serial as string;
    const verify = await t.app.inject({
      method: 'GET',
      url: `/api/v1/certificates/${serial}/verify`,
    });
    expect(verify.json<{ valid: boolean; revoked: boolean }>()).toMatchObject({
      valid: false,
      revoked: true,
    });
    const history = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from claim_reviews r join credit_claims c on c.id = r.claim_id
          where c.person_id = ${personA} and r.action = 'void' and c.status = 'voided'`,
    );
    expect(history[0]?.n).toBe(3);
    const result = await queryRows<{ compliant: boolean; voided: boolean }>(
      db,
      sql`select compliant, voided from audit_results where audit_id = ${audit.id} and person_id = ${personA}`,
    );
    expect(result[0]).toEqual({ compliant: false, voided: true });
    const pushes = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from hr_push_outbox where kind = 'credits_voided'`,
    );
    expect(pushes[0]?.n).toBe(1);
    const other = await send('POST', `/api/v1/people/${personA}/years/2025/void`, unitAdmin, {
      reason: 'x',
    });
    expect(other.statusCode).toBe(403);
  });

  it('voids one credit: that claim only, the year recomputed, the certificate revoked, HR told', async () => {
    const [target] = await queryRows<{ personId: string; claimId: string; serial: string }>(
      db,
      sql`select c.person_id as "personId", k.id as "claimId", c.serial
          from certificates c
          join credit_claims k on k.person_id = c.person_id and k.year = 2025
            and k.status = 'effective' and k.credits > 0
          join audit_results r on r.person_id = c.person_id and r.audit_id = ${audit.id}
          where c.year = 2025 and c.revoked_at is null and c.person_id = ${personC}
          order by k.id limit 1`,
    );
    if (!target) throw new Error('no certificate holder with an effective 2025 credit');
    const others = await queryRows<{ id: string; status: string }>(
      db,
      sql`select id, status from credit_claims
          where person_id = ${target.personId} and id <> ${target.claimId} order by id`,
    );
    const totalOf = async () =>
      (
        await queryRows<{ voided: boolean; total: number }>(
          db,
          sql`select voided, total_credits::float8 as total from audit_results
              where audit_id = ${audit.id} and person_id = ${target.personId}`,
        )
      )[0];
    const before = await totalOf();
    const pushesBefore = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from hr_push_outbox where kind = 'credits_voided'`,
    );

    const denied = await send('POST', `/api/v1/credits/${target.claimId}/void`, unitAdmin, {
      reason: '弄虚作假',
    });
    expect(denied.statusCode).toBe(403);
    const unknown = await send('POST', `/api/v1/credits/${crypto.randomUUID()}/void`, province, {
      reason: '弄虚作假',
    });
    expect(unknown.statusCode).toBe(404);

    const res = await send('POST', `/api/v1/credits/${target.claimId}/void`, province, {
      reason: '弄虚作假：代签到',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<VoidYearResult>()).toEqual({
      personId: target.personId,
      year: 2025,
      voidedClaims: 1,
      certificateRevoked: true,
      certificateSerial: target.serial,
      hrDeliveryId: expect.any(String) as unknown,
    });
    const [claim] = await queryRows<{ status: string; reason: string }>(
      db,
      sql`select c.status, r.reason from credit_claims c
          join claim_reviews r on r.claim_id = c.id and r.action = 'void'
          where c.id = ${target.claimId}`,
    );
    expect(claim).toEqual({ status: 'voided', reason: '弄虚作假：代签到' });
    const after = await queryRows<{ id: string; status: string }>(
      db,
      sql`select id, status from credit_claims
          where person_id = ${target.personId} and id <> ${target.claimId} order by id`,
    );
    expect(after).toEqual(others);
    const result = await totalOf();
    expect(result?.voided).toBe(false);
    expect(result?.total).toBeLessThan(before?.total ?? 0);
    const verify = await t.app.inject({
      method: 'GET',
      url: `/api/v1/certificates/${target.serial}/verify`,
    });
    expect(verify.json<{ revoked: boolean }>().revoked).toBe(true);
    const pushes = await queryRows<{ n: number; claim: string | null }>(
      db,
      sql`select count(*)::int n, max(payload->>'claimId') claim from hr_push_outbox
          where kind = 'credits_voided'`,
    );
    expect(pushes[0]).toEqual({ n: (pushesBefore[0]?.n ?? 0) + 1, claim: target.claimId });
    const logged = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from audit_log
          where action = 'audit.credit_voided' and target_id = ${target.personId}`,
    );
    expect(logged[0]?.n).toBe(1);

    const again = await send('POST', `/api/v1/credits/${target.claimId}/void`, province, {
      reason: '弄虚作假',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('stale_state');
  });
});

describe('scope', () => {
  it('another province’s audit, province and people do not exist for the caller (404)', async () => {
    const elsewhere = await f.buildOrgTree({ regionCode: '980000' });
    const other = elsewhere.province.id;
    const otherUnit = elsewhere.unit.id;
    const person = await f.buildPerson({ unit: elsewhere.unit });
    const foreign = await services.audits.findOrOpen(
      await f.provinceActor(elsewhere.province),
      2025,
    );
    const opened = await send('POST', '/api/v1/audits', province, {
      provinceId: other,
      year: 2024,
    });
    expect(opened.statusCode).toBe(404);
    for (const path of ['', '/progress', '/run', `/units/${otherUnit}`]) {
      const res = await send('GET', `/api/v1/audits/${foreign.id}${path}`, province);
      expect(res.statusCode, path).toBe(404);
    }
    const listed = (await send('GET', '/api/v1/audits', province)).json<{ items: Audit[] }>();
    expect(listed.items.map((a) => a.id)).not.toContain(foreign.id);
    const voided = await send('POST', `/api/v1/people/${person.id}/years/2025/void`, province, {
      reason: '弄虚作假',
    });
    expect(voided.statusCode).toBe(404);
    const file = await send('POST', `/api/v1/audits/${foreign.id}/file`, province, {
      version: 1,
    });
    expect(file.statusCode).toBe(404);
  });
});

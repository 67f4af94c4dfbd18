import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { AwardBatch } from '@jijiao/contracts';
import { buildTestApp, type Session } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { testConfig } from '../../../test/test-config';
import { argon2Hasher } from '../../platform/auth/password-hasher';
import { queryRows } from '../../platform/db/database';
import { buildServices } from '../../services';
import type { ClaimActor } from './claim-lifecycle';

/**
 * One door for claims (ADR 0016). The sources: nothing but the claim lifecycle writes a
 * claim's status or its history. The behaviour: every path that changes a claim — review
 * (approve, return, resubmit, reject), a matched arrival confirming a pending claim, an
 * award batch approved over a matched line, a host withdrawing a returned line, fraud voiding
 * a credit and a year — leaves one history row and its twin audit entry per change, and the
 * claim stands where its last history row says.
 */
const serverSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const door = ['modules/credits/claim-lifecycle.ts', 'modules/credits/credits.repository.ts'];
const forbidden: [string, RegExp][] = [
  ['a status write', /\bsetStatusIfVersion\(/],
  ['a history write', /\binsertReviews?\(/],
  ['a claim insert', /\binsertClaims?\(/],
  [
    'SQL writing claims or their history',
    /update\s+credit_claims|insert\s+into\s+(credit_claims|claim_reviews)|\.(update|insert)\((creditClaims|claimReviews)\)|insertJsonRows\([^,]+,\s*(creditClaims|claimReviews)/i,
  ],
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('the sources', () => {
  const files = sourceFiles(serverSrc).map((f) => path.relative(serverSrc, f));

  it('write claims and their history only through the claim lifecycle', () => {
    const offenders = files
      .filter((f) => !door.includes(f))
      .flatMap((f) => {
        const text = fs.readFileSync(path.join(serverSrc, f), 'utf8');
        return forbidden.filter(([, re]) => re.test(text)).map(([what]) => `${f}: ${what}`);
      });
    expect(offenders).toEqual([]);
  });

  it('find the door itself (the patterns still match what the lifecycle writes with)', () => {
    const lifecycle = fs.readFileSync(path.join(serverSrc, door[0] ?? ''), 'utf8');
    const repository = fs.readFileSync(path.join(serverSrc, door[1] ?? ''), 'utf8');
    for (const [, re] of forbidden.slice(0, 3)) expect(lifecycle).toMatch(re);
    expect(repository).toMatch(forbidden[3]?.[1] ?? /never/);
  });
});

const t = await buildTestApp();
const db = t.database.db;
const services = buildServices({
  config: testConfig(),
  database: t.database,
  clock: t.clock,
  hasher: argon2Hasher,
});
const f = createFactories(t);
const tree = await f.buildOrgTree();
const host = await t.signIn((await f.buildUser({ role: 'host_admin', org: tree.host })).username);
const province = await t.signIn(
  (await f.buildUser({ role: 'province_admin', org: tree.province })).username,
);
const project = await f.buildProject({ host: tree.host, status: 'filed' });
const system: ClaimActor = { userId: null, username: 'lifecycle-test', ip: null };

function send(method: 'POST' | 'GET' | 'DELETE', url: string, who: Session, payload?: object) {
  t.clock.advanceMinutes(1);
  return t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
}

async function register(name: string): Promise<string> {
  return (await f.buildPerson({ unit: tree.unit, name })).id;
}

/** A claim entered submitted into its unit's chain, as the unit's bulk entry does. */
async function submitted(personId: string, projectNumber: string, date = '2026-02-10') {
  // History rows are ordered by time: each change in a minute of its own.
  t.clock.advanceMinutes(1);
  const recorded = await db.transaction((tx) =>
    services.intake.record(tx, {
      personId,
      channel: 'unit_bulk_entry',
      activity: {
        type: 'project',
        level: 'provincial',
        role: 'attendee',
        awardedCredits: 2,
        date,
        projectNumber,
      },
      initialStatus: 'submitted',
      actor: system,
    }),
  );
  return recorded.claimId;
}

function act(claimId: string, action: 'approve' | 'return' | 'resubmit' | 'reject') {
  t.clock.advanceMinutes(1);
  return db.transaction((tx) =>
    services.claimReview.transitionInTx(tx, claimId, action, system, {
      ...(action === 'approve' ? {} : { reason: `test ${action}` }),
    }),
  );
}

const start = t.clock.now();
const touched = new Set<string>();

describe('every path that changes a claim', () => {
  it('review: approve through the chain, return, resubmit, reject', async () => {
    const person = await register('门测试甲');
    const a = await submitted(person, '2026-09-01-001（省）');
    const b = await submitted(person, '2026-09-01-002（省）');
    await act(a, 'return');
    await act(a, 'resubmit');
    let last = await act(a, 'approve');
    while (last.status === 'submitted') last = await act(a, 'approve');
    expect(last.status).toBe('effective');
    expect((await act(b, 'reject')).status).toBe('rejected');
    touched.add(a).add(b);
  });

  it('a trusted arrival of the same activity confirms a pending claim', async () => {
    const person = await register('门测试乙');
    const pending = await submitted(person, '2026-09-02-001（省）');
    t.clock.advanceMinutes(1);
    const arrived = await db.transaction((tx) =>
      services.intake.record(tx, {
        personId: person,
        channel: 'platform_push',
        activity: {
          type: 'project',
          level: 'provincial',
          role: 'attendee',
          awardedCredits: 2,
          date: '2026-02-10',
          projectNumber: '2026-09-02-001（省）',
        },
        initialStatus: 'effective',
        actor: system,
      }),
    );
    expect(arrived).toMatchObject({ claimId: pending, matched: true, status: 'effective' });
    touched.add(pending);
  });

  it('an award batch: a returned line withdrawn, a matched pending claim confirmed', async () => {
    const matchedPerson = await register('门测试丙');
    const withdrawnPerson = await register('门测试丁');
    const keptPerson = await register('门测试己');
    const pending = await submitted(matchedPerson, project.number, project.startDate);
    let res = await send('POST', `/api/v1/projects/${project.id}/award-batches`, host);
    let batch = res.json<AwardBatch>();
    for (const personId of [matchedPerson, withdrawnPerson, keptPerson])
      res = await send('POST', `/api/v1/award-batches/${batch.id}/lines`, host, { personId });
    batch = res.json<AwardBatch>();
    res = await send('POST', `/api/v1/award-batches/${batch.id}/submit`, host, {
      version: batch.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    batch = res.json<AwardBatch>();
    const line = batch.lines.find((l) => l.personId === withdrawnPerson);
    res = await send('POST', `/api/v1/award-batches/${batch.id}/return`, province, {
      version: batch.version,
      lines: [{ id: line?.id, reason: '无签到记录' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await send('DELETE', `/api/v1/award-batches/${batch.id}/lines/${line?.id}`, host);
    expect(res.statusCode, res.body).toBe(200);
    // Nothing is left to resubmit: the province approves the lines still waiting.
    batch = res.json<AwardBatch>();
    res = await send('POST', `/api/v1/award-batches/${batch.id}/approve`, province, {
      version: batch.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const withdrawn = await queryRows<{ status: string }>(
      db,
      sql`select status from credit_claims where id = ${line?.claimId ?? ''}`,
    );
    expect(withdrawn[0]?.status).toBe('voided');
    const confirmed = await queryRows<{ status: string }>(
      db,
      sql`select status from credit_claims where id = ${pending}`,
    );
    expect(confirmed[0]?.status).toBe('effective');
    const kept = res.json<AwardBatch>().lines.find((l) => l.personId === keptPerson);
    expect(kept?.status).toBe('effective');
    touched
      .add(pending)
      .add(line?.claimId ?? '')
      .add(kept?.claimId ?? '');
  });

  it('fraud voids one credit, then the rest of the year', async () => {
    const person = await register('门测试戊');
    const one = await submitted(person, '2026-09-03-001（省）');
    const two = await submitted(person, '2026-09-03-002（省）');
    await act(two, 'return');
    let res = await send('POST', `/api/v1/credits/${one}/void`, province, { reason: '伪造证书' });
    expect(res.statusCode, res.body).toBe(200);
    res = await send('POST', `/api/v1/people/${person}/years/2026/void`, province, {
      reason: '伪造证书',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ voidedClaims: 1 });
    touched.add(one).add(two);
  });

  it('left one history row and its twin audit entry per change, and the status they tell', async () => {
    const ids = [...touched];
    const idList = sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    );
    const byClaim = <T extends { claimId: string }>(rows: T[]) =>
      rows
        .map((r, i) => ({ r, i }))
        .sort((a, b) => a.r.claimId.localeCompare(b.r.claimId) || a.i - b.i)
        .map((x) => x.r);
    const history = await queryRows<{
      claimId: string;
      action: string;
      fromStatus: string | null;
      toStatus: string;
      actor: string | null;
    }>(
      db,
      sql`select claim_id as "claimId", action, from_status as "fromStatus",
            to_status as "toStatus", actor_user_id as actor
          from claim_reviews where claim_id::text in (${idList}) and at >= ${start}
          order by claim_id, at, id`,
    );
    const audit = await queryRows<{
      claimId: string;
      action: string;
      from: string | null;
      to: string | null;
      actor: string | null;
    }>(
      db,
      sql`select target_id as "claimId", action, details->>'from' as "from",
            coalesce(details->>'to', details->>'status') as "to", actor_user_id as actor
          from audit_log where target_type = 'credit_claim' and target_id::text in (${idList})
            and action <> 'credit.matched'
            and (action <> 'credit.recorded' or details->>'status' = 'effective')
          order by target_id, id`,
    );
    const asHistory = history.map((h) => ({
      claimId: h.claimId,
      action: h.fromStatus === null ? 'credit.recorded' : `credit.${h.action}`,
      from: h.fromStatus,
      to: h.toStatus,
      actor: h.actor,
    }));
    expect(byClaim(audit)).toEqual(byClaim(asHistory));
    expect(new Set(history.map((h) => h.action))).toEqual(
      new Set(['submit', 'resubmit', 'approve', 'return', 'reject', 'void']),
    );
    const claims = await queryRows<{ id: string; status: string; version: number }>(
      db,
      sql`select id, status, version from credit_claims where id::text in (${idList})`,
    );
    for (const claim of claims) {
      const own = history.filter((h) => h.claimId === claim.id);
      expect(own.at(-1)?.toStatus, claim.id).toBe(claim.status);
      // Created as version 1; each change after the arrival is one version more.
      expect(claim.version, claim.id).toBe(1 + own.filter((h) => h.fromStatus !== null).length);
    }
  });
});

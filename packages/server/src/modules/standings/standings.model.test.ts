import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { createPolicyRegistry, defaultPolicyRegistry } from '@jijiao/domain';
import type { Actor } from '../../platform/auth/actor';
import { queryRows } from '../../platform/db/database';
import { argon2Hasher } from '../../platform/auth/password-hasher';
import { buildServices } from '../../services';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { testConfig } from '../../../test/test-config';
import { buildExcelJsXlsx } from '../../../test/xlsx-files';
import type { ClaimActor } from '../credits/claim-lifecycle';
import { createStandings } from './standings.service';
import { StandingQueriesRepository } from './standing-queries.repository';
import { StandingTalliesRepository } from './standing-tallies.repository';

/**
 * The model-based proof that standings never drift (ADR 0018): random sequences of the
 * real operations — intake by every channel, review steps, returns, corrections, voids,
 * transfers, edits — and after each one, once the queue is drained, every stored standing
 * of the province equals a fresh evaluation by the rules engine, none is missing, and the
 * learner's year (computed on read) agrees with the stored figures.
 */
const t = await buildTestApp();
const db = t.database.db;
const services = buildServices({
  config: testConfig(),
  database: t.database,
  clock: t.clock,
  hasher: argon2Hasher,
});
const f = createFactories(t);
const system: ClaimActor = { userId: null, username: 'standings-model', ip: null };

/** 2022–2023: under the 2006 measures, whose 5-year stage makes later years count them. */
type Year = 2022 | 2023 | 2025 | 2026;
type Channel = 'unit_bulk_entry' | 'platform_push' | 'self_report' | 'spreadsheet_import';
type Op =
  | { kind: 'enter'; person: number; channel: Channel; year: Year; hours: number; n: number }
  | { kind: 'review'; claim: number; action: 'approve' | 'return' | 'resubmit' | 'reject' }
  | { kind: 'correct'; claim: number; hours: number }
  | { kind: 'voidCredit'; claim: number }
  | { kind: 'voidYear'; person: number; year: 2025 | 2026 }
  | { kind: 'transfer'; person: number; unit: number }
  | { kind: 'edit'; person: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('enter' as const),
      person: fc.nat(3),
      channel: fc.constantFrom<Channel>(
        'unit_bulk_entry',
        'platform_push',
        'self_report',
        'spreadsheet_import',
      ),
      year: fc.constantFrom<Year>(2022, 2023, 2025, 2026, 2026),
      hours: fc.integer({ min: 3, max: 30 }),
      n: fc.nat(999),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('review' as const),
      claim: fc.nat(40),
      action: fc.constantFrom<'approve' | 'return' | 'resubmit' | 'reject'>(
        'approve',
        'approve',
        'return',
        'return',
        'resubmit',
        'resubmit',
        'reject',
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('correct' as const),
      claim: fc.nat(40),
      hours: fc.integer({ min: 3, max: 30 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('voidCredit' as const), claim: fc.nat(40) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('voidYear' as const),
      person: fc.nat(3),
      year: fc.constantFrom(2025 as const, 2026 as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('transfer' as const),
      person: fc.nat(3),
      unit: fc.nat(2),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('edit' as const), person: fc.nat(3) }) },
);

const dateOf = (year: number, n: number) =>
  year !== 2026
    ? `${String(year)}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}`
    : `2026-0${String((n % 2) + 1)}-${String((n % 27) + 1).padStart(2, '0')}`;

const activity = (year: number, hours: number, n: number) => ({
  type: 'project' as const,
  level: (['national', 'provincial', 'municipal'] as const)[n % 3] ?? 'national',
  role: 'attendee' as const,
  hours,
  date: dateOf(year, n),
  projectNumber: `${String(year)}-0${String((n % 8) + 1)}-01-${String(100 + (n % 900))}（国）`,
});

/** Steps that went through, by kind: each kind must have happened for the proof to hold. */
const done = new Map<string, number>();
let stepKind = '';

/** Runs a step whose refusal (a state that does not allow it) is part of the model. */
async function allowedToFail(step: () => Promise<unknown>): Promise<void> {
  try {
    await step();
    done.set(stepKind, (done.get(stepKind) ?? 0) + 1);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (
      ![
        'invalid_state',
        'stale_state',
        'conflict',
        'forbidden',
        'validation_failed',
        'not_found',
        'duplicate',
        'import_invalid',
      ].includes(code ?? '')
    )
      throw error;
  }
}

async function world() {
  const tree = await f.buildOrgTree();
  const units = [
    // A unit of the province itself: its staff are subject to the 2006 measures' stage.
    await f.buildOrg({ parent: tree.province, kind: 'unit' }),
    tree.unit,
    await f.buildOrg({ parent: tree.district, kind: 'unit' }),
    await f.buildOrg({ parent: tree.city, kind: 'unit' }),
  ];
  const people = [];
  for (let i = 0; i < 4; i += 1) people.push(await f.buildPerson({ unit: units[i % 2] }));
  const provinceAdmin = await f.provinceActor(tree.province);
  return { tree, units, people, provinceAdmin };
}

async function claimsOf(personIds: readonly string[]) {
  return queryRows<{ id: string; personId: string; status: string; version: number; year: number }>(
    db,
    sql`select id, person_id as "personId", status, version, year from credit_claims
        where person_id::text in (${sql.join(
          personIds.map((id) => sql`${id}`),
          sql`, `,
        )}) order by created_at, id`,
  );
}

async function apply(w: Awaited<ReturnType<typeof world>>, op: Op): Promise<void> {
  t.clock.advanceMinutes(1);
  stepKind =
    op.kind === 'enter'
      ? `enter:${op.channel}`
      : op.kind === 'review'
        ? `review:${op.action}`
        : op.kind;
  if (op.kind === 'enter' && op.year < 2024) stepKind = 'enter:stage-year';
  const ids = w.people.map((p) => p.id);
  const claims = await claimsOf(ids);
  /** The i-th claim (modulo) among those in one of `statuses`: steps act where they can. */
  const claimAt = (i: number, statuses: readonly string[]) => {
    const eligible = claims.filter((c) => statuses.includes(c.status));
    return eligible[i % Math.max(1, eligible.length)];
  };
  switch (op.kind) {
    case 'enter': {
      const person = w.people[op.person % w.people.length];
      if (!person) return;
      const act = activity(op.year, op.hours, op.n);
      if (op.channel === 'self_report') {
        const learner: Actor = await f.actorOf(person.user);
        return allowedToFail(async () => {
          // Half kept as drafts, half submitted at once.
          await services.claims.create(
            learner,
            { activity: act, evidence: [], submit: op.n % 2 === 0 },
            '127.0.0.1',
          );
        });
      }
      if (op.channel === 'spreadsheet_import') {
        const file = await buildExcelJsXlsx([
          ['身份证号', '姓名', '活动类型', '日期', '项目编号', '级别', '角色', '学时'],
          [
            person.idNumber,
            person.name,
            '继续医学教育项目',
            act.date,
            act.projectNumber,
            '国家级',
            '参加',
            act.hours,
          ],
        ]);
        const unit = (await services.people.findAny(person.id))?.unitId ?? '';
        return allowedToFail(() =>
          services.creditsImport.import(
            w.provinceAdmin,
            unit,
            file,
            { dryRun: false, fileName: `m${String(op.n)}.xlsx` },
            '127.0.0.1',
          ),
        );
      }
      return allowedToFail(() =>
        db.transaction((tx) =>
          services.intake.record(tx, {
            personId: person.id,
            channel: op.channel,
            activity: act,
            initialStatus: op.channel === 'platform_push' ? 'effective' : 'submitted',
            actor: system,
          }),
        ),
      );
    }
    case 'review': {
      const claim = claimAt(op.claim, op.action === 'resubmit' ? ['returned'] : ['submitted']);
      if (!claim) return;
      return allowedToFail(() =>
        db.transaction((tx) =>
          services.claimReview.transitionInTx(tx, claim.id, op.action, system, {
            ...(op.action === 'approve' ? {} : { reason: `model ${op.action}` }),
          }),
        ),
      );
    }
    case 'correct': {
      const claim = claimAt(op.claim, ['draft', 'returned']);
      const person = w.people.find((p) => p.id === claim?.personId);
      if (!claim || !person) return;
      const learner = await f.actorOf(person.user);
      return allowedToFail(() =>
        services.claims.update(
          learner,
          claim.id,
          { version: claim.version, activity: activity(claim.year, op.hours, op.hours) },
          '127.0.0.1',
        ),
      );
    }
    case 'voidCredit': {
      const claim = claimAt(op.claim, ['draft', 'submitted', 'returned', 'effective']);
      if (!claim) return;
      return allowedToFail(() =>
        services.auditVoids.voidCredit(w.provinceAdmin, claim.id, '模型测试', '127.0.0.1'),
      );
    }
    case 'voidYear': {
      const person = w.people[op.person % w.people.length];
      if (!person) return;
      return allowedToFail(() =>
        services.auditVoids.voidYear(w.provinceAdmin, person.id, op.year, '模型测试', '127.0.0.1'),
      );
    }
    case 'transfer': {
      const person = w.people[op.person % w.people.length];
      const to = w.units[op.unit % w.units.length];
      const from = person ? (await services.people.findAny(person.id))?.unitId : undefined;
      if (!person || !to || !from || from === to.id) return;
      await db.transaction((tx) =>
        services.people.moveToUnit(tx, person.id, from, to.id, t.clock.now()),
      );
      done.set(stepKind, (done.get(stepKind) ?? 0) + 1);
      return;
    }
    case 'edit': {
      const person = w.people[op.person % w.people.length];
      if (!person) return;
      const before = await services.people.findAny(person.id);
      await services.people.update(
        w.provinceAdmin,
        person.id,
        { titleGrade: before?.titleGrade === 'senior' ? 'intermediate' : 'senior' },
        '127.0.0.1',
      );
      done.set(stepKind, (done.get(stepKind) ?? 0) + 1);
      return;
    }
  }
}

/** Drains the queue, then the stored standings of the province against the rules engine. */
async function expectNoDrift(w: Awaited<ReturnType<typeof world>>, step: string): Promise<void> {
  await services.standings.drainAll();
  const result = await services.standings.verify({ provincePath: w.tree.province.path });
  expect(result.first, step).toEqual([]);
  expect(result.drifted, step).toBe(0);
  expect(result.tallies, step).toEqual({ drifted: 0, first: [] });
  // A progress list's counts from the tallies equal the counts over the standings.
  const tallies = new StandingTalliesRepository();
  const queries = new StandingQueriesRepository();
  for (const filter of [
    {},
    { compliant: false },
    { compliant: true, profession: 'doctor' },
    { titleGrade: 'senior' },
  ]) {
    const scope = { path: w.tree.province.path, year: 2026, ...filter };
    expect(await tallies.counts(db, scope), `${step} ${JSON.stringify(filter)}`).toEqual(
      await queries.counts(db, scope),
    );
  }
  // The learner's year, evaluated on read from the claims, tells the same figures.
  for (const person of w.people) {
    for (const year of [2022, 2023, 2025, 2026]) {
      const [stored] = (await services.standings.freshOf(person.id)).filter((s) => s.year === year);
      if (!stored) continue;
      const report = await services.learnerYear.staffYear(w.provinceAdmin, person.id, year);
      expect(
        { total: stored.totalCredits, compliant: stored.compliant },
        `${step} ${person.name} ${String(year)}`,
      ).toEqual({
        total: report.totalCredits,
        compliant: report.compliant,
      });
      expect(stored.pendingCount).toBe(report.pending.length);
    }
  }
}

describe('standings never drift', () => {
  it('after any sequence of real operations, each stored standing equals a fresh evaluation', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 8, maxLength: 20 }), async (ops) => {
        const w = await world();
        await expectNoDrift(w, 'start');
        for (const [i, op] of ops.entries()) {
          await apply(w, op);
          await expectNoDrift(w, `after step ${String(i)} ${JSON.stringify(op)}`);
        }
      }),
      { numRuns: 10, seed: 20_261_205 },
    );
    // The sequences exercised every operation, not only refusals.
    expect([...done.keys()].sort()).toEqual([
      'correct',
      'edit',
      'enter:platform_push',
      'enter:self_report',
      'enter:spreadsheet_import',
      'enter:stage-year',
      'enter:unit_bulk_entry',
      'review:approve',
      'review:reject',
      'review:resubmit',
      'review:return',
      'transfer',
      'voidCredit',
      'voidYear',
    ]);
  }, 600_000);

  it('shows a person their own change at once, before the worker drains the queue', async () => {
    const w = await world();
    const person = w.people[1];
    if (!person) throw new Error('no person');
    await services.standings.drainAll();
    const before = await services.learnerYear.staffYear(w.provinceAdmin, person.id, 2026);
    // Another person's change waits in the queue too: it must not make this one stale.
    await db.transaction(async (tx) => {
      for (const p of [person, w.people[3]])
        if (p)
          await services.intake.record(tx, {
            personId: p.id,
            channel: 'platform_push',
            activity: activity(2026, 12, 7),
            initialStatus: 'effective',
            actor: system,
          });
    });
    const after = await services.learnerYear.staffYear(w.provinceAdmin, person.id, 2026);
    expect(after.totalCredits).toBeGreaterThan(before.totalCredits);
    expect(after.credits).toHaveLength(before.credits.length + 1);
    expect(after.credits.at(-1)?.channels).toEqual(['platform_push']);
    const other = w.people[3];
    const [queued] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from standing_queue where person_id = ${other?.id ?? ''}`,
    );
    expect(queued?.n).toBe(1);
    await expectNoDrift(w, 'after the direct read');
  });

  it('queues the later years of a stage when a claim of an earlier year arrives', async () => {
    const w = await world();
    // People 0 and 2 work at the province's own unit: the 2006 measures' stage applies.
    const person = w.people[0];
    if (!person) throw new Error('no person');
    const enter = (year: number, n: number) =>
      db.transaction((tx) =>
        services.intake.record(tx, {
          personId: person.id,
          channel: 'platform_push',
          activity: { ...activity(year, 20, n), level: 'national' as const },
          initialStatus: 'effective',
          actor: system,
        }),
      );
    await enter(2023, 3);
    await services.standings.drainAll();
    const before = (await services.standings.freshOf(person.id)).find((s) => s.year === 2023);
    expect(before?.stage).not.toBeNull();
    await enter(2022, 4);
    await expectNoDrift(w, 'after a 2022 claim');
    const after = (await services.standings.freshOf(person.id)).find((s) => s.year === 2023);
    const earned = (s: typeof after) => (s?.stage as { earned?: number } | null)?.earned ?? 0;
    expect(earned(after)).toBeGreaterThan(earned(before));
  });

  it('queues every standing when the rules change, and verify finds the drift until drained', async () => {
    const w = await world();
    for (const [i, person] of w.people.entries())
      await db.transaction((tx) =>
        services.intake.record(tx, {
          personId: person.id,
          channel: 'platform_push',
          activity: activity(2026, 10 + i, i),
          initialStatus: 'effective',
          actor: system,
        }),
      );
    await services.standings.drainAll();
    // A province overlay that asks for more: a new pack version deployed.
    const stricter = {
      id: 'model-test-overlay',
      version: '1.0.0',
      title: 'Model test overlay',
      level: 'province',
      code: w.tree.province.regionCode ?? '990000',
      years: { from: 2026 },
      sources: [{ id: 'test', document: 'model test' }],
      rules: { requirements: { annualTotal: { credits: 99, source: 'test' } } },
    };
    const registry = createPolicyRegistry([...defaultPolicyRegistry.packs, stricter]);
    const changed = createStandings({ db, clock: t.clock, policies: registry });
    const scope = { provincePath: w.tree.province.path };
    const before = await changed.verify(scope);
    expect(before.drifted).toBeGreaterThan(0);
    const prepared = await changed.prepare();
    expect(prepared.rulesChanged).toBe(true);
    await changed.drainAll();
    expect((await changed.verify(scope)).drifted).toBe(0);
    const rows = await changed.freshOf(w.people[0]?.id ?? '');
    expect(rows.find((r) => r.year === 2026)?.packs.map((p) => p.id)).toContain(
      'model-test-overlay',
    );
    // Back to the packs in force, as the server will find them at its next start.
    await services.standings.prepare();
    await services.standings.drainAll();
    expect((await services.standings.verify(scope)).drifted).toBe(0);
  }, 120_000);
});

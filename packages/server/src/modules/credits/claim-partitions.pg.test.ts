import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chinaYear } from '../../platform/clock';
import { queryRows, wrapPool, type Db } from '../../platform/db/database';
import {
  createPostgresTestDatabase,
  createRecordingTestDatabase,
  createTestDatabase,
  type SentQuery,
} from '../../../test/test-database';
import { LearnerYearRepository } from '../learner-year/learner-year.repository';
import { StandingsRepository } from '../standings/standings.repository';
import { AuditPeopleRepository } from '../audit/audit-people.repository';
import { ClaimQueries } from './claim-queries.repository';

// The hot reads of a year carry `year = …` (or a range of years): the planner keeps only
// those years' partitions of credit_claims (ADR 0042). Each case runs the repository's real
// query, takes the statement Drizzle sent, and asks EXPLAIN which relations it reads.

let database: Awaited<ReturnType<typeof createRecordingTestDatabase>>;
const person = randomUUID();
const unit = randomUUID();

beforeAll(async () => {
  database = await createRecordingTestDatabase();
  // The years read below have partitions of their own whatever today's date (a fresh
  // database keeps this year's, the two before and the next: migration 0030).
  for (const year of [2023, 2024, 2025])
    await database.query('select created from credit_claims_add_year($1)', [year]);
});
afterAll(async () => {
  await database.close();
});

interface PlanNode {
  'Relation Name'?: string;
  Plans?: PlanNode[];
  [key: string]: unknown;
}

/** Every relation a plan reads, subplans and init plans included. */
function relationsOf(node: PlanNode, into = new Set<string>()): Set<string> {
  if (node['Relation Name']) into.add(node['Relation Name']);
  for (const child of node.Plans ?? []) relationsOf(child, into);
  return into;
}

/** The credit_claims partitions the last statement that reads claims would touch. */
async function partitionsRead(run: (db: Db) => Promise<unknown>): Promise<string[]> {
  const before = database.sent.length;
  await run(database.db);
  const reads = database.sent
    .slice(before)
    .filter((q: SentQuery) => q.text.includes('credit_claims'));
  const last = reads.at(-1);
  if (!last) throw new Error('no statement read credit_claims');
  const [row] = await database.query<{ 'QUERY PLAN': unknown }>(
    `explain (format json) ${last.text}`,
    last.params,
  );
  const raw = row?.['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  const relations = relationsOf(plan[0]?.Plan ?? {});
  return [...relations].filter((name) => name.startsWith('credit_claims')).sort();
}

describe('reads of a year touch only its partition', () => {
  it('has a partition for this year, the two before, the next, and a default one', async () => {
    const rows = await database.query<{ name: string; bound: string }>(
      `select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound
         from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'public.credit_claims'::regclass order by c.relname`,
      [],
    );
    expect(rows.find((r) => r.name === 'credit_claims_default')?.bound).toBe('DEFAULT');
    expect(rows.find((r) => r.name === 'credit_claims_y2025')?.bound).toBe(
      'FOR VALUES FROM (2025) TO (2026)',
    );
    const current = chinaYear(new Date());
    const kept = [current - 2, current - 1, current, current + 1];
    const years = rows.filter((r) => r.name !== 'credit_claims_default').map((r) => r.name);
    for (const year of kept) expect(years).toContain(`credit_claims_y${String(year)}`);
    // Not 2016–2035 any more (migration 0028's range): only those and the years added above.
    expect(new Set(years)).toEqual(
      new Set([...kept, 2023, 2024, 2025].map((y) => `credit_claims_y${String(y)}`)),
    );
  });

  it('the learner’s year: its claims, and its pending ones in the home view', async () => {
    const repository = new LearnerYearRepository();
    expect(await partitionsRead((db) => repository.yearClaims(db, person, 2025))).toEqual([
      'credit_claims_y2025',
    ]);
    expect(await partitionsRead((db) => repository.ownYear(db, randomUUID(), 2025))).toEqual([
      'credit_claims_y2025',
    ]);
  });

  it('the standing of a year reads that year and the years its stage rule looks back on', async () => {
    expect(
      await partitionsRead((db) => new StandingsRepository().claimsOf(db, [person], 2023, 2025)),
    ).toEqual(['credit_claims_y2023', 'credit_claims_y2024', 'credit_claims_y2025']);
    expect(
      await partitionsRead((db) => new LearnerYearRepository().claimsOf(db, [person], 2025, 2025)),
    ).toEqual(['credit_claims_y2025']);
  });

  it('the audit of a year, and a unit’s claims of a year', async () => {
    expect(
      await partitionsRead((db) =>
        new AuditPeopleRepository().peopleWithClaims(db, {
          unitIds: [unit],
          fromYear: 2024,
          year: 2024,
        }),
      ),
    ).toEqual(['credit_claims_y2024']);
    expect(
      await partitionsRead((db) => new ClaimQueries().ofPeopleInYear(db, [person], 2024)),
    ).toEqual(['credit_claims_y2024']);
    expect(
      await partitionsRead((db) =>
        new ClaimQueries().ofPerson(db, { personId: person, year: 2024, limit: 20 }),
      ),
    ).toEqual(['credit_claims_y2024']);
  });

  it('a claim looked up by id alone reads every partition (the check can fail)', async () => {
    const read = await partitionsRead((db) => new ClaimQueries().findView(db, randomUUID()));
    const [all] = await database.query<{ n: number }>(
      `select count(*)::int as n from pg_inherits where inhparent = 'public.credit_claims'::regclass`,
      [],
    );
    expect(read).toContain('credit_claims_default');
    expect(read.length).toBe(all?.n);
    expect(read.length).toBeGreaterThan(4);
  });
});

describe('statements on the partitioned claims keep their generic plan', () => {
  it('every connection reuses generic plans (no planning per execution)', async () => {
    const opened = await createTestDatabase();
    try {
      const [row] = await queryRows<{ plan_cache_mode: string }>(
        opened.db,
        sql`show plan_cache_mode`,
      );
      expect(row?.plan_cache_mode).toBe('force_generic_plan');
    } finally {
      await opened.close();
    }
  });

  it('keeps the setting when the URL carries options of its own (`?options=-c …`)', async () => {
    const target = inject('testDb');
    if (target.kind !== 'postgres') return;
    const { database: pgDatabase, url } = await createPostgresTestDatabase();
    const withOptions = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent('-c application_name=jijiao_url_options')}`;
    const opened = wrapPool(new pg.Pool({ connectionString: withOptions, max: 1 }));
    try {
      const [row] = await queryRows<{ mode: string; name: string }>(
        opened.db,
        sql`select current_setting('plan_cache_mode') as mode, current_setting('application_name') as name`,
      );
      expect(row).toEqual({ mode: 'force_generic_plan', name: 'jijiao_url_options' });
    } finally {
      await opened.close();
      await pgDatabase.close();
    }
  });

  it('the learner’s year, run again and again on one connection, is planned once', async () => {
    const target = inject('testDb');
    if (target.kind !== 'postgres') return;
    const { database: pgDatabase, url } = await createPostgresTestDatabase();
    const one = wrapPool(new pg.Pool({ connectionString: url, max: 1 }));
    try {
      for (let i = 0; i < 8; i++)
        await new LearnerYearRepository().ownYear(one.db, randomUUID(), 2025);
      const [plans] = await queryRows<{ generic_plans: string; custom_plans: string }>(
        one.db,
        sql`select generic_plans, custom_plans from pg_prepared_statements where name = 'learner_own_year'`,
      );
      expect(Number(plans?.custom_plans)).toBe(0);
      expect(Number(plans?.generic_plans)).toBeGreaterThanOrEqual(1);
    } finally {
      await one.close();
      await pgDatabase.close();
    }
  });
});

describe('a year’s partition made while claims of that year are being written', () => {
  it('waits for the writer, then moves its claim too (PostgreSQL: two connections)', async () => {
    const target = inject('testDb');
    if (target.kind !== 'postgres') return;
    const { database: pgDatabase, url } = await createPostgresTestDatabase();
    const writer = new pg.Client({ connectionString: url });
    const maker = new pg.Client({ connectionString: url });
    await writer.connect();
    await maker.connect();
    try {
      const [anyone] = (
        await writer.query<{ person: string; unit: string }>(
          `select p.id as person, o.id as unit from people p, orgs o where o.kind = 'unit' limit 1`,
        )
      ).rows;
      const insert = `insert into credit_claims (person_id, unit_id, channel, activity, activity_type,
                                                 activity_date, year, credits, pack_versions, status)
                      values ($1, $2, 'platform_push', '{}'::jsonb, 'self_study', '2042-01-02', 2042,
                              1, '[]'::jsonb, 'draft')`;
      await writer.query(insert, [anyone!.person, anyone!.unit]);
      // A second claim of 2042 is being written, not yet committed, when the partition is made.
      await writer.query('begin');
      await writer.query(insert, [anyone!.person, anyone!.unit]);
      const making = maker.query<{ created: boolean; moved: number }>(
        'select created, moved from credit_claims_add_year(2042)',
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      await writer.query('commit');
      const [made] = (await making).rows;
      expect(made).toEqual({ created: true, moved: 2 });
      const { rows } = await writer.query<{ part: string; n: number }>(
        `select tableoid::regclass::text as part, count(*)::int as n from credit_claims
          where year = 2042 group by 1`,
      );
      expect(rows).toEqual([{ part: 'credit_claims_y2042', n: 2 }]);
    } finally {
      await writer.end();
      await maker.end();
      await pgDatabase.close();
    }
  });
});

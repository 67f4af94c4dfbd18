import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { FakeClock } from '../../../test/build-app';
import { createFactories, newResidentId } from '../../../test/factories';
import { createTestDatabase } from '../../../test/test-database';
import { queryRows, type Db } from '../../platform/db/database';

/**
 * The import's write (CreditIntake.recordManySubmitted: in one go, or in chunks after one
 * lock statement, as a 100 000-row file is written) leaves exactly the rows and gives
 * exactly the answers of recording each row one by one (CreditIntake.record), on a table
 * of cases: a project twice in the file (within a chunk and across chunks), a project
 * stored by another channel (pending; effective), another role, online courses.
 */

type Mode = 'each' | 'whole' | 'chunks';

const numbers = { jia: newResidentId(), yi: newResidentId() };
const project = (n: number, role = 'attendee', date = '2026-02-20') => ({
  type: 'project',
  level: 'national',
  role,
  hours: 6,
  date,
  projectNumber: `2026-01-01-${String(n)}（国）`,
});
const course = (hours: number, date: string) => ({ type: 'online_course', hours, date });

/** The file's rows, in order: who and what. */
const rows: ['jia' | 'yi', Record<string, unknown>][] = [
  ['jia', project(1)],
  ['jia', project(1)],
  ['jia', project(10)],
  ['yi', project(11)],
  ['yi', course(4, '2026-03-05')],
  ['yi', course(4, '2026-03-05')],
  ['jia', project(1, 'speaker')],
  ['yi', project(2)],
  ['jia', project(1)],
  ['yi', project(2)],
];

interface World {
  db: Db;
  answers: unknown[];
  labels: Map<string, string>;
}

async function run(mode: Mode): Promise<World> {
  const database = await createTestDatabase();
  afterAll(() => database.close());
  const f = createFactories({ database, clock: new FakeClock('2026-06-01T08:00:00Z') });
  const { db, intake } = f.services;
  const tree = await f.buildOrgTree();
  const people = {
    jia: await f.buildPerson({ unit: tree.unit, name: '甲导入', idNumber: numbers.jia }),
    yi: await f.buildPerson({ unit: tree.unit, name: '乙导入', idNumber: numbers.yi }),
  };
  const system = { userId: null, username: 'test', ip: null };
  await db.transaction((tx) =>
    intake.record(tx, {
      personId: people.jia.id,
      channel: 'self_report',
      activity: project(10),
      initialStatus: 'submitted',
      actor: system,
    }),
  );
  await db.transaction((tx) =>
    intake.record(tx, {
      personId: people.yi.id,
      channel: 'unit_bulk_entry',
      activity: project(11),
      initialStatus: 'effective',
      actor: system,
    }),
  );
  const known = {
    jia: await intake.personAndPlace(db, people.jia.id),
    yi: await intake.personAndPlace(db, people.yi.id),
  };
  const chainSteps = await intake.chainFor(db, tree.unit, false);
  const actor = { userId: null, username: 'importer', ip: 'cli', orgId: tree.unit.id };
  const items = rows.map(([who, activity], i) => {
    const claimId = randomUUID();
    return {
      claimId,
      known: known[who],
      valued: intake.valueForEntry(known[who].where, claimId, activity),
      chainSteps,
      sourceRef: `credits.xlsx#row ${String(i + 2)}`,
    };
  });
  const answers: unknown[] = [];
  if (mode === 'each') {
    for (const [i, [who, activity]] of rows.entries()) {
      const r = await db.transaction((tx) =>
        intake.record(tx, {
          personId: people[who].id,
          channel: 'spreadsheet_import',
          activity,
          initialStatus: 'submitted',
          actor,
          sourceRef: items[i]?.sourceRef ?? null,
          known: known[who],
          chainSteps,
        }),
      );
      answers.push({
        claimId: r.claimId,
        matched: r.matched,
        status: r.status,
        credits: r.credits,
        class: r.class,
        year: r.year,
        packVersions: r.packVersions,
      });
    }
  } else {
    await db.transaction(async (tx) => {
      const chunk = mode === 'whole' ? items.length : 3;
      await intake.lockIntake(
        tx,
        items.map((i) => i.known.person.id),
      );
      for (let start = 0; start < items.length; start += chunk) {
        const result = await intake.recordManySubmitted(tx, {
          channel: 'spreadsheet_import',
          actor,
          items: items.slice(start, start + chunk),
          locked: true,
        });
        answers.push(...result.outcomes);
      }
    });
  }
  const labels = new Map<string, string>();
  const orgs = await queryRows<{ id: string; name: string }>(db, sql`select id, name from orgs`);
  for (const o of orgs) labels.set(o.id, `org:${o.name.replace(/\d+/g, '')}`);
  for (const [key, p] of Object.entries(people)) labels.set(p.id, `person:${key}`);
  const claims = await queryRows<{ id: string }>(
    db,
    sql`select c.id from credit_claims c join people p on p.id = c.person_id
        order by p.name, c.activity_date, c.project_number nulls first, c.role, c.credits, c.channel,
          (select min(v.source_ref) from credit_provenances v where v.claim_id = c.id)`,
  );
  for (const [i, c] of claims.entries()) labels.set(c.id, `claim:${String(i)}`);
  return { db, answers, labels };
}

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

function labelled(world: World, value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value).replace(uuid, (id) => world.labels.get(id) ?? `unknown:${id}`),
  ) as unknown;
}

async function rowsOf(world: World) {
  const sorted = async (query: ReturnType<typeof sql>) =>
    (await queryRows<Record<string, unknown>>(world.db, query))
      .map((r) => JSON.stringify(labelled(world, r)))
      .sort();
  return {
    claims: await sorted(sql`select * from credit_claims`),
    provenances: await sorted(sql`select claim_id, channel, source_ref, received_at, actor_user_id,
      actor_org_id from credit_provenances`),
    history: await sorted(sql`select claim_id, step, reviewer_org_id, actor_user_id, action,
      from_status, to_status, reason, at from claim_reviews`),
    standings: await sorted(sql`select person_id, year from standing_queue`),
  };
}

const each = await run('each');
const whole = await run('whole');
const chunks = await run('chunks');

describe('import write: set-based (whole, in chunks) = one by one', () => {
  it('answers every row as the reference does', () => {
    const reference = labelled(each, each.answers);
    expect(labelled(whole, whole.answers)).toEqual(reference);
    expect(labelled(chunks, chunks.answers)).toEqual(reference);
    expect(each.answers.map((a) => (a as { matched: boolean }).matched)).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
  });

  it('leaves the same claims, provenances, history and queued standings', async () => {
    const reference = await rowsOf(each);
    expect(await rowsOf(whole)).toEqual(reference);
    expect(await rowsOf(chunks)).toEqual(reference);
    expect(reference.claims.filter((c) => c.includes('"spreadsheet_import"')).length).toBe(5);
  });
});

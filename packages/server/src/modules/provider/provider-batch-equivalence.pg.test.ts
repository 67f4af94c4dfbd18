import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ProviderBatchResult } from '@jijiao/contracts';
import { FakeClock } from '../../../test/build-app';
import { createFactories, newResidentId } from '../../../test/factories';
import { createTestDatabase } from '../../../test/test-database';
import type { PlatformCaller } from '../../platform/auth/actor';
import { queryRows, type Db } from '../../platform/db/database';

/**
 * The set-based batch (`pushBatch`, one transaction a request) gives exactly the answers
 * and leaves exactly the rows of the reference (`pushEach`, one transaction an item), on a
 * table of cases: duplicates within the request, an activity stored by another channel
 * (pending, effective), keys replayed within the request and from an earlier one, a key
 * reused with another body, unknown people, wrong names, bad bodies, an untrusted platform
 * (review chain) and a trusted one (effective on arrival, confirming a pending claim).
 */

type Mode = 'each' | 'batch';

const ids = { jia: newResidentId(), yi: newResidentId(), bing: newResidentId() };
const unknownId = newResidentId();
const project = (n: number, role = 'attendee') => ({
  completedAt: '2026-02-20T17:00:00+08:00',
  activity: { type: 'project', level: 'national', role, hours: 6 },
  projectNumber: `2026-01-01-${String(n)}（国）`,
});
const course = (hours: number, day: number) => ({
  completedAt: `2026-03-${String(day).padStart(2, '0')}T20:00:00+08:00`,
  activity: { type: 'online_course', hours },
});
const jia = { idNumber: ids.jia, name: '甲推送' };
const yi = { idNumber: ids.yi, name: '乙推送' };
const bing = { idNumber: ids.bing, name: '丙推送' };

/** Sent once through the reference path before the cases: keys stored by an earlier request. */
const earlier = [
  { idempotencyKey: 'earlier-1', ...jia, ...course(2, 1) },
  { idempotencyKey: 'earlier-2', ...yi, ...course(3, 2) },
];

/** The untrusted platform's request. */
const untrusted = [
  { idempotencyKey: 'u-new', ...jia, ...project(1) },
  { idempotencyKey: 'u-dup-in-request', ...jia, ...project(1) },
  { idempotencyKey: 'u-new', ...jia, ...project(1) },
  { idempotencyKey: 'u-new', ...jia, ...project(2) },
  { idempotencyKey: 'u-unknown', idNumber: unknownId, name: '无此人', ...course(2, 3) },
  { idempotencyKey: 'u-wrong-name', idNumber: ids.jia, name: '别人', ...course(2, 3) },
  { idempotencyKey: 'u-self-reported', ...jia, ...project(10) },
  { idempotencyKey: 'u-unit-entered', ...yi, ...project(11) },
  { idempotencyKey: 'u-course', ...yi, ...course(4, 5) },
  { ...bing, ...course(2, 6) },
  { idempotencyKey: 'earlier-1', ...jia, ...course(2, 1) },
  { idempotencyKey: 'earlier-2', ...yi, ...course(9, 2) },
  { idempotencyKey: 'u-bad-hours', ...bing, ...course(-1, 7) },
  { idempotencyKey: 'u-other-role', ...jia, ...project(1, 'speaker') },
  {
    idempotencyKey: 'u-future',
    ...bing,
    completedAt: '2099-01-01',
    activity: { type: 'online_course', hours: 1 },
  },
  {
    idempotencyKey: 'u-bad-number',
    ...bing,
    ...project(12),
    activity: { type: 'online_course', hours: 1 },
  },
  { idempotencyKey: 'u-dup-course', ...yi, ...course(4, 5) },
];

/** The trusted platform's request (its keys are its own: `u-new` is new to it). */
const trusted = [
  { idempotencyKey: 't-confirms', ...bing, ...project(20) },
  { idempotencyKey: 't-confirmed-again', ...bing, ...project(20) },
  { idempotencyKey: 't-new', ...bing, ...project(21) },
  { idempotencyKey: 't-new-again', ...bing, ...project(21) },
  { idempotencyKey: 'u-new', ...jia, ...project(1) },
  { idempotencyKey: 't-course', ...jia, ...course(5, 9) },
  { idempotencyKey: 't-unknown', idNumber: unknownId, name: '无此人', ...course(2, 3) },
  { idempotencyKey: 't-effective-stored', ...yi, ...project(11) },
  { idempotencyKey: 't-new', ...bing, ...project(21) },
];

interface World {
  db: Db;
  answers: ProviderBatchResult[];
  /** Ids to names: orgs and people by name, claims by their order. */
  labels: Map<string, string>;
}

/** The same province, people and stored claims, then the requests through one path. */
async function run(mode: Mode): Promise<World> {
  const database = await createTestDatabase();
  afterAll(() => database.close());
  const f = createFactories({ database, clock: new FakeClock('2026-06-01T08:00:00Z') });
  const { db, intake, providerPush } = f.services;
  const tree = await f.buildOrgTree();
  const second = await f.buildOrg({ parent: tree.district, kind: 'unit', name: '第二医院' });
  const people = {
    jia: await f.buildPerson({ unit: tree.unit, name: jia.name, idNumber: ids.jia }),
    yi: await f.buildPerson({ unit: tree.unit, name: yi.name, idNumber: ids.yi }),
    bing: await f.buildPerson({ unit: second, name: bing.name, idNumber: ids.bing }),
  };
  const platformOrg = async (name: string): Promise<PlatformCaller> => {
    const org = await f.buildOrg({ parent: tree.province, kind: 'platform', name });
    return { orgId: org.id, orgPath: org.path, name, keyId: org.id };
  };
  const plain = await platformOrg('普通平台');
  const known = await platformOrg('可信平台');
  await db.execute(
    sql`insert into platform_settings (platform_org_id, trusted, updated_at) values (${known.orgId}, true, now())`,
  );
  const system = { userId: null, username: 'test', ip: null };
  const stored = async (
    personId: string,
    channel: 'self_report' | 'unit_bulk_entry',
    n: number,
    initialStatus: 'submitted' | 'effective',
  ) => {
    const { projectNumber, activity } = project(n);
    await db.transaction((tx) =>
      intake.record(tx, {
        personId,
        channel,
        activity: { ...activity, date: '2026-02-20', projectNumber },
        initialStatus,
        actor: system,
      }),
    );
  };
  await stored(people.jia.id, 'self_report', 10, 'submitted');
  await stored(people.yi.id, 'unit_bulk_entry', 11, 'effective');
  await stored(people.bing.id, 'self_report', 20, 'submitted');
  await providerPush.pushEach(plain, earlier, '10.0.0.1');
  const send = (platform: PlatformCaller, items: Record<string, unknown>[]) =>
    mode === 'each'
      ? providerPush.pushEach(platform, items, '10.0.0.2')
      : providerPush.pushBatch(platform, items, '10.0.0.2');
  const answers = [await send(plain, untrusted), await send(known, trusted)];

  const labels = new Map<string, string>();
  const orgs = await queryRows<{ id: string; name: string }>(db, sql`select id, name from orgs`);
  // Factories number their orgs per run (测试省5, 测试省6): the name without its number.
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

/** Any value with its ids replaced by their labels (an unknown id fails the comparison). */
function labelled(world: World, value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value).replace(uuid, (id) => world.labels.get(id) ?? `unknown:${id}`),
  ) as unknown;
}

/** The rows the requests leave, ids as labels, each table in an order independent of ids. */
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
    audit: await sorted(sql`select at, actor_user_id, actor_username, action, target_type,
      target_id, org_path, ip, details from audit_log where target_type = 'credit_claim'`),
    idempotency: await sorted(sql`select platform_org_id, key, request_hash, status_code,
      response, created_at from idempotency_records`),
    standings: await sorted(sql`select person_id, year from standing_queue`),
  };
}

const each = await run('each');
const batch = await run('batch');

describe('provider batch: set-based = one by one', () => {
  it('answers every case as the reference does', () => {
    expect(labelled(batch, batch.answers)).toEqual(labelled(each, each.answers));
    // The table covers what it claims: created, matched, replayed and refused items.
    const [plain, known] = each.answers;
    expect(plain?.counts).toEqual({ created: 7, replayed: 2, failed: 8 });
    expect(known?.counts).toEqual({ created: 7, replayed: 1, failed: 1 });
    const outcome = (r: ProviderBatchResult | undefined, i: number) => r?.results[i];
    expect(outcome(plain, 1)).toMatchObject({ status: 201, body: { matched: true } });
    expect(outcome(plain, 2)).toMatchObject({ status: 201, body: { matched: false } });
    expect(outcome(plain, 3)?.error?.code).toBe('idempotency_conflict');
    expect(outcome(plain, 6)).toMatchObject({ body: { matched: true, status: 'submitted' } });
    expect(outcome(plain, 7)).toMatchObject({ body: { matched: true, status: 'effective' } });
    expect(outcome(known, 0)).toMatchObject({ body: { matched: true, status: 'effective' } });
    expect(outcome(known, 2)).toMatchObject({ body: { matched: false, status: 'effective' } });
  });

  it('leaves the same claims, provenances, history, audit entries, answers and queued standings', async () => {
    const [reference, setBased] = [await rowsOf(each), await rowsOf(batch)];
    expect(setBased).toEqual(reference);
    expect(reference.claims.length).toBeGreaterThan(8);
    expect(reference.audit.some((a) => a.includes('confirmed by platform_push'))).toBe(true);
  });
});

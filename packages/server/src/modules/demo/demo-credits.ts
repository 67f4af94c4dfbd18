import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { creditChannels } from '@jijiao/contracts';
import type { Clock } from '../../platform/clock';
import { queryRows, type Db, type DbOrTx } from '../../platform/db/database';
import type { CreditIntake, PersonAndPlace } from '../credits/credit-intake.service';
import type { PeopleService } from '../people/people.service';
import { planDemoYear, type DemoArrival, type DemoStaff } from './demo-credit-plan';
import { demoAccounts, demoPlatformName, demoTree, type DemoOrg } from './demo-tree';

const demoSourceRef = 'demo data';
const demoActor = { userId: null, username: 'demo', ip: null };

/** Every unit's expected share of staff at the requirement by December, by unit name. */
function compliantShares(node: DemoOrg = demoTree): Map<string, number> {
  const shares = new Map<string, number>();
  if (node.compliantShare !== undefined) shares.set(node.name, node.compliantShare);
  for (const child of node.children ?? [])
    for (const [name, share] of compliantShares(child)) shares.set(name, share);
  return shares;
}

export interface DemoPopulation {
  /** Everyone in the demo province, by unit name, then name and id (a stable order). */
  staff: (DemoStaff & { unitName: string })[];
  known: Map<string, PersonAndPlace>;
}

/** The demo's people with their unit and place, read once per unit, as the intake needs them. */
export async function demoPopulation(
  db: DbOrTx,
  services: { intake: CreditIntake; people: PeopleService },
): Promise<DemoPopulation> {
  const [root] = await queryRows<{ path: string }>(
    db,
    sql`select path from orgs where parent_id is null order by path limit 1`,
  );
  if (!root) return { staff: [], known: new Map() };
  const people = await services.people.searchByName([root.path], '', 100_000, db);
  const places = new Map<string, PersonAndPlace>();
  const known = new Map<string, PersonAndPlace>();
  for (const person of people) {
    let place = places.get(person.unitId);
    if (!place) {
      place = await services.intake.personAndPlace(db, person.id, person);
      places.set(person.unitId, place);
    }
    known.set(person.id, { ...place, person });
  }
  const shares = compliantShares();
  const staff = people
    .map((p) => {
      const unitName = known.get(p.id)?.unit.name ?? '';
      return { id: p.id, unitName, name: p.name, compliantShare: shares.get(unitName) ?? 0.75 };
    })
    .sort(
      (a, b) =>
        a.unitName.localeCompare(b.unitName) ||
        a.name.localeCompare(b.name) ||
        a.id.localeCompare(b.id),
    )
    .map(({ name: _name, ...s }) => s);
  return { staff, known };
}

/**
 * Records the demo's arrivals through the intake, effective, valued by the rules engine: one
 * bulk intake per channel (one intake.record each would take ~10 ms a claim on PGlite).
 */
export async function recordDemoArrivals(
  tx: DbOrTx,
  intake: CreditIntake,
  known: Map<string, PersonAndPlace>,
  arrivals: readonly DemoArrival[],
  sourceRef: string,
): Promise<number> {
  let written = 0;
  for (const channel of creditChannels) {
    const items = arrivals
      .filter((a) => a.channel === channel)
      .flatMap((a) => {
        const place = known.get(a.personId);
        if (!place) return [];
        const claimId = randomUUID();
        return [
          {
            claimId,
            known: place,
            valued: intake.valueAt(place.where, claimId, a.activity),
            sourceRef,
          },
        ];
      });
    if (items.length === 0) continue;
    const result = await intake.recordManyEffective(tx, { channel, actor: demoActor, items });
    written += result.created + result.matched;
  }
  return written;
}

/**
 * This year's effective credits for the whole demo province, through the intake (valued by
 * the rules engine, one provenance each): the year so far at a real province, month by
 * month up to today (see demo-credit-plan), so the dashboards tell a story whatever the
 * date. The demo learner keeps a short, fixed year (behind, with reasons to read). Effective
 * only: the demo's review queues are seeded elsewhere. Does nothing when it ran before (its
 * provenances say `demo data`); other demo claims (queues, award batches) do not count.
 */
export async function seedDemoCredits(
  deps: { db: Db; clock: Clock; intake: CreditIntake; people: PeopleService },
  learnerUsername: string,
): Promise<number> {
  const { db, clock, intake } = deps;
  const existing = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int n from credit_provenances where source_ref = ${demoSourceRef}`,
  );
  if ((existing[0]?.n ?? 0) > 0) return 0;
  const [learner] = await queryRows<{ id: string }>(
    db,
    sql`select p.id from people p join users u on u.id = p.user_id where u.username = ${learnerUsername}`,
  );
  if (!learner) return 0;
  const now = clock.now();
  const year = now.getUTCFullYear();
  const firstDay = Date.UTC(year, 0, 1);
  // Never in the future, never in another year.
  const daysAgo = (days: number) =>
    new Date(Math.max(firstDay, now.getTime() - days * 86_400_000)).toISOString().slice(0, 10);
  const learnerYear: DemoArrival[] = [
    {
      personId: learner.id,
      channel: 'platform_push',
      activity: { type: 'online_course', date: daysAgo(40), hours: 12, platform: '演示学习平台' },
    },
    {
      personId: learner.id,
      channel: 'unit_bulk_entry',
      activity: { type: 'unit_lecture', date: daysAgo(30), role: 'participant', times: 6 },
    },
    {
      personId: learner.id,
      channel: 'spreadsheet_import',
      activity: { type: 'case_discussion', date: daysAgo(20), role: 'speaker', times: 2 },
    },
  ];
  return db.transaction(async (tx) => {
    const { staff, known } = await demoPopulation(tx, deps);
    const plan = planDemoYear({
      year,
      until: now,
      staff: staff.filter((s) => s.id !== learner.id),
      seed: year * 7,
      platform: demoPlatformName,
    });
    return recordDemoArrivals(tx, intake, known, [...learnerYear, ...plan], demoSourceRef);
  });
}

/**
 * After the demo province was seeded by `jijiao start`: this year's demo credits. Not part
 * of `seedDemo` itself, so the tests' demo template starts without claims.
 */
export async function seedDemoCreditsAtStart(services: {
  db: Db;
  clock: Clock;
  intake: CreditIntake;
  people: PeopleService;
}): Promise<number> {
  const learner = demoAccounts.find((a) => a.role === 'learner');
  return learner ? seedDemoCredits(services, learner.username) : 0;
}

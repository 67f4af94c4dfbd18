import { sql } from 'drizzle-orm';
import type { CreditChannel } from '@jijiao/contracts';
import type { Clock } from '../../platform/clock';
import { queryRows, type Db } from '../../platform/db/database';
import type { CreditIntake } from '../credits/credit-intake.service';
import { createRandom } from './demo-people';
import { demoAccounts } from './demo-tree';

/** Staff of the demo learner's unit who get this year's credits (the rest have none yet). */
const colleaguesWithCredits = 24;

const demoSourceRef = 'demo data';

type DemoActivity = { channel: CreditChannel; activity: Record<string, unknown> };

/**
 * This year's effective credits for the demo learner and some colleagues at the learner's
 * unit, through the intake (valued by the rules engine, one provenance each), so that the
 * learner's home and the unit's staff progress show something right after `npm start`.
 * Effective only: nothing waits in a review queue. Does nothing when it ran before (its
 * provenances say `demo data`); other demo claims (queues, award batches) do not count.
 */
export async function seedDemoCredits(
  deps: { db: Db; clock: Clock; intake: CreditIntake },
  learnerUsername: string,
): Promise<number> {
  const { db, clock, intake } = deps;
  const existing = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int n from credit_provenances where source_ref = ${demoSourceRef}`,
  );
  if ((existing[0]?.n ?? 0) > 0) return 0;
  const [learner] = await queryRows<{ id: string; unit_id: string }>(
    db,
    sql`select p.id, p.unit_id from people p join users u on u.id = p.user_id where u.username = ${learnerUsername}`,
  );
  if (!learner) return 0;
  const colleagues = await queryRows<{ id: string }>(
    db,
    sql`select id from people where unit_id = ${learner.unit_id} and user_id is null order by name, id limit ${colleaguesWithCredits}`,
  );
  const now = clock.now();
  const year = now.getUTCFullYear();
  const firstDay = Date.UTC(year, 0, 1);
  // Never in the future, never in another year.
  const daysAgo = (days: number) =>
    new Date(Math.max(firstDay, now.getTime() - days * 86_400_000)).toISOString().slice(0, 10);

  const plan: [string, DemoActivity][] = [
    [
      learner.id,
      {
        channel: 'platform_push',
        activity: { type: 'online_course', date: daysAgo(40), hours: 12, platform: '演示学习平台' },
      },
    ],
    [
      learner.id,
      {
        channel: 'unit_bulk_entry',
        activity: { type: 'unit_lecture', date: daysAgo(30), role: 'participant', times: 6 },
      },
    ],
    [
      learner.id,
      {
        channel: 'spreadsheet_import',
        activity: { type: 'case_discussion', date: daysAgo(20), role: 'speaker', times: 2 },
      },
    ],
  ];
  const random = createRandom(year * 7);
  const kinds: ((date: string) => DemoActivity)[] = [
    (date) => ({
      channel: 'platform_push',
      activity: { type: 'online_course', date, hours: 3 * (1 + Math.floor(random() * 8)) },
    }),
    (date) => ({
      channel: 'unit_bulk_entry',
      activity: {
        type: 'unit_lecture',
        date,
        role: 'participant',
        times: 2 + Math.floor(random() * 10),
      },
    }),
    (date) => ({
      channel: 'unit_bulk_entry',
      activity: {
        type: 'case_discussion',
        date,
        role: 'participant',
        times: 2 + Math.floor(random() * 8),
      },
    }),
    (date) => ({
      channel: 'spreadsheet_import',
      activity: { type: 'further_study', date, months: 3 + Math.floor(random() * 4) },
    }),
  ];
  colleagues.forEach((c, i) => {
    const count = i % 6 === 0 ? 4 : Math.floor(random() * 3);
    for (let k = 0; k < count; k++) {
      const kind = kinds[i % 6 === 0 && k === 0 ? 3 : Math.floor(random() * 3)];
      if (kind) plan.push([c.id, kind(daysAgo(10 + Math.floor(random() * 60)))]);
    }
  });

  await db.transaction(async (tx) => {
    for (const [personId, { channel, activity }] of plan) {
      await intake.record(tx, {
        personId,
        channel,
        activity,
        initialStatus: 'effective',
        actor: { userId: null, username: 'demo', ip: null },
        sourceRef: demoSourceRef,
      });
    }
  });
  return plan.length;
}

/**
 * After the demo province was seeded by `jijiao start`: this year's demo credits. Not part
 * of `seedDemo` itself, so the tests' demo template starts without claims.
 */
export async function seedDemoCreditsAtStart(services: {
  db: Db;
  clock: Clock;
  intake: CreditIntake;
}): Promise<number> {
  const learner = demoAccounts.find((a) => a.role === 'learner');
  return learner ? seedDemoCredits(services, learner.username) : 0;
}

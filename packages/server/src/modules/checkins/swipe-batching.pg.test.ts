import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Swipe, SwipeOutcome } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { createCheckinFactories } from '../../../test/factories/checkins';
import { testConfig } from '../../../test/test-config';
import { AppError } from '../../platform/errors/app-error';
import { queryRows } from '../../platform/db/database';
import { CheckinsRepository, type SwipeToRecord } from './checkins.repository';
import { CheckinsService } from './checkins.service';

// Requests of several kiosks sharing one statement (ADR 0043) answer exactly what the same
// requests answer one after another, on PGlite and on PostgreSQL: the same table of cases
// is run twice, on two identical sets of sessions, once one request at a time and once with
// every request in one shared statement (the first statement held until all have arrived).
const t = await buildTestApp();
const f = createFactories(t);
const c = createCheckinFactories(f);
const ip = '127.0.0.1';
const tree = await f.buildOrgTree();
const hostActor = await f.provinceActor(tree.host);

// The fake clock stands on 2026-03-01: the projects are filed for April.
const open = await f.buildProject({
  host: tree.host,
  startDate: '2026-04-01',
  endDate: '2026-04-02',
});
const other = await f.buildProject({
  host: tree.host,
  startDate: '2026-04-03',
  endDate: '2026-04-03',
});
const k1 = await c.buildDevice(open, tree.host);
const k2 = await c.buildDevice(open, tree.host);
const revoked = await c.buildDevice(open, tree.host);
await f.services.sessions.revokeDevice(hostActor, revoked.id, ip);
const otherKiosk = await c.buildDevice(other, tree.host);

const holder = () => c.buildCardHolder({ unit: tree.unit, city: tree.city });
const [ann, bob, lost, reg, unreg, qrHolder] = [
  await holder(),
  await holder(),
  await holder(),
  await holder(),
  await holder(),
  await holder(),
];
await f.services.cards.reportLoss(lost.bureau, lost.card.id, ip);
const qr = await f.services.cards.checkinToken(await f.actorOf(qrHolder.person.user));

/** Identical places to swipe into: a plain session, one that needs registration, and one of the other project. */
async function sessions() {
  const plain = await c.buildSession(open, tree.host, { startTime: '08:00', endTime: '10:00' });
  const workshop = await c.buildSession(open, tree.host, {
    startTime: '14:00',
    endTime: '16:00',
    registrationRequired: true,
  });
  await f.services.sessions.register(hostActor, open.id, workshop.id, [reg.number], ip);
  const elsewhere = await c.buildSession(other, tree.host);
  return { plain, workshop, elsewhere };
}

interface Request {
  token: string;
  swipes: Swipe[];
}

/** The table of cases, in arrival order, over one set of sessions. */
function cases(s: Awaited<ReturnType<typeof sessions>>): Request[] {
  const at = new Date(Date.parse(qr.expiresAt) - 30_000).toISOString();
  const swipe = (sessionId: string, code: Partial<Swipe>): Swipe => ({
    clientId: randomUUID(),
    sessionId,
    swipedAt: at,
    ...code,
  });
  const annFirst = swipe(s.plain.id, { cardNumber: ann.number });
  const bobAtK2 = swipe(s.plain.id, { cardNumber: bob.number });
  return [
    { token: k1.token, swipes: [annFirst] },
    // The same person at another kiosk, in the same statement: the earlier one counts.
    { token: k2.token, swipes: [swipe(s.plain.id, { cardNumber: ann.number })] },
    // A resend of the first swipe (a kiosk that did not hear the answer).
    { token: k1.token, swipes: [annFirst] },
    // A revoked kiosk: 401 for its request alone.
    { token: revoked.token, swipes: [swipe(s.plain.id, { cardNumber: bob.number })] },
    // An offline queue: a new person, the same again, a lost card, an unknown card.
    {
      token: k2.token,
      swipes: [
        bobAtK2,
        swipe(s.plain.id, { cardNumber: bob.number }),
        swipe(s.plain.id, { cardNumber: lost.number }),
        swipe(s.plain.id, { cardNumber: '990199999999' }),
      ],
    },
    { token: k1.token, swipes: [swipe(s.plain.id, { qrToken: qr.token })] },
    // A kiosk of another project: not its session.
    { token: otherKiosk.token, swipes: [swipe(s.plain.id, { cardNumber: bob.number })] },
    {
      token: k2.token,
      swipes: [
        swipe(s.workshop.id, { cardNumber: unreg.number }),
        swipe(s.workshop.id, { cardNumber: reg.number }),
      ],
    },
    // Another kiosk reusing k2's client id for the same person: not a resend, a duplicate.
    { token: k1.token, swipes: [{ ...bobAtK2, swipedAt: at }] },
    // The other project's kiosk at its own session.
    { token: otherKiosk.token, swipes: [swipe(s.elsewhere.id, { cardNumber: ann.number })] },
  ];
}

/** A repository whose statements can be held and made to fail, counting them. */
class HeldRepository extends CheckinsRepository {
  statements: number[] = [];
  hold: Promise<void> = Promise.resolve();
  failShared = false;
  override async recordSwipes(
    db: Parameters<CheckinsRepository['recordSwipes']>[0],
    swipes: readonly SwipeToRecord[],
    recordedAt: string,
  ) {
    this.statements.push(swipes.length);
    await this.hold;
    if (this.failShared && new Set(swipes.map((s) => s.token_hash)).size > 1)
      throw new Error('the shared statement failed');
    return super.recordSwipes(db, swipes, recordedAt);
  }
}

function service(repository: CheckinsRepository) {
  return new CheckinsService({
    db: t.database.db,
    clock: t.clock,
    qrKey: testConfig().checkin.qrKey,
    repository,
    projects: f.services.projects,
    swipeBatching: { maxInFlight: 1 },
  });
}

type Answer = { error: string } | Omit<SwipeOutcome, 'clientId' | 'sessionId'>[];

async function answer(promise: Promise<SwipeOutcome[]>): Promise<Answer> {
  try {
    return (await promise).map(({ clientId: _c, sessionId: _s, ...rest }) => rest);
  } catch (error) {
    if (error instanceof AppError) return { error: error.code };
    throw error;
  }
}

async function oneByOne(requests: readonly Request[]): Promise<Answer[]> {
  const checkins = service(new CheckinsRepository());
  const answers: Answer[] = [];
  for (const r of requests) answers.push(await answer(checkins.record(r.token, r.swipes)));
  return answers;
}

/** The requests after one held statement: they all wait, then share the next one. */
async function shared(requests: readonly Request[], repository: HeldRepository) {
  let release: () => void = () => undefined;
  repository.hold = new Promise((resolve) => {
    release = resolve;
  });
  const checkins = service(repository);
  const s = await sessions();
  const first = answer(
    checkins.record(k1.token, [
      {
        clientId: randomUUID(),
        sessionId: s.plain.id,
        swipedAt: qr.expiresAt,
        cardNumber: unreg.number,
      },
    ]),
  );
  const answers = requests.map((r) => answer(checkins.record(r.token, r.swipes)));
  release();
  await first;
  return Promise.all(answers);
}

async function rows(s: Awaited<ReturnType<typeof sessions>>) {
  return queryRows<{ session: string; method: string; person_id: string }>(
    t.database.db,
    sql`select case session_id when ${s.plain.id}::uuid then 'plain'
            when ${s.workshop.id}::uuid then 'workshop' else 'elsewhere' end as session,
          method, person_id
        from check_ins
        where session_id in (${s.plain.id}::uuid, ${s.workshop.id}::uuid, ${s.elsewhere.id}::uuid)
        order by 1, person_id`,
  );
}

describe('swipes of several requests in one statement', () => {
  it('answer and store what the same requests do one after another', async () => {
    const a = await sessions();
    const expected = await oneByOne(cases(a));
    // The table means what it says: every outcome is there.
    expect(expected.flatMap((e) => ('error' in e ? [e.error] : e.map((o) => o.result)))).toEqual([
      'accepted',
      'already_checked_in',
      'accepted',
      'device_unauthorised',
      'accepted',
      'already_checked_in',
      'lost_card',
      'unknown_card',
      'accepted',
      'unknown_session',
      'not_registered',
      'accepted',
      'already_checked_in',
      'accepted',
    ]);

    const repository = new HeldRepository();
    const b = await sessions();
    const requests = cases(b);
    expect(await shared(requests, repository)).toEqual(expected);
    // The held statement, then all ten requests' fourteen swipes in one.
    expect(repository.statements).toEqual([1, 14]);
    expect(await rows(b)).toEqual(await rows(a));
  });

  it('answer the same when the shared statement fails and each request runs alone', async () => {
    const a = await sessions();
    const expected = await oneByOne(cases(a));
    const repository = new HeldRepository();
    repository.failShared = true;
    const b = await sessions();
    expect(await shared(cases(b), repository)).toEqual(expected);
    expect(repository.statements).toEqual([1, 14, 1, 1, 1, 1, 4, 1, 1, 2, 1, 1]);
    expect(await rows(b)).toEqual(await rows(a));
  });
});

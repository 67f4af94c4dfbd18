import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { CheckinResponse, SwipeOutcome } from '@jijiao/contracts';
import { maskPersonName } from '@jijiao/domain';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { createCheckinFactories } from '../../../test/factories/checkins';
import { queryRows } from '../../platform/db/database';

// Every answer of POST /api/v1/checkins, pinned as the implementation before issue 20
// (lookup, decide, insert, then a lookup of skipped swipes) gave it, so the one-statement
// swipe answers exactly the same. Runs on PGlite and on PostgreSQL.
const t = await buildTestApp();
const f = createFactories(t);
const c = createCheckinFactories(f);
const ip = '127.0.0.1';
const tree = await f.buildOrgTree();
const hostActor = await f.provinceActor(tree.host);

// The fake clock stands on 2026-03-01: the open project is filed for 04-01..02.
const open = await f.buildProject({
  host: tree.host,
  startDate: '2026-04-01',
  endDate: '2026-04-02',
});
const morning = await c.buildSession(open, tree.host, { startTime: '08:00', endTime: '10:00' });
const workshop = await c.buildSession(open, tree.host, {
  startTime: '14:00',
  endTime: '16:00',
  registrationRequired: true,
});
const kiosk = await c.buildDevice(open, tree.host);
const revokedKiosk = await c.buildDevice(open, tree.host);
await f.services.sessions.revokeDevice(hostActor, revokedKiosk.id, ip);

// A draft project (not open for check-in yet) and a finished one (closed), each with a kiosk.
const draft = await f.buildProject({
  host: tree.host,
  status: 'draft',
  startDate: '2026-05-01',
  endDate: '2026-05-01',
});
const draftSession = await c.buildSession(draft, tree.host);
const draftKiosk = await c.buildDevice(draft, tree.host);
const closed = await f.buildProject({
  host: tree.host,
  startDate: '2026-02-01',
  endDate: '2026-02-01',
});
const closedSession = await c.buildSession(closed, tree.host);
const closedKiosk = await c.buildDevice(closed, tree.host);
await f.services.projects.finish(hostActor, closed.id, { attendeeCount: 0 }, ip);

const holder = () => c.buildCardHolder({ unit: tree.unit, city: tree.city });
const ann = await holder();
const bob = await holder();
const lost = await holder();
const reg = await holder();
const unreg = await holder();
const qrHolder = await holder();
await f.services.cards.reportLoss(lost.bureau, lost.card.id, ip);
await f.services.sessions.register(hostActor, open.id, workshop.id, [reg.number], ip);
const qr = await f.services.cards.checkinToken(await f.actorOf(qrHolder.person.user));

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const masked = (h: { person: { name: string } }) => maskPersonName(h.person.name);
const swipedAt = '2026-04-01T00:30:00.000Z';

function swipe(sessionId: string, code: { cardNumber?: string; qrToken?: string }) {
  return { clientId: randomUUID(), sessionId, swipedAt, ...code };
}

async function post(body: object, headers: Record<string, string> = bearer(kiosk.token)) {
  // Each request a minute later: a replay answers the first recording time, not the clock's.
  t.clock.advanceMinutes(1);
  return t.app.inject({ method: 'POST', url: '/api/v1/checkins', headers, payload: body });
}

async function one(body: object, headers?: Record<string, string>): Promise<SwipeOutcome> {
  const response = await post(body, headers);
  expect(response.statusCode, response.body).toBe(200);
  const [result, ...rest] = response.json<CheckinResponse>().results;
  expect(rest).toEqual([]);
  if (!result) throw new Error('no result');
  return result;
}

async function stored(clientId: string) {
  return queryRows<{ method: string; card_id: string | null; person_id: string }>(
    t.database.db,
    sql`select method, card_id, person_id from check_ins where client_id = ${clientId}`,
  );
}

describe('one swipe per request', () => {
  const first = swipe(morning.id, { cardNumber: ann.number });
  let firstAt = '';

  it('accepts a card: the masked name, the recording time, one row', async () => {
    const result = await one(first);
    firstAt = t.clock.now().toISOString();
    expect(result).toEqual({
      clientId: first.clientId,
      sessionId: morning.id,
      result: 'accepted',
      personNameMasked: masked(ann),
      checkedInAt: firstAt,
    });
    expect(await stored(first.clientId)).toEqual([
      { method: 'card', card_id: ann.card.id, person_id: ann.person.id },
    ]);
  });

  it('answers a replay of the same clientId as the first time, storing nothing more', async () => {
    expect(await one(first)).toEqual({
      clientId: first.clientId,
      sessionId: morning.id,
      result: 'accepted',
      personNameMasked: masked(ann),
      checkedInAt: firstAt,
    });
    expect(await stored(first.clientId)).toHaveLength(1);
  });

  it('answers already_checked_in to the same person again (another clientId)', async () => {
    const again = swipe(morning.id, { cardNumber: ` ${ann.number.toLowerCase()} ` });
    expect(await one(again)).toEqual({
      clientId: again.clientId,
      sessionId: morning.id,
      result: 'already_checked_in',
      personNameMasked: masked(ann),
      checkedInAt: firstAt,
    });
    expect(await stored(again.clientId)).toEqual([]);
  });

  const refused: [string, () => ReturnType<typeof swipe>, Partial<SwipeOutcome>][] = [
    [
      'an unknown card',
      () => swipe(morning.id, { cardNumber: '990199999999' }),
      { result: 'unknown_card', personNameMasked: null },
    ],
    [
      'a malformed card number',
      () => swipe(morning.id, { cardNumber: 'no-such-card!' }),
      { result: 'unknown_card', personNameMasked: null },
    ],
    [
      'a lost card',
      () => swipe(morning.id, { cardNumber: lost.number }),
      { result: 'lost_card', personNameMasked: masked(lost) },
    ],
    [
      'an unregistered person in a session that requires registration',
      () => swipe(workshop.id, { cardNumber: unreg.number }),
      { result: 'not_registered', personNameMasked: masked(unreg) },
    ],
    [
      'a session of no project',
      () => swipe(randomUUID(), { cardNumber: bob.number }),
      { result: 'unknown_session', personNameMasked: masked(bob) },
    ],
    [
      'a session of another project',
      () => swipe(closedSession.id, { cardNumber: bob.number }),
      { result: 'unknown_session', personNameMasked: masked(bob) },
    ],
    [
      'a forged QR token',
      () => swipe(morning.id, { qrToken: `${qr.token.slice(0, -2)}xx` }),
      { result: 'invalid_qr', personNameMasked: null },
    ],
    [
      'a QR token swiped after it expired',
      () => ({
        ...swipe(morning.id, { qrToken: qr.token }),
        swipedAt: new Date(Date.parse(qr.expiresAt) + 1000).toISOString(),
      }),
      { result: 'invalid_qr', personNameMasked: null },
    ],
  ];
  it.each(refused)('refuses %s, storing nothing', async (_, build, expected) => {
    const body = build();
    expect(await one(body)).toEqual({
      clientId: body.clientId,
      sessionId: body.sessionId,
      checkedInAt: null,
      ...expected,
    });
    expect(await stored(body.clientId)).toEqual([]);
  });

  it('answers unknown_session for a closed (finished) project and a draft one', async () => {
    const atClosed = swipe(closedSession.id, { cardNumber: bob.number });
    expect(await one(atClosed, bearer(closedKiosk.token))).toMatchObject({
      result: 'unknown_session',
      personNameMasked: masked(bob),
      checkedInAt: null,
    });
    const atDraft = swipe(draftSession.id, { cardNumber: bob.number });
    expect(await one(atDraft, bearer(draftKiosk.token))).toMatchObject({
      result: 'unknown_session',
      personNameMasked: masked(bob),
      checkedInAt: null,
    });
  });

  it('has no time window: a swipe before the session starts is accepted', async () => {
    const early = { ...swipe(workshop.id, { cardNumber: reg.number }), swipedAt };
    expect(await one(early)).toEqual({
      clientId: early.clientId,
      sessionId: workshop.id,
      result: 'accepted',
      personNameMasked: masked(reg),
      checkedInAt: t.clock.now().toISOString(),
    });
  });

  it('accepts a QR token (typed into the card field too), stored as a QR check-in', async () => {
    const scanned = {
      ...swipe(morning.id, { cardNumber: qr.token }),
      swipedAt: new Date(Date.parse(qr.expiresAt) - 30_000).toISOString(),
    };
    expect(await one(scanned)).toMatchObject({
      result: 'accepted',
      personNameMasked: masked(qrHolder),
      checkedInAt: t.clock.now().toISOString(),
    });
    expect(await stored(scanned.clientId)).toEqual([
      { method: 'qr', card_id: null, person_id: qrHolder.person.id },
    ]);
  });

  it('refuses a revoked, unknown or missing device token with 401, before the body', async () => {
    const body = swipe(morning.id, { cardNumber: bob.number });
    const refusals = [
      await post(body, bearer(revokedKiosk.token)),
      await post(body, bearer('jjd_nope')),
      await post(body, {}),
      await post({ nonsense: true }, bearer(revokedKiosk.token)),
    ];
    for (const response of refusals) {
      expect(response.statusCode).toBe(401);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('device_unauthorised');
    }
    expect(await stored(body.clientId)).toEqual([]);
    const invalid = await post({ nonsense: true });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
  });
});

describe('a batch mixing every outcome', () => {
  it('answers each swipe in order, as single requests would', async () => {
    const replayed = swipe(morning.id, { cardNumber: bob.number });
    const before = await one(replayed);
    const beforeAt = before.checkedInAt;
    const swipes = [
      swipe(workshop.id, { cardNumber: bob.number }),
      replayed,
      swipe(morning.id, { cardNumber: ann.number }),
      swipe(morning.id, { cardNumber: '990199999999' }),
      swipe(morning.id, { cardNumber: lost.number }),
      swipe(randomUUID(), { cardNumber: unreg.number }),
      swipe(morning.id, { cardNumber: unreg.number }),
      swipe(morning.id, { cardNumber: unreg.number }),
      swipe(morning.id, { qrToken: 'v1.nope' }),
    ];
    const response = await post({ swipes });
    expect(response.statusCode, response.body).toBe(200);
    const now = t.clock.now().toISOString();
    const results = response.json<CheckinResponse>().results;
    expect(results.map((r) => [r.clientId, r.sessionId])).toEqual(
      swipes.map((s) => [s.clientId, s.sessionId]),
    );
    expect(results.map((r) => [r.result, r.personNameMasked, r.checkedInAt])).toEqual([
      ['not_registered', masked(bob), null],
      ['accepted', masked(bob), beforeAt],
      ['already_checked_in', masked(ann), expect.any(String)],
      ['unknown_card', null, null],
      ['lost_card', masked(lost), null],
      ['unknown_session', masked(unreg), null],
      ['accepted', masked(unreg), now],
      ['already_checked_in', masked(unreg), now],
      ['invalid_qr', null, null],
    ]);
    expect(results[2]?.checkedInAt).not.toBe(now);
    const [count] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from check_ins where client_id in (${sql.join(
        swipes.map((s) => sql`${s.clientId}::uuid`),
        sql`, `,
      )})`,
    );
    expect(count?.n).toBe(2);
  });
});

describe('concurrent swipes of one person (truly concurrent on PostgreSQL)', () => {
  it('stores one row and answers every request with it, resends and duplicates alike', async () => {
    const holder = await c.buildCardHolder({ unit: tree.unit, city: tree.city });
    const session = await c.buildSession(open, tree.host, { startTime: '18:00', endTime: '20:00' });
    const resent = swipe(session.id, { cardNumber: holder.number });
    const bodies = [
      ...Array.from({ length: 6 }, () => resent),
      ...Array.from({ length: 6 }, () => swipe(session.id, { cardNumber: holder.number })),
    ];
    const responses = await Promise.all(bodies.map((body) => post(body)));
    const results = responses.map((r) => {
      expect(r.statusCode, r.body).toBe(200);
      return r.json<CheckinResponse>().results[0];
    });
    const rows = await queryRows<{ client_id: string; recorded_at: Date | string }>(
      t.database.db,
      sql`select client_id, recorded_at from check_ins where session_id = ${session.id}`,
    );
    expect(rows).toHaveLength(1);
    const [row] = rows;
    const at = new Date(row?.recorded_at ?? '').toISOString();
    results.forEach((result, i) => {
      const sameClient = bodies[i]?.clientId === row?.client_id;
      expect(result).toMatchObject({
        result: sameClient ? 'accepted' : 'already_checked_in',
        checkedInAt: at,
        personNameMasked: masked(holder),
      });
    });
  });

  // Only PostgreSQL has a second connection to hold a row uncommitted while a swipe runs.
  it.runIf(t.database.kind === 'postgres')(
    'answers swipes whose insert met a row committed after their snapshot',
    async () => {
      const holder = await c.buildCardHolder({ unit: tree.unit, city: tree.city });
      const session = await c.buildSession(open, tree.host, {
        startTime: '20:00',
        endTime: '22:00',
      });
      const first = swipe(session.id, { cardNumber: holder.number });
      const other = swipe(session.id, { cardNumber: holder.number });
      const at = '2026-03-01T06:00:00.000Z';
      let answers: Promise<Awaited<ReturnType<typeof post>>[]> | undefined;
      await t.database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into check_ins (device_id, client_id, session_id, person_id,
            card_id, method, swiped_at, recorded_at)
          values (${kiosk.id}, ${first.clientId}, ${session.id}, ${holder.person.id},
            ${holder.card.id}, 'card', ${swipedAt}, ${at})`);
        answers = Promise.all([post(first), post(other)]);
        // Both inserts wait on this transaction's row, their snapshots taken before it commits.
        for (let tries = 0; ; tries += 1) {
          const [row] = await queryRows<{ n: number }>(
            t.database.db,
            sql`select count(*)::int as n from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock'`,
          );
          if ((row?.n ?? 0) >= 2) break;
          if (tries > 500) throw new Error('the swipes never waited on the row');
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      });
      const results = (await answers)?.map((r) => r.json<CheckinResponse>().results[0]);
      expect(results).toEqual(
        [
          { ...first, result: 'accepted', personNameMasked: masked(holder), checkedInAt: at },
          {
            ...other,
            result: 'already_checked_in',
            personNameMasked: masked(holder),
            checkedInAt: at,
          },
        ].map(({ clientId, sessionId, result, personNameMasked, checkedInAt }) => ({
          clientId,
          sessionId,
          result,
          personNameMasked,
          checkedInAt,
        })),
      );
    },
  );
});

import { describe, expect, it } from 'vitest';
import type { ErrorResponse, MyDeadlines, ProvinceCalendar } from '@jijiao/contracts';
import { buildTestApp, type Session } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';

/**
 * The province's calendar closes entry and review (ADR 0039), on both engines. The test
 * clock reads 2026-03-01 (China time 16:00): entry of 2026 closed on 2026-02-20, review
 * stays open until the unit audit day, 2026-03-10, and closes with it.
 */
const t = await buildTestApp();
const f = createFactories(t);
const tree = await f.buildOrgTree();
const other = await f.buildOrgTree();
const provinceAdmin = await t.signIn(
  (await f.buildUser({ role: 'province_admin', org: tree.province })).username,
);
const person = await f.buildPerson({ unit: tree.unit });
const learner = await t.signIn(person.user.username);
const paper = (date: string) => ({ type: 'paper', date, journal: 'core', authorRank: 1 });
const activity = { type: 'self_study' as const, date: '2026-01-15', hours: 3 };

// Claims that were in the pipe before entry closed.
// Entered by the unit: its drafts need no uploaded evidence before they are submitted.
const draft = await f.buildClaim({ person, activity, status: 'draft', channel: 'unit_bulk_entry' });
const waiting = await f.buildClaim({
  person,
  activity: { ...activity, hours: 4 },
  status: 'submitted',
});
const waitingLater = await f.buildClaim({
  person,
  activity: { ...activity, hours: 5 },
  status: 'submitted',
});
const returned = await f.buildClaim({
  person,
  activity: { ...activity, hours: 6 },
  status: 'returned',
});

const calendar = {
  entryCloses: '2026-02-20',
  unitAuditDue: '2026-03-10',
  cityAuditDue: '2026-03-31',
  provinceFiling: '2026-04-30',
  earlyAuditOpens: null,
  earlyAuditCloses: null,
};

function call(method: 'POST' | 'PUT' | 'GET', url: string, who: Session, payload?: object) {
  return t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
}

function expectRefused(res: Awaited<ReturnType<typeof call>>, code: string, day: string) {
  expect(res.statusCode, res.body).toBe(422);
  const { error } = res.json<ErrorResponse>();
  expect(error.code).toBe(code);
  expect(error.message).toContain(day);
  expect(error.details).toMatchObject({ year: 2026, day });
}

async function reviewerOf(claimId: string) {
  const claim = await f.services.claims.get(await f.provinceActor(tree.unit), claimId);
  const reviewer = await f.reviewerAt(claim.currentReviewerOrgId ?? '');
  return { claim, session: await t.signIn(reviewer.username) };
}

describe('the province calendar', () => {
  it('is set by the province admin and refused to a learner', async () => {
    const url = `/api/v1/calendar/${tree.province.id}/2026`;
    expect((await call('PUT', url, learner, calendar)).statusCode).toBe(403);
    const res = await call('PUT', url, provinceAdmin, calendar);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ProvinceCalendar>()).toMatchObject({ year: 2026, entryCloses: '2026-02-20' });
    const bad = await call('PUT', url, provinceAdmin, { ...calendar, unitAuditDue: '2026-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorResponse>().error.issues?.[0]?.path).toBe('unitAuditDue');
  });

  it('shows the learner their day with days left', async () => {
    const res = await call('GET', '/api/v1/calendar/mine?year=2026', learner);
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json<MyDeadlines>();
    expect(mine.today).toBe('2026-03-01');
    expect(mine.days).toEqual([{ key: 'entryCloses', date: '2026-02-20', daysLeft: -9 }]);
  });

  it('refuses new entry and a first submit after entry closed, naming the day', async () => {
    expectRefused(
      await call('POST', '/api/v1/credits', learner, {
        activity: paper('2026-02-01'),
        submit: false,
      }),
      'entry_closed',
      '2026-02-20',
    );
    const unitAdmin = await t.signIn((await f.reviewerAt(tree.unit.id)).username);
    expectRefused(
      await call('POST', `/api/v1/credits/${draft.id}/submit`, unitAdmin, {
        version: draft.version,
      }),
      'entry_closed',
      '2026-02-20',
    );
    expectRefused(
      await call('POST', `/api/v1/units/${tree.unit.id}/credits:bulk`, unitAdmin, {
        activity: { ...activity, date: '2026-02-01' },
        personIds: [person.id],
      }),
      'entry_closed',
      '2026-02-20',
    );
  });

  it('refuses a platform or host arrival through the intake after entry closed', async () => {
    await expect(
      f.buildClaim({ person, channel: 'platform_push', status: 'effective', activity }),
    ).rejects.toMatchObject({ code: 'entry_closed', details: { day: '2026-02-20' } });
  });

  it('lets claims already in review be finished until the unit audit day', async () => {
    const { claim, session } = await reviewerOf(waiting.id);
    const approved = await call('POST', `/api/v1/credits/${claim.id}/approve`, session, {
      version: claim.version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const resubmitted = await call('POST', `/api/v1/credits/${returned.id}/submit`, learner, {
      version: returned.version,
    });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
  });

  it('refuses review after the unit audit day, naming it', async () => {
    t.clock.advanceMinutes(10 * 24 * 60); // 2026-03-11
    const { claim, session } = await reviewerOf(waitingLater.id);
    expectRefused(
      await call('POST', `/api/v1/credits/${claim.id}/approve`, session, {
        version: claim.version,
      }),
      'review_closed',
      '2026-03-10',
    );
  });

  it('leaves a province without a calendar open', async () => {
    const elsewhere = await f.buildPerson({ unit: other.unit });
    const session = await t.signIn(elsewhere.user.username);
    const res = await call('POST', '/api/v1/credits', session, {
      activity: paper('2026-02-01'),
      submit: false,
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});

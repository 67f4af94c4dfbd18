import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Claim } from '@jijiao/contracts';
import { buildTestApp, type Session, type TestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { testDbKind } from '../../../test/test-database';
import { queryRows } from '../../platform/db/database';

/**
 * Two reviewers acting on one claim at the same moment, on a real PostgreSQL (a pool of
 * connections, so the transactions truly overlap; PGlite has one connection and would
 * only show the serial case): exactly one action takes effect, every other answers 409
 * `stale_state`, and the history holds one row for the step.
 */
const onPostgres = testDbKind() === 'postgres';
const reviewerCount = 24;

async function setUp(t: TestApp) {
  const f = createFactories(t);
  const tree = await f.buildOrgTree();
  await f.setReviewChain(tree.unit, [tree.city]);
  const person = await f.buildPerson({ unit: tree.unit });
  // Reviewers at the city, each with their own account.
  const reviewers: Session[] = [];
  for (let n = 1; n <= reviewerCount; n += 1) {
    const user = await f.buildUser({
      role: 'reviewer',
      org: tree.city,
      username: `race-reviewer-${n}`,
    });
    reviewers.push(await t.signIn(user.username));
  }
  return {
    learner: await t.signIn(person.user.username),
    unitAdmin: await t.signIn((await f.buildUser({ role: 'unit_admin', org: tree.unit })).username),
    reviewers,
    city: tree.city.id,
  };
}

const t = onPostgres ? await buildTestApp() : undefined;
const ctx = t ? await setUp(t) : undefined;

/** A self-report, approved by the person's unit, now waiting at the city. */
async function claimAtCity(app: TestApp, date: string): Promise<Claim> {
  const { learner, unitAdmin, city } = ctx!;
  const created = await app.app.inject({
    method: 'POST',
    url: '/api/v1/credits',
    headers: learner.headers,
    payload: { activity: { type: 'self_study', date, hours: 3 }, submit: true },
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const claim = created.json<Claim>();
  const unit = await app.app.inject({
    method: 'POST',
    url: `/api/v1/credits/${claim.id}/approve`,
    headers: unitAdmin.headers,
    payload: { version: claim.version },
  });
  const atCity = unit.json<Claim>();
  expect(atCity.currentReviewerOrgId).toBe(city);
  return atCity;
}

async function decisionsAt(app: TestApp, claimId: string, step: number) {
  return queryRows<{ action: string; actor: string }>(
    app.database.db,
    sql`select r.action, u.username actor from claim_reviews r join users u on u.id = r.actor_user_id
        where r.claim_id = ${claimId} and r.step = ${step} and r.action in ('approve','return','reject')`,
  );
}

describe.runIf(onPostgres)('concurrent review on PostgreSQL', () => {
  it(`${reviewerCount} reviewers approve one claim at once: exactly one wins`, async () => {
    const app = t!;
    const claim = await claimAtCity(app, '2026-02-11');
    const answers = await Promise.all(
      ctx!.reviewers.map((r) =>
        app.app.inject({
          method: 'POST',
          url: `/api/v1/credits/${claim.id}/approve`,
          headers: r.headers,
          payload: { version: claim.version },
        }),
      ),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(reviewerCount - 1);
    for (const lost of answers.filter((a) => a.statusCode === 409))
      expect(lost.json<{ error: { code: string } }>().error.code).toBe('stale_state');
    const winner = answers.find((a) => a.statusCode === 200)!.json<Claim>();
    expect(winner).toMatchObject({ status: 'effective', version: claim.version + 1 });
    const rows = await decisionsAt(app, claim.id, claim.currentStep);
    expect(rows).toHaveLength(1);
    const audit = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int n from audit_log where target_id = ${claim.id} and action = 'credit.approve'`,
    );
    expect(audit[0]?.n).toBe(2); // the unit's approval and the one winner
  });

  it('approvals and returns racing on one claim: exactly one decision stands', async () => {
    const app = t!;
    for (const date of ['2026-02-12', '2026-02-13', '2026-02-14']) {
      const claim = await claimAtCity(app, date);
      const answers = await Promise.all(
        ctx!.reviewers.map((r, i) =>
          app.app.inject({
            method: 'POST',
            url: `/api/v1/credits/${claim.id}/${i % 2 === 0 ? 'approve' : 'return'}`,
            headers: r.headers,
            payload: { version: claim.version, reason: '竞争测试' },
          }),
        ),
      );
      const won = answers.filter((a) => a.statusCode === 200);
      expect(won).toHaveLength(1);
      expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(reviewerCount - 1);
      const rows = await decisionsAt(app, claim.id, claim.currentStep);
      expect(rows).toHaveLength(1);
      const final = won[0]!.json<Claim>();
      expect(final.status).toBe(rows[0]!.action === 'approve' ? 'effective' : 'returned');
    }
  });
});

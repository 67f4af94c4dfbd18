import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ClaimList, ClaimSummary } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';

/**
 * The review queue's keyset pages: walking page by page, in every sort and both orders,
 * gives exactly the one-page listing — ties on the sort key broken by id, nothing lost or
 * repeated at a page boundary. Seven self-reports wait at a unit; three are given the same
 * submission time and two have the same activity date and credits, so ties fall across
 * page boundaries.
 */
const t = await buildTestApp();
const db = t.database.db;
const f = createFactories(t);
const tree = await f.buildOrgTree();
const unit = tree.unit.id;
const unitAdmin = await t.signIn(
  (await f.buildUser({ role: 'unit_admin', org: tree.unit })).username,
);
const activities = [
  { date: '2026-02-01', hours: 3 },
  { date: '2026-02-01', hours: 3 },
  { date: '2026-01-20', hours: 9 },
  { date: '2026-02-10', hours: 6 },
  { date: '2026-01-05', hours: 1 },
  { date: '2026-02-14', hours: 12 },
  { date: '2026-01-28', hours: 6 },
];
for (const a of activities) {
  await f.buildClaim({
    status: 'submitted',
    person: await f.buildPerson({ unit: tree.unit }),
    activity: { type: 'self_study', ...a },
  });
}
// No service submits two claims at one instant: the tie is written directly.
await db.execute(sql`
  update credit_claims set submitted_at = '2026-02-01T08:00:00Z'
  where id in (select id from credit_claims
               where status = 'submitted' and current_reviewer_org_id = ${unit}
               order by id limit 3)`);

async function page(query: string): Promise<ClaimList> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/reviews/queue?${query}`,
    headers: unitAdmin.headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ClaimList>();
}

const keyOf = {
  submittedAt: (c: ClaimSummary) => Date.parse(c.submittedAt ?? ''),
  activityDate: (c: ClaimSummary) => c.activityDate,
  credits: (c: ClaimSummary) => c.credits,
} as const;

const cases = (['submittedAt', 'activityDate', 'credits'] as const).flatMap((sort) =>
  (['asc', 'desc'] as const).map((order) => ({ sort, order })),
);

describe('review queue keyset pages', () => {
  it.each(cases)('by $sort $order: pages of 2 equal the whole list', async ({ sort, order }) => {
    const whole = (await page(`sort=${sort}&order=${order}&limit=200`)).items;
    expect(whole).toHaveLength(activities.length);
    expect(whole.every((c) => c.status === 'submitted')).toBe(true);

    const sign = order === 'asc' ? 1 : -1;
    for (const [i, c] of whole.slice(1).entries()) {
      const prev = whole[i];
      if (!prev) continue;
      const a = keyOf[sort](prev);
      const b = keyOf[sort](c);
      const byKey = a < b ? -1 : a > b ? 1 : 0;
      const byId = prev.id < c.id ? -1 : 1;
      expect(sign * (byKey !== 0 ? byKey : byId)).toBe(-1);
    }

    const walked: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const cursor: string = after ? `&after=${encodeURIComponent(after)}` : '';
      const next = await page(`sort=${sort}&order=${order}&limit=2${cursor}`);
      walked.push(...next.items.map((c) => c.id));
      after = next.nextCursor;
      pages += 1;
    } while (after && pages < 50);
    expect(walked).toEqual(whole.map((c) => c.id));
  });
});

import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ClaimList, ClaimSummary } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { orgIdByName } from '../../../test/fixtures';

/**
 * The review queue's keyset pages: walking page by page, in every sort and both orders,
 * gives exactly the one-page listing — ties on the sort key broken by id, nothing lost or
 * repeated at a page boundary. The demo's five self-reports wait at 江南区人民医院; three of
 * them are given the same submission time so ties fall across page boundaries.
 */
const t = await buildTestApp();
const db = t.database.db;
const unit = await orgIdByName(db, '江南区人民医院');
const unitAdmin = await t.signIn('demo-unit-admin');

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
    expect(whole.length).toBeGreaterThanOrEqual(5);
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

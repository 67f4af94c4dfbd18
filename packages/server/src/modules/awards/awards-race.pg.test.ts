import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { AwardBatch, ErrorResponse } from '@jijiao/contracts';
import { buildTestApp, type Session } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { queryRows } from '../../platform/db/database';

/**
 * Two province admins approving one award batch at once: exactly one approval takes effect
 * (on PostgreSQL the requests' transactions truly overlap; PGlite serialises them).
 */
const t = await buildTestApp();
const db = t.database.db;
const f = createFactories(t);
const tree = await f.buildOrgTree();
const host = await t.signIn((await f.buildUser({ role: 'host_admin', org: tree.host })).username);
const provinceAdmin = await f.buildUser({ role: 'province_admin', org: tree.province });
const project = await f.buildProject({ host: tree.host });

function send(method: 'POST' | 'GET', url: string, who: Session, payload?: object) {
  t.clock.advanceMinutes(1);
  return t.app.inject({
    method,
    url,
    headers: who.headers,
    ...(payload === undefined ? {} : { payload }),
  });
}

const code = (res: { body: string }) => (JSON.parse(res.body) as ErrorResponse).error.code;

describe('concurrent approvals of an award batch', () => {
  it('lets exactly one of two concurrent approvals win (409 stale_state)', async () => {
    const person = await f.buildPerson({ unit: tree.unit, name: '并发授予' });
    let batch = (
      await send('POST', `/api/v1/projects/${project.id}/award-batches`, host)
    ).json<AwardBatch>();
    await send('POST', `/api/v1/award-batches/${batch.id}/lines`, host, { personId: person.id });
    batch = (await send('GET', `/api/v1/award-batches/${batch.id}`, host)).json<AwardBatch>();
    batch = (
      await send('POST', `/api/v1/award-batches/${batch.id}/submit`, host, {
        version: batch.version,
      })
    ).json<AwardBatch>();
    const first = await t.signIn(provinceAdmin.username);
    const second = await t.signIn(provinceAdmin.username);
    const answers = await Promise.all(
      [first, second, first, second].map((who) =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/award-batches/${batch.id}/approve`,
          headers: who.headers,
          payload: { version: batch.version },
        }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([200, 409, 409, 409]);
    for (const a of answers.filter((x) => x.statusCode === 409))
      expect(['stale_state', 'invalid_state']).toContain(code(a));
    expect(answers.filter((a) => a.statusCode === 409).some((a) => code(a) === 'stale_state')).toBe(
      true,
    );
    const reviews = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from claim_reviews r join credit_claims c on c.id = r.claim_id
          where c.batch_id = ${batch.id} and r.action = 'approve'`,
    );
    expect(reviews[0]?.n).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Claim, ClaimList, EvidenceUploaded } from '@jijiao/contracts';
import { buildTestApp, type Session } from '../../../test/build-app';
import { createFactories, type TestUser } from '../../../test/factories';
import { multipartFile } from '../../../test/excel-routes';
import { pngBytes } from '../../../test/credit-files';
import { queryRows } from '../../platform/db/database';

/**
 * Who may read, approve, return, queue and view the evidence of a claim, by role and by
 * where the claim lies. Inside the caller's subtree (and at their level) → allowed; a
 * claim outside their subtree → 404 (it does not exist for them), never 403; a role
 * without the permission at all → 403 from the route guard. Also: every transition is
 * in the audit log with who, when, from, to and why.
 *
 * The hospital's chain: the unit itself → the district's medical association → the city →
 * the provincial CME office.
 */
const t = await buildTestApp();
const db = t.database.db;
const f = createFactories(t);
const tree = await f.buildOrgTree();
await f.setReviewChain(tree.unit, [tree.association, tree.city, tree.cmeOffice]);
// A unit in another city of the province, outside every subtree of the tree's city.
const otherCity = await f.buildOrg({
  parent: tree.province,
  kind: 'city',
  name: '外市卫生健康委员会',
});
const otherDistrict = await f.buildOrg({
  parent: otherCity,
  kind: 'district',
  name: '山阳区卫生健康局',
});
const clinic = await f.buildOrg({ parent: otherDistrict, kind: 'unit', name: '白石镇卫生院' });
const clinicStaff = await f.buildPerson({ unit: clinic });
const otherProvince = await f.buildOrgTree();

async function session(user: TestUser): Promise<Session> {
  return t.signIn(user.username);
}

const me = await f.buildPerson({ unit: tree.unit });
const users = {
  learner: me.user,
  unitAdmin: await f.buildUser({ role: 'unit_admin', org: tree.unit }),
  cityReviewer: await f.buildUser({ role: 'reviewer', org: tree.city }),
};
const learner = await session(users.learner);
const unitAdmin = await session(users.unitAdmin);
const baishiAdmin = await session(await f.buildUser({ role: 'unit_admin', org: clinic }));
const sessions = {
  learner,
  unit_admin: unitAdmin,
  reviewer_district: await session(await f.buildUser({ role: 'reviewer', org: tree.district })),
  reviewer_city: await session(users.cityReviewer),
  host_admin: await session(await f.buildUser({ role: 'host_admin', org: tree.host })),
  province_admin_other: await session(
    await f.buildUser({ role: 'province_admin', org: otherProvince.province }),
  ),
};
type Who = keyof typeof sessions;

let serial = 0;
async function call(method: 'GET' | 'POST', url: string, who: Session, payload?: object) {
  t.clock.advanceMinutes(1);
  return t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
}

async function withEvidence(who: Session): Promise<{ sha256: string; fileName: string }> {
  serial += 1;
  const bytes = Buffer.concat([pngBytes, Buffer.from(`claim ${serial}`)]);
  const form = multipartFile(bytes, { fileName: `scan-${serial}.png`, contentType: 'image/png' });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/evidence',
    headers: { ...who.headers, ...form.headers },
    payload: form.payload,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return { sha256: res.json<EvidenceUploaded>().sha256, fileName: `scan-${serial}.png` };
}

/** The learner's claim waiting at their unit (level 1). */
async function atUnit(): Promise<Claim> {
  serial += 1;
  const res = await call('POST', '/api/v1/credits', learner, {
    activity: {
      type: 'self_study',
      date: `2026-01-${String((serial % 28) + 1).padStart(2, '0')}`,
      hours: 2 + (serial % 5),
    },
    evidence: [await withEvidence(learner)],
    submit: true,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json<Claim>();
}

/** Approved by the unit: waiting at the association (inside the district and the city). */
async function atAssociation(): Promise<Claim> {
  const claim = await atUnit();
  const res = await call('POST', `/api/v1/credits/${claim.id}/approve`, unitAdmin, {
    version: claim.version,
  });
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json<Claim>();
}

/** A claim of a staff member of the clinic in the other city, outside every subtree above. */
async function outside(): Promise<Claim> {
  serial += 1;
  const res = await call('POST', '/api/v1/credits', baishiAdmin, {
    personId: clinicStaff.id,
    activity: { type: 'self_study', date: '2026-03-01', hours: 1 + (serial % 9) },
    evidence: [await withEvidence(baishiAdmin)],
    submit: true,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json<Claim>();
}

/** A claim at the level the role acts at (inside its subtree). */
const atLevelOf = (who: Who) =>
  who === 'unit_admin' || who === 'learner' ? atUnit() : atAssociation();

type Expect = Record<Who, number>;
interface Column {
  name: string;
  run(who: Who): Promise<number>;
  expect: Expect;
}

const decide =
  (action: 'approve' | 'return', where: 'inside' | 'outside'): Column['run'] =>
  async (who) => {
    const claim = where === 'inside' ? await atLevelOf(who) : await outside();
    const res = await call('POST', `/api/v1/credits/${claim.id}/${action}`, sessions[who], {
      version: claim.version,
      reason: '权限矩阵',
    });
    if (res.statusCode === 200) {
      const after = res.json<Claim>();
      expect(after.version).toBe(claim.version + 1);
    }
    return res.statusCode;
  };

const read =
  (where: 'inside' | 'outside'): Column['run'] =>
  async (who) => {
    const claim = where === 'inside' ? await atAssociation() : await outside();
    return (await call('GET', `/api/v1/credits/${claim.id}`, sessions[who])).statusCode;
  };

const evidence =
  (where: 'inside' | 'outside'): Column['run'] =>
  async (who) => {
    const claim = where === 'inside' ? await atAssociation() : await outside();
    const sha256 = claim.evidence[0]!.sha256;
    return (await call('GET', `/api/v1/evidence/${sha256}`, sessions[who])).statusCode;
  };

/** 200 with the inside claim at their level listed and the outside one not; else the status. */
const queue: Column['run'] = async (who) => {
  const mine = await atLevelOf(who);
  const theirs = await outside();
  const res = await call('GET', '/api/v1/reviews/queue?limit=200', sessions[who]);
  if (res.statusCode !== 200) return res.statusCode;
  const ids = res.json<ClaimList>().items.map((c) => c.id);
  expect(ids).not.toContain(theirs.id);
  return ids.includes(mine.id) ? 200 : 204; // 204 here: answered, but the claim is not listed
};

const roles = Object.keys(sessions) as Who[];
//                          learner unit  district city  host  other province
const row = (...s: number[]): Expect =>
  Object.fromEntries(roles.map((r, i) => [r, s[i]!])) as Expect;
const columns: Column[] = [
  { name: 'read claim, inside', run: read('inside'), expect: row(200, 200, 200, 200, 404, 404) },
  { name: 'read claim, outside', run: read('outside'), expect: row(404, 404, 404, 404, 404, 404) },
  {
    name: 'approve, inside at their level',
    run: decide('approve', 'inside'),
    expect: row(403, 200, 200, 200, 403, 404),
  },
  {
    name: 'approve, outside',
    run: decide('approve', 'outside'),
    expect: row(403, 404, 404, 404, 403, 404),
  },
  {
    name: 'return, inside at their level',
    run: decide('return', 'inside'),
    expect: row(403, 200, 200, 200, 403, 404),
  },
  {
    name: 'return, outside',
    run: decide('return', 'outside'),
    expect: row(403, 404, 404, 404, 403, 404),
  },
  {
    name: 'queue (lists inside, never outside)',
    run: queue,
    expect: row(403, 200, 200, 200, 403, 204),
  },
  {
    name: 'view evidence, inside',
    run: evidence('inside'),
    expect: row(200, 200, 200, 200, 404, 404),
  },
  {
    name: 'view evidence, outside',
    run: evidence('outside'),
    expect: row(404, 404, 404, 404, 404, 404),
  },
];

describe('review authorisation: roles × actions × subtrees', () => {
  for (const column of columns) {
    for (const who of roles) {
      it(`${column.name}: ${who} → ${column.expect[who]}`, async () => {
        expect(await column.run(who)).toBe(column.expect[who]);
      });
    }
  }

  it('the learner reads and views the evidence of their own claim', async () => {
    const claim = await atAssociation();
    expect((await call('GET', `/api/v1/credits/${claim.id}`, learner)).statusCode).toBe(200);
    const view = await call('GET', `/api/v1/evidence/${claim.evidence[0]!.sha256}`, learner);
    expect(view.statusCode).toBe(200);
    expect(view.headers['content-type']).toBe('image/png');
  });

  it('a unit’s step is never taken by the bodies above it', async () => {
    const claim = await atUnit();
    for (const who of ['reviewer_district', 'reviewer_city'] as const) {
      const res = await call('POST', `/api/v1/credits/${claim.id}/approve`, sessions[who], {
        version: claim.version,
      });
      expect(res.statusCode).toBe(403);
    }
  });

  it('a unit admin cannot act once the claim has left the unit', async () => {
    const claim = await atAssociation();
    const res = await call('POST', `/api/v1/credits/${claim.id}/approve`, unitAdmin, {
      version: claim.version,
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('the audit log of review transitions', () => {
  it('records who, when, from, to and why for each transition', async () => {
    const claim = await atAssociation();
    const returned = await call(
      'POST',
      `/api/v1/credits/${claim.id}/return`,
      sessions.reviewer_city,
      {
        version: claim.version,
        reason: '扫描件不清晰',
      },
    );
    expect(returned.statusCode, returned.body).toBe(200);
    const at = t.clock.now();
    const resubmitted = await call('POST', `/api/v1/credits/${claim.id}/submit`, learner, {
      version: claim.version + 1,
    });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    const rejected = await call('POST', `/api/v1/credits/${claim.id}/reject`, unitAdmin, {
      version: claim.version + 2,
      reason: '非继续医学教育活动',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const rows = await queryRows<{
      action: string;
      actor_username: string;
      at: Date;
      details: { from: string | null; to: string; reason: string | null };
    }>(
      db,
      sql`select action, actor_username, at, details from audit_log
          where target_id = ${claim.id} and action in ('credit.submit','credit.approve','credit.return','credit.resubmit','credit.reject')
          order by id`,
    );
    expect(
      rows.map((r) => [r.action, r.actor_username, r.details.from, r.details.to, r.details.reason]),
    ).toEqual([
      ['credit.submit', users.learner.username, 'draft', 'submitted', null],
      ['credit.approve', users.unitAdmin.username, 'submitted', 'submitted', null],
      ['credit.return', users.cityReviewer.username, 'submitted', 'returned', '扫描件不清晰'],
      ['credit.resubmit', users.learner.username, 'returned', 'submitted', null],
      ['credit.reject', users.unitAdmin.username, 'submitted', 'rejected', '非继续医学教育活动'],
    ]);
    expect(new Date(rows[2]!.at).getTime()).toBe(at.getTime());
    const history = rejected.json<Claim>().history;
    expect(history.map((h) => h.action)).toEqual([
      'submit',
      'approve',
      'return',
      'resubmit',
      'reject',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type {
  BulkResult,
  Claim,
  ClaimList,
  ErrorResponse,
  EvidenceUploaded,
} from '@jijiao/contracts';
import { buildTestApp, type Session } from '../../../test/build-app';
import { createFactories, type TestUser } from '../../../test/factories';
import { multipartFile } from '../../../test/excel-routes';
import { pngBytes } from '../../../test/credit-files';
import { queryRows } from '../../platform/db/database';

/**
 * Who may read, approve, return, queue and view the evidence of a claim, by role and by
 * where the claim lies. A step is its own org's (ADR 0023): a reviewer of an org above it
 * acts on it only with `actFor` (代审), recorded as such; a claim outside their subtree →
 * 404 (it does not exist for them), never 403; a role without the permission at all →
 * 403 from the route guard. Also: every transition is in the audit log with who, when,
 * from, to and why, and nobody approves one submission at two steps.
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
  associationReviewer: await f.buildUser({ role: 'reviewer', org: tree.association }),
};
const learner = await session(users.learner);
const unitAdmin = await session(users.unitAdmin);
const baishiAdmin = await session(await f.buildUser({ role: 'unit_admin', org: clinic }));
const sessions = {
  learner,
  unit_admin: unitAdmin,
  reviewer_association: await session(users.associationReviewer),
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
  // A second per call: the history stays in order and the sessions do not idle out.
  t.clock.advanceMinutes(1 / 60);
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
  (action: 'approve' | 'return', where: 'inside' | 'outside', actFor = false): Column['run'] =>
  async (who) => {
    const claim =
      where === 'outside' ? await outside() : actFor ? await atAssociation() : await atLevelOf(who);
    const res = await call('POST', `/api/v1/credits/${claim.id}/${action}`, sessions[who], {
      version: claim.version,
      reason: '权限矩阵',
      ...(actFor ? { actFor } : {}),
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

/**
 * 200 with the inside claim at their level listed and the outside one not; else the status.
 * With `actFor`, the 代审 tab: the claim waiting at the association below them.
 */
const queue =
  (actFor: boolean): Column['run'] =>
  async (who) => {
    const mine = actFor ? await atAssociation() : await atLevelOf(who);
    const theirs = await outside();
    const res = await call(
      'GET',
      `/api/v1/reviews/queue?limit=200${actFor ? '&actFor=true' : ''}`,
      sessions[who],
    );
    if (res.statusCode !== 200) return res.statusCode;
    const ids = res.json<ClaimList>().items.map((c) => c.id);
    expect(ids).not.toContain(theirs.id);
    return ids.includes(mine.id) ? 200 : 204; // 204 here: answered, but the claim is not listed
  };

const roles = Object.keys(sessions) as Who[];
//         learner unit  association district city  host  other province
const row = (...s: number[]): Expect =>
  Object.fromEntries(roles.map((r, i) => [r, s[i]!])) as Expect;
const columns: Column[] = [
  {
    name: 'read claim, inside',
    run: read('inside'),
    expect: row(200, 200, 200, 200, 200, 404, 404),
  },
  {
    name: 'read claim, outside',
    run: read('outside'),
    expect: row(404, 404, 404, 404, 404, 404, 404),
  },
  {
    name: 'approve, inside at their level',
    run: decide('approve', 'inside'),
    expect: row(403, 200, 200, 403, 403, 403, 404),
  },
  {
    name: 'approve for the association (actFor)',
    run: decide('approve', 'inside', true),
    expect: row(403, 403, 400, 200, 200, 403, 404),
  },
  {
    name: 'approve, outside',
    run: decide('approve', 'outside'),
    expect: row(403, 404, 404, 404, 404, 403, 404),
  },
  {
    name: 'return, inside at their level',
    run: decide('return', 'inside'),
    expect: row(403, 200, 200, 403, 403, 403, 404),
  },
  {
    name: 'return for the association (actFor)',
    run: decide('return', 'inside', true),
    expect: row(403, 403, 400, 200, 200, 403, 404),
  },
  {
    name: 'return, outside',
    run: decide('return', 'outside'),
    expect: row(403, 404, 404, 404, 404, 403, 404),
  },
  {
    name: 'queue (lists their own level, never outside)',
    run: queue(false),
    expect: row(403, 200, 200, 204, 204, 403, 204),
  },
  {
    name: '代审 queue (lists the association’s claims to the bodies above it)',
    run: queue(true),
    expect: row(403, 204, 204, 200, 200, 403, 204),
  },
  {
    name: 'view evidence, inside',
    run: evidence('inside'),
    expect: row(200, 200, 200, 200, 200, 404, 404),
  },
  {
    name: 'view evidence, outside',
    run: evidence('outside'),
    expect: row(404, 404, 404, 404, 404, 404, 404),
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

  it('a unit’s step is never taken by the bodies above it, not even for it', async () => {
    const claim = await atUnit();
    for (const who of ['reviewer_district', 'reviewer_city'] as const) {
      for (const actFor of [false, true]) {
        const res = await call('POST', `/api/v1/credits/${claim.id}/approve`, sessions[who], {
          version: claim.version,
          actFor,
        });
        expect(res.statusCode).toBe(403);
        expect(res.json<ErrorResponse>().error.code).toBe('forbidden');
      }
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
      sessions.reviewer_association,
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
      [
        'credit.return',
        users.associationReviewer.username,
        'submitted',
        'returned',
        '扫描件不清晰',
      ],
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

describe('代审: acting for the step of an org below (ADR 0023)', () => {
  const post = (claim: Claim, action: string, who: Session, body: object = {}) =>
    call('POST', `/api/v1/credits/${claim.id}/${action}`, who, { version: claim.version, ...body });

  it('refuses an ancestor without actFor, with a code the web words', async () => {
    const claim = await atAssociation();
    const res = await post(claim, 'approve', sessions.reviewer_city);
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorResponse>().error).toMatchObject({
      code: 'act_for_required',
      details: { waitingAt: tree.association.name },
    });
    const seen = await call('GET', `/api/v1/credits/${claim.id}`, sessions.reviewer_city);
    expect(seen.json<Claim>()).toMatchObject({ canAct: false, canActFor: true });
    const own = await call('GET', `/api/v1/credits/${claim.id}`, sessions.reviewer_association);
    expect(own.json<Claim>()).toMatchObject({ canAct: true, canActFor: false });
  });

  it('lets the city act for the association, and records whose step it was and who acted', async () => {
    const claim = await atAssociation();
    const res = await post(claim, 'approve', sessions.reviewer_city, { actFor: true });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<Claim>();
    expect(after.currentReviewerOrgId).toBe(tree.city.id);
    expect(after.history.at(-1)).toMatchObject({
      action: 'approve',
      step: 1,
      reviewerOrgName: tree.association.name,
      actedFor: true,
      actorOrgName: tree.city.name,
    });
    expect(after.history.at(-2)).toMatchObject({ action: 'approve', actedFor: false });
    const logged = await queryRows<{ actor_username: string; details: Record<string, unknown> }>(
      db,
      sql`select actor_username, details from audit_log
          where target_id = ${claim.id} and action = 'credit.acted_for'`,
    );
    expect(logged).toEqual([
      {
        actor_username: users.cityReviewer.username,
        details: {
          action: 'approve',
          step: 1,
          stepOrg: tree.association.name,
          actingOrg: tree.city.name,
        },
      },
    ]);
  });

  it('the nearest org above acts: a province admin acts for the city through the province', async () => {
    const admin = await session(await f.buildUser({ role: 'province_admin', org: tree.province }));
    let claim = (
      await post(await atAssociation(), 'approve', sessions.reviewer_association)
    ).json<Claim>();
    const res = await post(claim, 'approve', admin, { actFor: true });
    expect(res.statusCode, res.body).toBe(200);
    claim = res.json<Claim>();
    expect(claim.history.at(-1)).toMatchObject({
      reviewerOrgName: tree.city.name,
      actedFor: true,
      actorOrgName: tree.province.name,
    });
  });

  it('refuses actFor on one’s own step (it would record a 代审 that was none)', async () => {
    const claim = await atAssociation();
    const res = await post(claim, 'approve', sessions.reviewer_association, { actFor: true });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorResponse>().error.issues).toEqual([
      { path: 'actFor', message: 'not for one’s own step' },
    ]);
  });
});

describe('one person approves a submission at one step', () => {
  it('refuses the city reviewer’s second approval after acting for the association', async () => {
    let claim = await atAssociation();
    claim = (
      await call('POST', `/api/v1/credits/${claim.id}/approve`, sessions.reviewer_city, {
        version: claim.version,
        actFor: true,
      })
    ).json<Claim>();
    expect(claim.currentReviewerOrgId).toBe(tree.city.id);
    const twice = await call(
      'POST',
      `/api/v1/credits/${claim.id}/approve`,
      sessions.reviewer_city,
      {
        version: claim.version,
      },
    );
    expect(twice.statusCode).toBe(403);
    expect(twice.json<ErrorResponse>().error).toMatchObject({
      code: 'already_approved',
      details: { approvedStep: 1, step: 2 },
    });
    // Returning stays open to them; another reviewer of the city approves.
    const colleague = await session(await f.buildUser({ role: 'reviewer', org: tree.city }));
    const approved = await call('POST', `/api/v1/credits/${claim.id}/approve`, colleague, {
      version: claim.version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
  });

  it('counts only the current submission: after a return and resubmission they may approve again', async () => {
    let claim = await atAssociation(); // approved at the unit by the unit admin
    claim = (
      await call('POST', `/api/v1/credits/${claim.id}/return`, sessions.reviewer_association, {
        version: claim.version,
        reason: '请补充材料',
      })
    ).json<Claim>();
    claim = (
      await call('POST', `/api/v1/credits/${claim.id}/submit`, learner, { version: claim.version })
    ).json<Claim>();
    const again = await call('POST', `/api/v1/credits/${claim.id}/approve`, unitAdmin, {
      version: claim.version,
    });
    expect(again.statusCode, again.body).toBe(200);
  });
});

describe('bulk review answers per item', () => {
  it('approves the own-level claim, refuses the one below without actFor, and takes it with actFor', async () => {
    const city = sessions.reviewer_city;
    // One claim at the city itself (approved by the unit and the association).
    let atCity = await atAssociation();
    atCity = (
      await call('POST', `/api/v1/credits/${atCity.id}/approve`, sessions.reviewer_association, {
        version: atCity.version,
      })
    ).json<Claim>();
    const below = await atAssociation();
    const items = [atCity, below].map((c) => ({ id: c.id, version: c.version }));
    const plain = await call('POST', '/api/v1/reviews/approve', city, { items });
    expect(plain.statusCode, plain.body).toBe(200);
    expect(
      plain.json<BulkResult>().items.map((i) => [i.id, i.ok, i.error?.code ?? i.status]),
    ).toEqual([
      [atCity.id, true, 'submitted'],
      [below.id, false, 'act_for_required'],
    ]);
    const actFor = await call('POST', '/api/v1/reviews/approve', city, {
      items: [{ id: below.id, version: below.version }],
      actFor: true,
    });
    expect(actFor.json<BulkResult>().items).toMatchObject([{ id: below.id, ok: true }]);
  });
});

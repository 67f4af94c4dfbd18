import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Claim, ClaimList, CreditPreview, EvidenceUploaded } from '@jijiao/contracts';
import { buildTestApp, type Session } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { multipartFile } from '../../../test/excel-routes';
import { pdfBytes, pngBytes } from '../../../test/credit-files';
import { queryRows } from '../../platform/db/database';

/**
 * Self-report end to end: preview, draft, evidence, submit into the unit's chain, three
 * levels (unit → city → provincial CME office), a return, a correction, a resubmission.
 */
const t = await buildTestApp();
const db = t.database.db;
const f = createFactories(t);
const tree = await f.buildOrgTree();
const hospital = tree.unit.id;
const city = tree.city.id;
const office = tree.cmeOffice.id;
const me = await f.buildPerson({ unit: tree.unit });
const province = await t.signIn(
  (await f.buildUser({ role: 'province_admin', org: tree.province })).username,
);
const learner = await t.signIn(me.user.username);
const unitAdmin = await t.signIn(
  (await f.buildUser({ role: 'unit_admin', org: tree.unit })).username,
);
const reviewer = await t.signIn((await f.buildUser({ role: 'reviewer', org: tree.city })).username);

const chain = await t.app.inject({
  method: 'PUT',
  url: `/api/v1/orgs/${hospital}/review-chain`,
  headers: province.headers,
  payload: { steps: [city, office] },
});
if (chain.statusCode !== 200) throw new Error(chain.body);

const paper = { type: 'paper', date: '2026-02-10', journal: 'core', authorRank: 2 };

function send(method: 'POST' | 'PATCH' | 'GET', url: string, who: Session, payload?: object) {
  t.clock.advanceMinutes(1); // history is ordered by time
  return t.app.inject({
    method,
    url,
    headers: who.headers,
    ...(payload === undefined ? {} : { payload }),
  });
}

describe('a learner’s self-report walking a three-level chain', () => {
  let claim: Claim;

  it('previews what the rules give, storing nothing', async () => {
    const before = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from credit_claims`,
    );
    const res = await send('POST', '/api/v1/credits/preview', learner, { activity: paper });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CreditPreview>()).toMatchObject({
      year: 2026,
      credits: 5,
      class: null,
      packs: [{ id: 'national-2024' }],
    });
    const after = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from credit_claims`,
    );
    expect(after[0]?.n).toBe(before[0]?.n);
    const bad = await send('POST', '/api/v1/credits/preview', learner, {
      activity: { type: 'paper', date: '2026-02-10', journal: 'core' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { issues: { path: string }[] } }>().error.issues[0]?.path).toBe(
      'activity.authorRank',
    );
  });

  it('creates a draft and attaches a scan', async () => {
    const res = await send('POST', '/api/v1/credits', learner, { activity: paper });
    expect(res.statusCode, res.body).toBe(201);
    claim = res.json<Claim>();
    expect(claim).toMatchObject({
      status: 'draft',
      channel: 'self_report',
      credits: 5,
      canEdit: true,
      canAct: false,
      provenances: [{ channel: 'self_report' }],
    });
    const file = multipartFile(pdfBytes('paper scan'), {
      fileName: '论文.pdf',
      contentType: 'application/pdf',
    });
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/v1/credits/${claim.id}/evidence?kind=article_or_retrieval`,
      headers: { ...learner.headers, ...file.headers },
      payload: file.payload,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    expect(upload.json<EvidenceUploaded>()).toMatchObject({
      contentType: 'application/pdf',
      declaredTypeMismatch: false,
    });
  });

  it('submits into the unit first, then the chain in force', async () => {
    const res = await send('POST', `/api/v1/credits/${claim.id}/submit`, learner, {
      version: claim.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    claim = res.json<Claim>();
    expect(claim.status).toBe('submitted');
    expect(claim.chain.map((s) => s.orgId)).toEqual([hospital, city, office]);
    expect(claim.currentReviewerOrgId).toBe(hospital);
    expect(claim.evidence).toHaveLength(1);
  });

  it('waits in the unit admin’s queue, not yet in the city’s', async () => {
    const unitQueue = await send('GET', '/api/v1/reviews/queue', unitAdmin);
    expect(unitQueue.json<ClaimList>().items.map((c) => c.id)).toContain(claim.id);
    const cityQueue = await send('GET', '/api/v1/reviews/queue', reviewer);
    expect(cityQueue.json<ClaimList>().items.map((c) => c.id)).not.toContain(claim.id);
    const early = await send('POST', `/api/v1/credits/${claim.id}/approve`, reviewer, {
      version: claim.version,
    });
    expect(early.statusCode).toBe(403);
  });

  it('is approved by the unit, then returned by the city with a reason', async () => {
    const approved = await send('POST', `/api/v1/credits/${claim.id}/approve`, unitAdmin, {
      version: claim.version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    claim = approved.json<Claim>();
    expect(claim).toMatchObject({
      status: 'submitted',
      currentStep: 1,
      currentReviewerOrgId: city,
    });

    const stale = await send('POST', `/api/v1/credits/${claim.id}/approve`, unitAdmin, {
      version: claim.version - 1,
    });
    expect(stale.statusCode).toBe(409);

    const noReason = await send('POST', `/api/v1/credits/${claim.id}/return`, reviewer, {
      version: claim.version,
    });
    expect(noReason.statusCode).toBe(400);
    const returned = await send('POST', `/api/v1/credits/${claim.id}/return`, reviewer, {
      version: claim.version,
      reason: '作者排名与扫描件不符',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    claim = returned.json<Claim>();
    expect(claim).toMatchObject({ status: 'returned', canEdit: false, currentReviewerOrgId: null });
  });

  it('is corrected by the learner (valued again) and resubmitted at level 1', async () => {
    const fixed = await send('PATCH', `/api/v1/credits/${claim.id}`, learner, {
      version: claim.version,
      activity: { ...paper, authorRank: 1 },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    claim = fixed.json<Claim>();
    expect(claim.credits).toBe(6);
    const again = await send('POST', `/api/v1/credits/${claim.id}/submit`, learner, {
      version: claim.version,
    });
    expect(again.statusCode, again.body).toBe(200);
    claim = again.json<Claim>();
    expect(claim).toMatchObject({ status: 'submitted', currentStep: 0 });
  });

  it('walks all three levels to effective, with the whole history kept', async () => {
    // The province's admin acts for the CME office below it (代审, ADR 0023).
    for (const who of [unitAdmin, reviewer, province]) {
      const res = await send('POST', `/api/v1/credits/${claim.id}/approve`, who, {
        version: claim.version,
        ...(who === province ? { actFor: true } : {}),
      });
      expect(res.statusCode, res.body).toBe(200);
      claim = res.json<Claim>();
    }
    expect(claim.status).toBe('effective');
    expect(claim.decidedAt).not.toBeNull();
    expect(claim.history.map((h) => `${h.action}:${h.fromStatus}→${h.toStatus}`)).toEqual([
      'submit:draft→submitted',
      'approve:submitted→submitted',
      'return:submitted→returned',
      'resubmit:returned→submitted',
      'approve:submitted→submitted',
      'approve:submitted→submitted',
      'approve:submitted→effective',
    ]);
    expect(claim.history[2]).toMatchObject({ reason: '作者排名与扫描件不符', step: 1 });
    expect(claim.history.at(-1)).toMatchObject({
      actedFor: true,
      reviewerOrgName: tree.cmeOffice.name,
      actorOrgName: tree.province.name,
    });
    const audit = await queryRows<{ action: string; details: { from: string; to: string } }>(
      db,
      sql`select action, details from audit_log where target_id = ${claim.id} and action like 'credit.%' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'credit.recorded',
      'credit.evidence_added',
      'credit.submit',
      'credit.approve',
      'credit.return',
      'credit.edited',
      'credit.resubmit',
      'credit.approve',
      'credit.approve',
      'credit.approve',
      'credit.acted_for',
    ]);
    expect(audit[4]?.details).toMatchObject({ from: 'submitted', to: 'returned' });
  });

  it('lists the learner’s own claims', async () => {
    const res = await send('GET', '/api/v1/credits?status=effective', learner);
    expect(res.statusCode).toBe(200);
    expect(res.json<ClaimList>().items.map((c) => c.id)).toContain(claim.id);
  });
});

describe('the submitter never approves their own claim', () => {
  it('refuses a learner who is also a reviewer at the level it waits at', async () => {
    const colleague = await f.buildPerson({ unit: tree.unit });
    await f.grantRole(colleague.user, 'reviewer', tree.city);
    const both = await t.signIn(colleague.user.username);
    const created = await send('POST', '/api/v1/credits', both, {
      activity: { type: 'self_study', date: '2026-02-01', hours: 3 },
      submit: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    let claim = created.json<Claim>();
    const unit = await send('POST', `/api/v1/credits/${claim.id}/approve`, unitAdmin, {
      version: claim.version,
    });
    claim = unit.json<Claim>();
    expect(claim.currentReviewerOrgId).toBe(city);
    const queue = await send('GET', '/api/v1/reviews/queue', both);
    expect(queue.json<ClaimList>().items.map((c) => c.id)).not.toContain(claim.id);
    const own = await send('POST', `/api/v1/credits/${claim.id}/approve`, both, {
      version: claim.version,
    });
    expect(own.statusCode).toBe(403);
    expect(own.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'forbidden',
      message: 'You cannot review your own claim',
    });
  });
});

describe('evidence shared by two people', () => {
  it('flags both claims to the reviewer', async () => {
    const file = multipartFile(pngBytes, { fileName: 'cert.png', contentType: 'image/png' });
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/v1/evidence',
      headers: { ...unitAdmin.headers, ...file.headers },
      payload: file.payload,
    });
    expect(up.statusCode, up.body).toBe(201);
    const { sha256 } = up.json<EvidenceUploaded>();
    const staff = [
      await f.buildPerson({ unit: tree.unit }),
      await f.buildPerson({ unit: tree.unit }),
    ];
    const ids: string[] = [];
    for (const person of staff) {
      const res = await send('POST', '/api/v1/credits', unitAdmin, {
        personId: person.id,
        activity: { type: 'case_discussion', date: '2026-02-03', role: 'participant', times: 2 },
        evidence: [{ sha256, fileName: 'cert.png' }],
        submit: true,
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json<Claim>().id);
    }
    const detail = await send('GET', `/api/v1/credits/${ids[0]}`, reviewer);
    expect(detail.json<Claim>()).toMatchObject({
      flagged: true,
      evidence: [{ sha256, sharedWithOtherPerson: true }],
    });
    const flagged = await send('GET', '/api/v1/reviews/queue?flagged=true', reviewer);
    expect(flagged.json<ClaimList>().items.map((c) => c.id)).toEqual(expect.arrayContaining(ids));
    const unflagged = await send('GET', '/api/v1/reviews/queue?flagged=false', reviewer);
    expect(unflagged.json<ClaimList>().items.map((c) => c.id)).not.toContain(ids[0]);
  });
});

describe('evidence a self-report needs', () => {
  const errorOf = (res: { body: string }) =>
    (JSON.parse(res.body) as { error: { code: string; issues?: { path: string }[] } }).error;

  it('refuses to create and submit a paper without evidence, keeping no claim', async () => {
    const before = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from credit_claims`,
    );
    const res = await send('POST', '/api/v1/credits', learner, { activity: paper, submit: true });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res)).toMatchObject({
      code: 'evidence_required',
      issues: [{ path: 'evidence' }],
    });
    const after = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from credit_claims`,
    );
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('keeps a draft without evidence but refuses to submit it', async () => {
    const draft = await send('POST', '/api/v1/credits', learner, {
      activity: { ...paper, date: '2026-03-01' },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const saved = draft.json<Claim>();
    const res = await send('POST', `/api/v1/credits/${saved.id}/submit`, learner, {
      version: saved.version,
    });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).code).toBe('evidence_required');
    const still = await send('GET', `/api/v1/credits/${saved.id}`, learner);
    expect(still.json<Claim>().status).toBe('draft');
  });

  it('submits self-study without a file (checked against the unit’s plan)', async () => {
    const res = await send('POST', '/api/v1/credits', learner, {
      activity: { type: 'self_study', date: '2026-02-28', hours: 3 },
      submit: true,
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('refuses a self-report dated after today, naming the date', async () => {
    const res = await send('POST', '/api/v1/credits', learner, {
      activity: { type: 'self_study', date: '2026-03-05', hours: 3 },
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({
      code: 'validation_failed',
      issues: [{ path: 'activity.date' }],
    });
  });

  it.each(['/api/v1/credits', '/api/v1/reviews/queue'])(
    '%s: a year past any column is a 400 naming it',
    async (url) => {
      // Before: 500 (PostgreSQL's integer overflowed on 2^53 - 1). Found by the API fuzz.
      const res = await send(
        'GET',
        `${url}?year=9007199254740991`,
        url.includes('reviews') ? reviewer : learner,
      );
      expect(res.statusCode, res.body).toBe(400);
      expect(errorOf(res)).toMatchObject({ code: 'validation_failed', issues: [{ path: 'year' }] });
    },
  );
});

import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Claim, ClaimStatus } from '@jijiao/contracts';
import { parseResidentId } from '@jijiao/domain';
import { queryRows } from '../src/platform/db/database';
import { buildTestApp } from './build-app';
import { createFactories, newResidentId } from './factories';

/** The factories build what they say, through the services, and only what they need. */
const t = await buildTestApp();
const db = t.database.db;
const f = createFactories(t);

async function count(table: 'orgs' | 'people' | 'users' | 'projects' | 'credit_claims') {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int n from ${sql.raw(table)}`,
  );
  return row?.n ?? 0;
}

describe('newResidentId', () => {
  it('gives valid, distinct GB 11643 numbers with the sex asked for', () => {
    const numbers = Array.from({ length: 2000 }, (_, i) =>
      newResidentId({ sex: i % 2 === 0 ? 'female' : 'male' }),
    );
    expect(new Set(numbers).size).toBe(numbers.length);
    numbers.forEach((number, i) => {
      const parsed = parseResidentId(number, '2026-03-01');
      expect(parsed.ok, number).toBe(true);
      if (parsed.ok) expect(parsed.value.sex).toBe(i % 2 === 0 ? 'female' : 'male');
    });
  });
});

describe('buildOrgTree', () => {
  it('builds a province of its own with the bodies review chains need', async () => {
    const tree = await f.buildOrgTree();
    expect(tree.province).toMatchObject({ kind: 'province', parentId: null, regionCode: '990000' });
    expect(tree.cmeOffice).toMatchObject({ kind: 'cme_office', parentId: tree.province.id });
    expect(tree.host).toMatchObject({ kind: 'host', parentId: tree.province.id });
    expect(tree.city).toMatchObject({
      kind: 'city',
      parentId: tree.province.id,
      regionCode: '990100',
    });
    expect(tree.district).toMatchObject({
      kind: 'district',
      parentId: tree.city.id,
      regionCode: '990102',
    });
    expect(tree.association).toMatchObject({ kind: 'association', parentId: tree.district.id });
    expect(tree.unit).toMatchObject({
      kind: 'unit',
      unitType: 'hospital',
      parentId: tree.district.id,
    });
    const chain = await f.services.orgs.chainInForce(db, tree.unit);
    expect(chain.steps.map((s) => s.orgId)).toEqual([
      tree.district.id,
      tree.city.id,
      tree.cmeOffice.id,
    ]);
    const created = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from audit_log where action = 'org.created' and org_path like ${`${tree.province.path}%`}`,
    );
    expect(created[0]?.n).toBe(6); // every org below the root came through the service
  });

  it('takes a real province code, names, and a chain set like a province admin sets it', async () => {
    const tree = await f.buildOrgTree({ regionCode: '430000', names: { unit: '湘雅测试医院' } });
    expect(tree.unit.name).toBe('湘雅测试医院');
    expect([tree.city.regionCode, tree.district.regionCode]).toEqual(['430100', '430102']);
    await f.setReviewChain(tree.unit, [tree.association, tree.city, tree.cmeOffice]);
    const chain = await f.services.orgs.chainInForce(db, tree.unit);
    expect(chain).toMatchObject({ version: 1 });
    expect(chain.steps.map((s) => s.orgId)).toEqual([
      tree.association.id,
      tree.city.id,
      tree.cmeOffice.id,
    ]);
  });

  it('adds an org of any kind under a parent that may hold it', async () => {
    const tree = await f.buildOrgTree();
    const platform = await f.buildOrg({
      parent: tree.province,
      kind: 'platform',
      name: '测试平台',
    });
    expect(platform).toMatchObject({
      kind: 'platform',
      name: '测试平台',
      parentId: tree.province.id,
    });
    await expect(f.buildOrg({ parent: tree.unit, kind: 'unit' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });
});

describe('buildUser', () => {
  it('creates an account with one role at a fitting org, signed in with the test password', async () => {
    const reviewer = await f.buildUser({ role: 'reviewer' });
    const session = await t.signIn(reviewer.username, reviewer.password);
    const me = session.response.json<{
      roles: { role: string; orgId: string; orgKind: string }[];
    }>();
    expect(me.roles).toEqual([
      expect.objectContaining({ role: 'reviewer', orgId: reviewer.orgId, orgKind: 'city' }),
    ]);
    const actor = await f.actorOf(reviewer);
    expect(actor.permissions.has('credit:review')).toBe(true);
    expect(actor.mustChangePassword).toBe(false);
  });

  it('puts each role where it may be held, and refuses where it may not', async () => {
    const tree = await f.buildOrgTree();
    const host = await f.buildUser({
      role: 'host_admin',
      org: tree.host,
      username: 'factory-host',
    });
    expect(host).toMatchObject({ username: 'factory-host', orgId: tree.host.id });
    await expect(f.buildUser({ role: 'reviewer', org: tree.unit })).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });
});

describe('buildPerson', () => {
  it('registers a person at a unit with a valid ID and a learner account', async () => {
    const tree = await f.buildOrgTree();
    const person = await f.buildPerson({ unit: tree.unit, name: '测试张三', profession: 'nurse' });
    expect(person).toMatchObject({
      name: '测试张三',
      profession: 'nurse',
      unitId: tree.unit.id,
      username: person.user.username,
    });
    expect(parseResidentId(person.idNumber).ok).toBe(true);
    expect(person.idNumberMasked).toBe(
      `${person.idNumber.slice(0, 4)}**********${person.idNumber.slice(-4)}`,
    );
    const session = await t.signIn(person.user.username);
    expect(session.response.json<{ roles: { role: string }[] }>().roles).toEqual([
      expect.objectContaining({ role: 'learner', orgId: tree.unit.id }),
    ]);
  });

  it('builds a tree of its own when given no unit', async () => {
    const before = await count('orgs');
    const person = await f.buildPerson();
    expect(await count('orgs')).toBe(before + 7);
    expect((await f.services.orgs.findAny(person.unitId))?.kind).toBe('unit');
  });
});

describe('buildProject', () => {
  it.each(['draft', 'filed', 'finished', 'cancelled'] as const)(
    'builds a %s project',
    async (status) => {
      const project = await f.buildProject({ status });
      expect(project.status).toBe(status);
      const host = await f.services.orgs.findAny(project.hostId);
      expect(host?.kind).toBe('host');
    },
  );

  it('takes the host, level and credits given, with a unique number of that level', async () => {
    const tree = await f.buildOrgTree();
    const a = await f.buildProject({ host: tree.host, level: 'national', attendeeCredits: 4 });
    const b = await f.buildProject({ host: tree.host, level: 'national' });
    expect(a).toMatchObject({
      hostId: tree.host.id,
      level: 'national',
      attendeeCredits: 4,
      year: 2026,
    });
    expect(a.number).toMatch(/^2026-\d{2}-\d{2}-\d{4}（国）$/);
    expect(a.number).not.toBe(b.number);
    const finished = await f.buildProject({
      host: tree.host,
      status: 'finished',
      startDate: '2026-01-10',
      endDate: '2026-01-11',
    });
    expect(finished).toMatchObject({ status: 'finished', startDate: '2026-01-10' });
    expect(finished.filedAt).not.toBeNull();
  });
});

describe('buildClaim', () => {
  const statuses: ClaimStatus[] = [
    'draft',
    'submitted',
    'returned',
    'rejected',
    'effective',
    'voided',
  ];

  it.each(statuses)('walks a self-report to %s through the chain', async (status) => {
    const claim = await f.buildClaim({ status, reason: '测试' });
    expect(claim).toMatchObject({ status, channel: 'self_report' });
    const actions = claim.history.map((h) => h.action);
    const expected: Record<ClaimStatus, string[]> = {
      draft: [],
      submitted: ['submit'],
      returned: ['submit', 'return'],
      rejected: ['submit', 'reject'],
      effective: ['submit', 'approve', 'approve', 'approve', 'approve'],
      voided: ['submit', 'approve', 'approve', 'approve', 'approve', 'void'],
    };
    expect(actions).toEqual(expected[status]);
    if (status !== 'draft') {
      // A self-report is reviewed by the person's unit first, then the unit's chain.
      expect(claim.chain).toHaveLength(4);
      expect(claim.chain[0]?.orgId).toBe((await f.services.people.findAny(claim.personId))?.unitId);
    }
  });

  it('uses the person given, and stops at the step asked for', async () => {
    const person = await f.buildPerson();
    const orgs = await count('orgs');
    const claim = await f.buildClaim({ person, status: 'submitted', approvedSteps: 2 });
    expect(await count('orgs')).toBe(orgs);
    expect(claim).toMatchObject({ personId: person.id, currentStep: 2 });
    expect(claim.currentReviewerOrgId).toBe(claim.chain[2]?.orgId);
    const reviewers = await queryRows<{ username: string }>(
      db,
      sql`select u.username from claim_reviews r join users u on u.id = r.actor_user_id
          where r.claim_id = ${claim.id} and r.action = 'approve' order by r.at, r.id`,
    );
    expect(reviewers.map((r) => r.username)).toHaveLength(2); // real accounts, one per level
  });

  it('enters a unit’s credit for a person, or takes one from another channel', async () => {
    const person = await f.buildPerson();
    const entered: Claim = await f.buildClaim({
      person,
      channel: 'unit_bulk_entry',
      status: 'submitted',
    });
    expect(entered.channel).toBe('unit_bulk_entry');
    expect(entered.chain).toHaveLength(3); // the unit's own step is only for self-reports
    const pushed = await f.buildClaim({
      person,
      channel: 'platform_push',
      status: 'effective',
      activity: { type: 'online_course', date: '2026-02-03', hours: 6 },
    });
    expect(pushed).toMatchObject({ channel: 'platform_push', status: 'effective', credits: 2 });
    const claims = await count('credit_claims');
    await f.buildClaim({ person, status: 'draft' });
    expect(await count('credit_claims')).toBe(claims + 1);
  });
});

describe('buildCertificate', () => {
  it('issues last year’s certificate to a person, signed and verifiable', async () => {
    const person = await f.buildPerson();
    const certificate = await f.buildCertificate({ person });
    expect(certificate).toMatchObject({ personId: person.id, year: 2025 });
    const verified = await t.app.inject({
      method: 'GET',
      url: `/api/v1/certificates/${certificate.serial}/verify`,
    });
    expect(verified.json<{ valid: boolean; revoked: boolean }>()).toMatchObject({
      valid: true,
      revoked: false,
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { Notification } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import type { TestUser } from '../../../test/factories';

// The flows tell the people concerned, through the notifications door, in their own
// transaction: a claim returned (with the reason) or approved, a certificate issued or
// revoked, a transfer waiting at the receiving unit.
const t = await buildTestApp();
const f = createFactories(t);
const { services } = f;
const tree = await f.buildOrgTree();
const learner = await f.buildPerson({ unit: tree.unit });

async function inbox(user: Pick<TestUser, 'id'>): Promise<Notification[]> {
  return (await services.notifications.list(await f.actorOf(user), { limit: 100 })).items;
}

describe('claims', () => {
  it('a returned claim tells its person the reason and opens the claim', async () => {
    const claim = await f.buildClaim({
      person: learner,
      status: 'returned',
      reason: '缺少学时证明',
    });
    const returned = (await inbox(learner.user)).filter((n) => n.kind === 'claim_returned');
    expect(returned).toHaveLength(1);
    expect(returned[0]).toMatchObject({
      params: { reason: '缺少学时证明', activityType: 'self_study' },
      link: `/credits/${claim.id}/edit`,
      readAt: null,
    });
  });

  it('an approved claim is told once, when it becomes effective (not at each step)', async () => {
    const claim = await f.buildClaim({ person: learner, status: 'effective' });
    const approved = (await inbox(learner.user)).filter((n) => n.kind === 'claim_approved');
    expect(approved).toHaveLength(1);
    expect(approved[0]?.params.credits).toBe(claim.credits);
  });

  it('tells nobody else', async () => {
    const other = await f.buildPerson({ unit: tree.unit });
    expect(await inbox(other.user)).toEqual([]);
  });
});

describe('certificates', () => {
  it('issued and revoked: the person is told, with the reason', async () => {
    const person = await f.buildPerson({ unit: tree.unit });
    const certificate = await f.buildCertificate({ person });
    const admin = await f.provinceActor(tree.province);
    t.clock.advanceMinutes(1);
    await services.certificates.revokeBySerial(
      admin,
      certificate.serial,
      '伪造学分证明',
      '127.0.0.1',
    );
    const kinds = (await inbox(person.user)).map((n) => [n.kind, n.params.serial, n.params.reason]);
    expect(kinds).toEqual([
      ['certificate_revoked', certificate.serial, '伪造学分证明'],
      ['certificate_issued', certificate.serial, undefined],
    ]);
  });
});

describe('transfers', () => {
  it('the receiving unit’s officers are told a transfer waits; the sending unit’s are not', async () => {
    const receiving = await f.buildOrg({ parent: tree.district, kind: 'unit' });
    const receivingOfficer = await f.buildUser({ role: 'unit_admin', org: receiving });
    const sendingOfficer = await f.buildUser({ role: 'unit_admin', org: tree.unit });
    const person = await f.buildPerson({ unit: tree.unit, name: '王调入' });
    await services.transfers.request(
      await f.actorOf(sendingOfficer),
      { personId: person.id, toUnitId: receiving.id },
      '127.0.0.1',
    );
    expect(await inbox(receivingOfficer)).toMatchObject([
      {
        kind: 'transfer_waiting',
        params: { person: '王调入', fromUnit: tree.unit.name },
        link: '/people?tab=incoming',
      },
    ]);
    expect(await inbox(sendingOfficer)).toEqual([]);
  });
});

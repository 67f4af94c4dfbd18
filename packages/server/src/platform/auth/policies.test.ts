import { describe, expect, it } from 'vitest';
import { rolePermissions, type OrgKind, type Role } from '@jijiao/contracts';
import type { Actor } from './actor';
import type { Policy } from './policy';
import { canManageAccountsAt } from '../../modules/accounts/accounts.policy';
import {
  auditPolicy,
  auditUnitPolicy,
  canManageAuditOf,
  canReviewAuditStep,
  canSeeEarlyRequest,
  canVoidCreditsOf,
  reviewsAnAuditStepOf,
} from '../../modules/audit/audit.policy';
import { canReadAuditEntry } from '../../modules/audit-log/audit-log.policy';
import {
  canAwardFor,
  canEditBatch,
  canHostBatch,
  canReviewBatch,
  canSeeBatch,
  isInProvinceOf,
} from '../../modules/awards/awards.policy';
import {
  canIssueCardsFrom,
  canManageCardHolder,
  canOrderCardsFor,
  canReissueCard,
  canSeeCard,
  canSeeCardsOf,
  canSellCardTo,
  cardOrderPolicy,
} from '../../modules/cards/cards.policy';
import {
  canListCertificatesOf,
  canManageCertificate,
  canReadCertificate,
} from '../../modules/certificates/certificates.policy';
import { canManageDeviceOf } from '../../modules/checkins/checkins.policy';
import {
  canEditClaim,
  canEnterCreditsAt,
  canEnterCreditsFor,
  canManageClaimYears,
  canActForClaim,
  canSeeClaimDirectly,
  isClaimAtCallersLevel,
  isOwnClaim,
  reviewsAStepOf,
} from '../../modules/credits/credits.policy';
import { canManageHrPush } from '../../modules/hr-push/hr-push.policy';
import { canReadUnitProgress } from '../../modules/learner-year/learner-year.policy';
import { canManageOrg, canReadOrg } from '../../modules/orgs/orgs.policy';
import {
  canListPeopleUnder,
  canManagePerson,
  canReadPerson,
  canRegisterPeopleAt,
  canRevealPersonId,
} from '../../modules/people/people.policy';
import {
  canFileProject,
  canManageProject,
  canReadProject,
  canRegisterProjectsFor,
} from '../../modules/projects/projects.policy';
import { canManagePlatform } from '../../modules/provider/provider.policy';
import { canMonitorInstance } from '../../modules/system/system.policy';
import { canDecideTransfer, canRequestTransferOf } from '../../modules/transfers/transfers.policy';

/**
 * The policies as tables: each role, placed where the demo places it, against an object in
 * its own subtree (a hospital of city C), in another subtree of the same province (a
 * hospital of city D) and in another province. A cell reads own/other/foreign: y allowed.
 */
const province = '/p/';
const city = '/p/c/';
const unit = '/p/c/u/';
const where = { own: unit, other: '/p/d/v/', foreign: '/q/w/x/' } as const;

const placement: Record<Role, { path: string; kind: OrgKind }> = {
  learner: { path: unit, kind: 'unit' },
  unit_admin: { path: unit, kind: 'unit' },
  reviewer: { path: city, kind: 'city' },
  host_admin: { path: unit, kind: 'unit' },
  province_admin: { path: province, kind: 'province' },
  system_admin: { path: province, kind: 'province' },
};
const roles = Object.keys(placement) as Role[];

function actorAs(role: Role, userId = `user-${role}`): Actor {
  const { path, kind } = placement[role];
  return {
    userId,
    username: role,
    displayName: role,
    sessionId: 's',
    csrfToken: 'c',
    mustChangePassword: false,
    twoFactor: { enrolled: false, required: false },
    grants: [{ role, orgId: `org-${role}`, orgPath: path, orgName: role, orgKind: kind }],
    permissions: new Set(rolePermissions[role]),
    idleExpiresAt: new Date(0),
    absoluteExpiresAt: new Date(0),
  };
}

type Cells = '---' | 'y--' | 'yy-';
type Table = Record<Role, Cells>;
const only = (cells: Partial<Table>): Table => ({
  learner: '---',
  unit_admin: '---',
  reviewer: '---',
  host_admin: '---',
  province_admin: '---',
  system_admin: '---',
  ...cells,
});
const staff = only({
  unit_admin: 'y--',
  reviewer: 'y--',
  province_admin: 'yy-',
  system_admin: 'yy-',
});
const unitAndProvince = only({ unit_admin: 'y--', province_admin: 'yy-' });
const provinceOnly = only({ province_admin: 'yy-' });
const admins = only({ province_admin: 'yy-', system_admin: 'yy-' });
const reviewers = only({ unit_admin: 'y--', reviewer: 'y--', province_admin: 'yy-' });
const bureaus = only({ reviewer: 'y--', province_admin: 'yy-' });
const hosts = only({ host_admin: 'y--' });
const someone = 'user-someone-else';
const unitOnly = only({ unit_admin: 'y--' });
const at = (path: string) => ({ path });
const hostedAt = (hostPath: string) => ({ hostPath });
const submittedAt = (hostPath: string) => ({ hostPath, status: 'submitted' });

// The object each policy is asked about, placed at `path`; nobody in the tables owns it.
const cases: [string, Policy<Actor, never>, (path: string) => unknown, Table][] = [
  ['canReadOrg', canReadOrg, (path) => ({ path }), only({ ...staff, host_admin: 'y--' })],
  ['canManageOrg', canManageOrg, (path) => ({ path }), admins],
  ['canReadPerson', canReadPerson, (unitPath) => ({ unitPath }), staff],
  ['canManagePerson', canManagePerson, (unitPath) => ({ unitPath }), unitAndProvince],
  ['canRevealPersonId', canRevealPersonId, (unitPath) => ({ unitPath }), admins],
  ['canRegisterPeopleAt', canRegisterPeopleAt, (path) => ({ path }), unitAndProvince],
  ['canListPeopleUnder', canListPeopleUnder, (path) => ({ path }), staff],
  [
    'canRequestTransferOf',
    canRequestTransferOf,
    (unitPath) => ({ unitPath, userId: someone }),
    unitAndProvince,
  ],
  ['canDecideTransfer', canDecideTransfer, (toUnitPath) => ({ toUnitPath }), unitAndProvince],
  [
    'canReadProject',
    canReadProject,
    (hostPath) => ({ hostPath }),
    only({ reviewer: 'y--', host_admin: 'y--', province_admin: 'yy-' }),
  ],
  ['canManageProject', canManageProject, (hostPath) => ({ hostPath }), hosts],
  ['canFileProject', canFileProject, (hostPath) => ({ hostPath }), provinceOnly],
  ['canRegisterProjectsFor', canRegisterProjectsFor, (path) => ({ path }), hosts],
  [
    'canSeeClaimDirectly',
    canSeeClaimDirectly,
    (unitPath) => ({ unitPath, personUserId: someone }),
    staff,
  ],
  ['reviewsAStepOf', reviewsAStepOf, (path) => [{ path }], reviewers],
  // A step of a body in the subtree is the caller's to act on only for that body (代审).
  [
    'canActForClaim',
    canActForClaim,
    (reviewerOrgPath) => ({
      status: 'submitted',
      reviewerOrgPath,
      reviewerOrgKind: 'district',
      currentReviewerOrgId: 'org-x',
    }),
    bureaus,
  ],
  [
    'canEditClaim',
    canEditClaim,
    (unitPath) => ({ status: 'draft', personUserId: someone, unitPath }),
    only({ unit_admin: 'y--' }),
  ],
  [
    'canEnterCreditsFor',
    canEnterCreditsFor,
    (unitPath) => ({ unitPath }),
    only({ unit_admin: 'y--' }),
  ],
  ['canManageClaimYears', canManageClaimYears, (path) => [{ path }], provinceOnly],
  [
    'canEnterCreditsAt',
    canEnterCreditsAt,
    (path) => ({ path, kind: 'unit' }),
    only({ unit_admin: 'y--' }),
  ],
  [
    'canManageCardHolder',
    canManageCardHolder,
    (unitPath) => ({ unitPath }),
    only({ unit_admin: 'y--', reviewer: 'y--', province_admin: 'yy-' }),
  ],
  [
    'canSeeCard',
    canSeeCard,
    (path) => ({ unit_path: path, issuer_path: path, person_user_id: someone }),
    only({ unit_admin: 'y--', reviewer: 'y--', province_admin: 'yy-' }),
  ],
  [
    'canReissueCard',
    canReissueCard,
    (path) => ({ unit_path: path, person_id: 'p' }),
    only({ unit_admin: 'y--', reviewer: 'y--', province_admin: 'yy-' }),
  ],
  [
    'canSeeCardsOf',
    canSeeCardsOf,
    (unitPath) => ({ unitPath, userId: someone }),
    only({ unit_admin: 'y--', reviewer: 'y--', province_admin: 'yy-' }),
  ],
  ['canIssueCardsFrom', canIssueCardsFrom, (path) => ({ path }), bureaus],
  [
    "cardOrderPolicy['card:manage']",
    cardOrderPolicy['card:manage'],
    (path) => ({ unit_path: path, bureau_path: '/elsewhere/' }),
    unitAndProvince,
  ],
  [
    "cardOrderPolicy['card:issue']",
    cardOrderPolicy['card:issue'],
    (path) => ({ unit_path: '/elsewhere/', bureau_path: path }),
    bureaus,
  ],
  ['canOrderCardsFor', canOrderCardsFor, (path) => ({ path, kind: 'unit' }), unitAndProvince],
  [
    'canReadCertificate',
    canReadCertificate,
    (unitPath) => ({ unitPath, ownerUserId: someone }),
    unitAndProvince,
  ],
  [
    'canManageCertificate',
    canManageCertificate,
    (unitPath) => ({ unitPath, ownerUserId: null }),
    provinceOnly,
  ],
  ['canListCertificatesOf', canListCertificatesOf, (path) => ({ path }), unitAndProvince],
  ['canReadUnitProgress', canReadUnitProgress, (path) => ({ path }), staff],
  ['canManagePlatform', canManagePlatform, (path) => ({ path, kind: 'platform' }), provinceOnly],
  ['canManageHrPush', canManageHrPush, (path) => ({ path, kind: 'province' }), provinceOnly],
  ['canManageAccountsAt', canManageAccountsAt, (path) => ({ path }), admins],
  ['canReadAuditEntry', canReadAuditEntry, (orgPath) => ({ orgPath }), admins],
  ['canManageDeviceOf', canManageDeviceOf, (hostPath) => ({ hostPath }), hosts],
  ['canAwardFor', canAwardFor, hostedAt, hosts],
  ['canHostBatch', canHostBatch, hostedAt, hosts],
  ['canEditBatch', canEditBatch, (hostPath) => ({ hostPath, status: 'draft' }), hosts],
  ['canReviewBatch', canReviewBatch, submittedAt, provinceOnly],
  ['canSeeBatch', canSeeBatch, submittedAt, only({ host_admin: 'y--', province_admin: 'yy-' })],
  ["auditPolicy['audit:read']", auditPolicy['audit:read'], at, reviewers],
  ["auditPolicy['audit:manage']", auditPolicy['audit:manage'], at, provinceOnly],
  ["auditPolicy['audit:report']", auditPolicy['audit:report'], at, only({ unit_admin: 'y--' })],
  ["auditPolicy['audit:review']", auditPolicy['audit:review'], at, bureaus],
  ["auditUnitPolicy['audit:read']", auditUnitPolicy['audit:read'], at, reviewers],
  ["auditUnitPolicy['audit:report']", auditUnitPolicy['audit:report'], at, unitOnly],
  ["auditUnitPolicy['audit:manage']", auditUnitPolicy['audit:manage'], at, provinceOnly],
  ['canManageAuditOf', canManageAuditOf, (path) => ({ path, kind: 'province' }), provinceOnly],
  ['canReviewAuditStep', canReviewAuditStep, at, bureaus],
  ['reviewsAnAuditStepOf', reviewsAnAuditStepOf, (path) => [{ path }], bureaus],
  ['canSeeEarlyRequest', canSeeEarlyRequest, (path) => ({ unit: { path } }), reviewers],
  ['canVoidCreditsOf', canVoidCreditsOf, (unitPath) => ({ unitPath }), provinceOnly],
];

describe.each(cases)('%s', (_name, policy, objectAt, table) => {
  const rows = roles.map((role) => [role, table[role]] as const);
  it.each(rows)('%s: %s (own subtree, other subtree, other province)', (role, cells) => {
    const actor = actorAs(role);
    const answers = (['own', 'other', 'foreign'] as const).map((w) =>
      (policy as Policy<Actor, unknown>)(actor, objectAt(where[w])) ? 'y' : '-',
    );
    expect(answers.join('')).toBe(cells);
  });
});

describe('what the tables cannot show', () => {
  const learner = actorAs('learner');
  const mine = {
    userId: learner.userId,
    personUserId: learner.userId,
    ownerUserId: learner.userId,
  };

  it('lets a learner reach their own records, and only their own', () => {
    expect(canRequestTransferOf(learner, { ...mine, unitPath: where.foreign })).toBe(true);
    expect(canSeeCardsOf(learner, { ...mine, unitPath: where.foreign })).toBe(true);
    expect(canSeeCardsOf(learner, { userId: null, unitPath: unit })).toBe(false);
    expect(canSeeClaimDirectly(learner, { ...mine, unitPath: where.foreign })).toBe(true);
    expect(canReadCertificate(learner, { ...mine, unitPath: where.foreign })).toBe(true);
    expect(
      canSeeCard(learner, { unit_path: null, issuer_path: city, person_user_id: learner.userId }),
    ).toBe(true);
  });

  it('never lets a holder manage their own certificate', () => {
    expect(canManageCertificate(learner, { ...mine, unitPath: unit })).toBe(false);
  });

  it('edits a claim only while editable, and the learner theirs only with credit:submit_own', () => {
    const admin = actorAs('unit_admin');
    expect(canEditClaim(admin, { status: 'approved', personUserId: someone, unitPath: unit })).toBe(
      false,
    );
    expect(
      canEditClaim(learner, { status: 'draft', personUserId: learner.userId, unitPath: '' }),
    ).toBe(true);
    const noSubmit = { ...learner, permissions: new Set(['credit:read_own'] as const) };
    expect(
      canEditClaim(noSubmit, { status: 'draft', personUserId: learner.userId, unitPath: '' }),
    ).toBe(false);
  });

  it('calls a claim the caller’s own when they are its person, submitter or enterer', () => {
    const none = { personUserId: null, submittedBy: null, createdBy: null };
    expect(isOwnClaim(learner, none)).toBe(false);
    expect(isOwnClaim(learner, { ...none, personUserId: learner.userId })).toBe(true);
    expect(isOwnClaim(learner, { ...none, submittedBy: learner.userId })).toBe(true);
    expect(isOwnClaim(learner, { ...none, createdBy: learner.userId })).toBe(true);
  });

  it('leaves a unit’s review step to that unit, never to the bodies above it', () => {
    const step = {
      status: 'submitted',
      reviewerOrgPath: unit,
      reviewerOrgKind: 'unit',
      currentReviewerOrgId: 'org-unit_admin',
    };
    expect(isClaimAtCallersLevel(actorAs('unit_admin'), step)).toBe(true);
    expect(isClaimAtCallersLevel(actorAs('province_admin'), step)).toBe(false);
    expect(isClaimAtCallersLevel(actorAs('unit_admin'), { ...step, status: 'draft' })).toBe(false);
  });

  it('works on the right kind of org only', () => {
    const province = actorAs('province_admin');
    expect(canEnterCreditsAt(actorAs('unit_admin'), { path: unit, kind: 'city' })).toBe(false);
    expect(canOrderCardsFor(province, { path: unit, kind: 'city' })).toBe(false);
    expect(canManagePlatform(province, { path: unit, kind: 'unit' })).toBe(false);
    expect(canManageHrPush(province, { path: unit, kind: 'unit' })).toBe(false);
  });

  it('narrows a people list to an org overlapping the scope either way', () => {
    expect(canListPeopleUnder(actorAs('reviewer'), { path: province })).toBe(true);
    expect(canListPeopleUnder(actorAs('reviewer'), { path: '/p/d/' })).toBe(false);
  });

  it('reissues only a card with a holder', () => {
    expect(canReissueCard(actorAs('unit_admin'), { person_id: null, unit_path: unit })).toBe(false);
  });

  it('sells a card only to people of the bureau’s city', () => {
    expect(canSellCardTo({ path: city }, { unitPath: unit })).toBe(true);
    expect(canSellCardTo({ path: city }, { unitPath: where.other })).toBe(false);
  });

  it('shows entries tied to no org only from a root of the tree', () => {
    expect(canReadAuditEntry(actorAs('province_admin'), { orgPath: null })).toBe(true);
    const cityAdmin = { ...actorAs('province_admin') };
    cityAdmin.grants = cityAdmin.grants.map((g) => ({ ...g, orgPath: city }));
    expect(canReadAuditEntry(cityAdmin, { orgPath: null })).toBe(false);
  });

  it('hides a draft batch from the province and lets its host edit it only until submitted', () => {
    const batch = { hostPath: unit, status: 'draft' };
    expect(canSeeBatch(actorAs('province_admin'), batch)).toBe(false);
    expect(canEditBatch(actorAs('host_admin'), { ...batch, status: 'returned' })).toBe(true);
    expect(canEditBatch(actorAs('host_admin'), { ...batch, status: 'submitted' })).toBe(false);
  });

  it('awards credits only to people of the project’s province', () => {
    expect(isInProvinceOf({ hostPath: unit }, { unitPath: where.other })).toBe(true);
    expect(isInProvinceOf({ hostPath: unit }, { unitPath: where.foreign })).toBe(false);
  });

  it('shows a province’s audit to its hospitals, but leaves managing it to the province', () => {
    expect(auditPolicy['audit:read'](actorAs('unit_admin'), { path: province })).toBe(true);
    expect(auditPolicy['audit:manage'](actorAs('province_admin'), { path: province })).toBe(true);
    expect(auditPolicy['audit:manage'](actorAs('reviewer'), { path: province })).toBe(false);
    expect(canManageAuditOf(actorAs('province_admin'), { path: unit, kind: 'unit' })).toBe(false);
  });

  it('shows the installation’s database to a system administrator at a root only', () => {
    expect(roles.filter((role) => canMonitorInstance(actorAs(role)))).toEqual(['system_admin']);
    const citySystemAdmin = { ...actorAs('system_admin') };
    citySystemAdmin.grants = citySystemAdmin.grants.map((g) => ({ ...g, orgPath: city }));
    expect(canMonitorInstance(citySystemAdmin)).toBe(false);
  });

  it('shows an early request to the body it waits at, outside its read scope', () => {
    const request = { unit: { path: where.other }, reviewer: { path: city } };
    expect(canSeeEarlyRequest(actorAs('reviewer'), request)).toBe(true);
    expect(canSeeEarlyRequest(actorAs('reviewer'), { ...request, reviewer: undefined })).toBe(
      false,
    );
  });
});

describe('isClaimAtCallersLevel (ADR 0023)', () => {
  const waitingAt = (orgId: string, path: string, kind = 'city') => ({
    status: 'submitted',
    reviewerOrgPath: path,
    reviewerOrgKind: kind,
    currentReviewerOrgId: orgId,
  });
  it.each([
    ['the reviewer’s own org', actorAs('reviewer'), waitingAt('org-reviewer', city), true],
    ['a body below the reviewer', actorAs('reviewer'), waitingAt('org-x', unit, 'district'), false],
    [
      'the unit admin’s unit',
      actorAs('unit_admin'),
      waitingAt('org-unit_admin', unit, 'unit'),
      true,
    ],
    ['the province admin, below', actorAs('province_admin'), waitingAt('org-x', city), false],
    ['a learner', actorAs('learner'), waitingAt('org-learner', unit, 'unit'), false],
  ])('%s', (_name, actor, claim, expected) => {
    expect(isClaimAtCallersLevel(actor, claim)).toBe(expected);
    // Never both: one's own step is not acted on "for" anyone.
    if (expected) expect(canActForClaim(actor, claim)).toBe(false);
  });

  it('is nobody’s once decided', () => {
    expect(
      isClaimAtCallersLevel(actorAs('reviewer'), {
        ...waitingAt('org-reviewer', city),
        status: 'effective',
      }),
    ).toBe(false);
  });
});

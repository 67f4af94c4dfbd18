import {
  permissionsOf,
  type ActivityInput,
  type Claim,
  type ClaimStatus,
  type CreditChannel,
  type OrgKind,
  type Person,
  type Profession,
  type Project,
  type ProjectLevel,
  type ProjectStatus,
  type Role,
  type TitleGrade,
  type UnitType,
} from '@jijiao/contracts';
import { defaultPolicyRegistry, levelMarks, residentIdCheckChar } from '@jijiao/domain';
import type { Actor } from '../src/platform/auth/actor';
import { argon2Hasher, type PasswordHasher } from '../src/platform/auth/password-hasher';
import type { Clock } from '../src/platform/clock';
import type { Config } from '../src/platform/config/config';
import type { Database } from '../src/platform/db/database';
import { OrgsRepository, type OrgRow } from '../src/modules/orgs/orgs.repository';
import { ProjectsRepository } from '../src/modules/projects/projects.repository';
import { UsersRepository } from '../src/modules/users/users.repository';
import { unusablePasswordHash } from '../src/modules/users/users.service';
import { buildServices, type Services } from '../src/services';
import { FakeClock } from './build-app';
import { testConfig, testPassword } from './test-config';

/**
 * Test data built for the test that needs it, instead of looked up in the demo seed: an
 * organisation tree in a province of its own, people, accounts, projects and credit claims
 * in any state. Data enters through the real services (the same validation, audit log and
 * history as in production); the repositories are used only for what no service does (a
 * province is the root of the tree, a project finished before "today" was filed before it).
 *
 *   const f = createFactories(t);              // t: a TestApp, or { database, clock }
 *   const claim = await f.buildClaim({ status: 'returned' });
 *
 * Every builder creates what it needs unless given it: `buildClaim()` registers a person,
 * who needs a unit, which needs a tree. Accounts sign in with `testPassword`.
 */

const ip = '127.0.0.1';
const never = new Date(8.64e15);

let sequence = 0;
/** A number no other factory call in this test file has had (files run in fresh modules). */
function nextSerial(): number {
  sequence += 1;
  return sequence;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * A valid resident ID number (GB 11643) nobody else in the test database holds: region
 * 650102 (the demo's people and `newIdNumber` use others), a birth date and sequence drawn
 * from a counter, the sex in the sequence's parity, and the MOD 11-2 check character.
 */
export function newResidentId(options: { sex?: 'male' | 'female'; birthYear?: number } = {}) {
  const n = nextSerial();
  const birth = new Date(Date.UTC(options.birthYear ?? 1975, 0, 1) + (n % 3650) * 86_400_000);
  const date = birth.toISOString().slice(0, 10).replaceAll('-', '');
  let order = (Math.floor(n / 3650) * 2) % 1000;
  if (options.sex === 'male' || (options.sex === undefined && n % 2 === 1)) order += 1;
  const first17 = `650102${date}${pad(order, 3)}`;
  return first17 + residentIdCheckChar(first17);
}

let testPasswordHash: Promise<string> | undefined;

/**
 * One argon2 hash of `testPassword` per test file. The services hash every one-time
 * password they make; at ~130 ms an argon2 hash on a loaded machine, that would dominate
 * a test that registers twenty people, and no factory ever uses those passwords: they are
 * stored unusable, and the account is given the test password instead.
 */
function hashOfTestPassword(): Promise<string> {
  testPasswordHash ??= argon2Hasher.hash(testPassword);
  return testPasswordHash;
}

const factoryHasher: PasswordHasher = {
  hash: (password) =>
    password === testPassword ? hashOfTestPassword() : Promise.resolve(unusablePasswordHash),
  verify: (hash, password) => argon2Hasher.verify(hash, password),
};

export interface OrgTree {
  /** The root: 测试省N卫生健康委员会, inserted by the repository (no service creates a root). */
  province: OrgRow;
  /** The provincial CME office: the last step of every default review chain. */
  cmeOffice: OrgRow;
  /** The provincial medical association, a project host. */
  host: OrgRow;
  city: OrgRow;
  district: OrgRow;
  /** The district's medical association: a reviewing body a chain may name. */
  association: OrgRow;
  /** A hospital under the district; its default chain is district → city → CME office. */
  unit: OrgRow;
}

export interface TestUser {
  id: string;
  username: string;
  displayName: string;
  /** Every factory account signs in with this password (no change required). */
  password: string;
  role: Role;
  orgId: string;
}

export interface TestPerson extends Person {
  /** The full number (the API masks it). */
  idNumber: string;
  /** The learner account registration gives every person. */
  user: TestUser;
}

export interface OrgTreeOverrides {
  /** The province's GB/T 2260 code (990000: fictitious, national packs only, like the demo). */
  regionCode?: string;
  /** Names by role in the tree; numbered 测试… names by default. */
  names?: Partial<Record<keyof OrgTree, string>>;
}

export interface OrgOverrides {
  parent: OrgRow;
  kind: OrgKind;
  name?: string;
  unitType?: UnitType;
  regionCode?: string;
}

export interface UserOverrides {
  role?: Exclude<Role, 'learner'>;
  /** Where the role is held; a fitting org of a new tree by default. */
  org?: OrgRow;
  username?: string;
  displayName?: string;
}

export interface PersonOverrides {
  unit?: OrgRow;
  name?: string;
  idNumber?: string;
  phone?: string;
  profession?: Profession;
  titleGrade?: TitleGrade;
  tcm?: boolean;
}

export interface ProjectOverrides {
  /** A host org (host, association or unit); a new tree's host by default. */
  host?: OrgRow;
  status?: ProjectStatus;
  level?: ProjectLevel;
  /** Made unique from a counter by default (numbers are unique across the database). */
  number?: string;
  name?: string;
  startDate?: string;
  endDate?: string;
  place?: string;
  hours?: number;
  attendeeCredits?: number;
  speakerCredits?: number;
  tcm?: boolean;
  remote?: boolean;
}

export interface ClaimOverrides {
  status?: ClaimStatus;
  /** Whose credit; a newly registered person by default. */
  person?: TestPerson;
  /** Self-study of 3 hours the day before "today" by default. */
  activity?: ActivityInput;
  /**
   * How it arrived: `self_report` by the person's own account (the default) and
   * `unit_bulk_entry` by their unit's admin go through the claims API's service; any
   * other channel through the intake, as imports and platforms do.
   */
  channel?: CreditChannel;
  /** For `submitted`: how many steps of the chain have approved it already (0). */
  approvedSteps?: number;
  /** For `returned`, `rejected` and `voided`: why (a reason is required). */
  reason?: string;
}

export interface CertificateOverrides {
  /** The holder; a newly registered person by default. */
  person?: TestPerson;
  /** The audited year; the year before "today" by default. */
  year?: number;
  totalCredits?: number;
}

export interface FactoryContext {
  database: Database;
  clock?: Clock;
  config?: Config;
}

export type Factories = ReturnType<typeof createFactories>;

/**
 * The test's clock plus a millisecond per factory step. A claim's history is ordered by
 * time, so steps taken at one instant would read back in any order; moving the test's own
 * clock instead would age its sessions (and it is the test's to move).
 */
class FactoryClock implements Clock {
  private offset = 0;
  constructor(private readonly base: Clock) {}
  now(): Date {
    return new Date(this.base.now().getTime() + this.offset);
  }
  tick(): void {
    this.offset += 1;
  }
}

/** Builders over one test database (and the test app's clock, when given one). */
export function createFactories(context: FactoryContext) {
  const { database } = context;
  const { db } = database;
  const clock = new FactoryClock(context.clock ?? new FakeClock());
  const services: Services = buildServices({
    config: context.config ?? testConfig(),
    database,
    clock,
    hasher: factoryHasher,
  });
  const orgsRepository = new OrgsRepository();
  const usersRepository = new UsersRepository();
  const projectsRepository = new ProjectsRepository();
  const reviewers = new Map<string, Promise<TestUser>>();

  const today = () => clock.now().toISOString().slice(0, 10);

  function dayFromToday(days: number): string {
    return new Date(clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
  }

  async function orgRow(id: string): Promise<OrgRow> {
    const row = await orgsRepository.findById(db, id);
    if (!row) throw new Error(`no org ${id}`);
    return row;
  }

  /**
   * The province's administrators as one actor that is no account: it stands for whoever
   * set the province up, as the CLI's system actor does for the whole tree.
   */
  async function provinceActor(org: OrgRow): Promise<Actor> {
    const province = await orgRow(org.path.split('/').filter(Boolean)[0] ?? '');
    const roles = ['province_admin', 'system_admin', 'host_admin', 'unit_admin'] as const;
    return {
      userId: '00000000-0000-4000-8000-00000000fac7',
      username: 'test-factory',
      displayName: 'test factory',
      sessionId: 'test-factory',
      csrfToken: '',
      mustChangePassword: false,
      grants: roles.map((role) => ({
        role,
        orgId: province.id,
        orgPath: province.path,
        orgName: province.name,
        orgKind: province.kind as OrgKind,
      })),
      permissions: new Set(permissionsOf([...roles])),
      idleExpiresAt: never,
      absoluteExpiresAt: never,
    };
  }

  /** A signed-in actor for a factory account, for calling services without HTTP. */
  async function actorOf(user: Pick<TestUser, 'id'>): Promise<Actor> {
    const row = await usersRepository.findById(db, user.id);
    if (!row) throw new Error(`no user ${user.id}`);
    const grants = await usersRepository.grantsOf(db, row.id);
    return {
      userId: row.id,
      username: row.username,
      displayName: row.displayName,
      sessionId: `test-factory-${row.id}`,
      csrfToken: '',
      mustChangePassword: row.mustChangePassword,
      grants,
      permissions: new Set(permissionsOf(grants.map((g) => g.role))),
      idleExpiresAt: never,
      absoluteExpiresAt: never,
    };
  }

  async function buildOrg(overrides: OrgOverrides): Promise<OrgRow> {
    clock.tick();
    const { parent, kind } = overrides;
    const created = await services.orgs.create(
      await provinceActor(parent),
      {
        parentId: parent.id,
        kind,
        name: overrides.name ?? `测试${kind}${nextSerial()}`,
        ...(kind === 'unit' ? { unitType: overrides.unitType ?? 'hospital' } : {}),
        ...(overrides.regionCode ? { regionCode: overrides.regionCode } : {}),
      },
      ip,
    );
    return orgRow(created.id);
  }

  async function buildOrgTree(overrides: OrgTreeOverrides = {}): Promise<OrgTree> {
    const n = nextSerial();
    const region = overrides.regionCode ?? '990000';
    // The office's name is as long as a real one: certificates print it on one line.
    const names: Record<keyof OrgTree, string> = {
      province: `测试省${n}卫生健康委员会`,
      cmeOffice: '测试省继续医学教育委员会办公室',
      host: `测试省${n}医学会`,
      city: `测试市${n}卫生健康委员会`,
      district: `测试市${n}城区卫生健康局`,
      association: `城区${n}医学会`,
      unit: `城区${n}人民医院`,
      ...overrides.names,
    };
    const province = await orgsRepository.insert(db, {
      parentId: null,
      parentPath: null,
      kind: 'province',
      name: names.province,
      regionCode: region,
    });
    const under = (parent: OrgRow, kind: OrgKind, name: string, regionCode?: string) =>
      buildOrg({ parent, kind, name, ...(regionCode ? { regionCode } : {}) });
    const cmeOffice = await under(province, 'cme_office', names.cmeOffice);
    const host = await under(province, 'host', names.host);
    const city = await under(province, 'city', names.city, `${region.slice(0, 2)}0100`);
    const district = await under(city, 'district', names.district, `${region.slice(0, 2)}0102`);
    const association = await under(district, 'association', names.association);
    const unit = await under(district, 'unit', names.unit);
    return { province, cmeOffice, host, city, district, association, unit };
  }

  /** A new version of the unit's review chain (as a province admin sets it). */
  async function setReviewChain(unit: OrgRow, steps: readonly OrgRow[]): Promise<void> {
    await services.orgs.setReviewChain(
      await provinceActor(unit),
      unit.id,
      steps.map((s) => s.id),
      ip,
    );
  }

  /** The fitting place of a role in a tree (the demo's accounts sit at the same kinds). */
  function defaultOrgOf(role: Exclude<Role, 'learner'>, tree: OrgTree): OrgRow {
    const at: Record<Exclude<Role, 'learner'>, OrgRow> = {
      unit_admin: tree.unit,
      reviewer: tree.city,
      host_admin: tree.host,
      province_admin: tree.province,
      system_admin: tree.province,
    };
    return at[role];
  }

  async function withTestPassword(userId: string): Promise<void> {
    await usersRepository.setPassword(db, userId, await hashOfTestPassword(), clock.now());
  }

  /** An administrator account (created as a province admin would, via the accounts service). */
  async function buildUser(overrides: UserOverrides = {}): Promise<TestUser> {
    clock.tick();
    const role = overrides.role ?? 'unit_admin';
    const org = overrides.org ?? defaultOrgOf(role, await buildOrgTree());
    const n = nextSerial();
    const username = overrides.username ?? `${role.replace('_', '-')}-${n}`;
    const displayName = overrides.displayName ?? `测试${role}${n}`;
    const { user } = await services.accountAdmin.create(
      await provinceActor(org),
      { username, displayName, role, orgId: org.id },
      ip,
    );
    await withTestPassword(user.id);
    return { id: user.id, username, displayName, password: testPassword, role, orgId: org.id };
  }

  /** Gives an existing account one more role (no service does; the accounts page creates). */
  async function grantRole(user: TestUser, role: Role, org: OrgRow): Promise<void> {
    await usersRepository.addRole(db, user.id, role, org.id);
  }

  /** A person registered at a unit (people service), with their learner account. */
  async function buildPerson(overrides: PersonOverrides = {}): Promise<TestPerson> {
    clock.tick();
    const unit = overrides.unit ?? (await buildOrgTree()).unit;
    const idNumber = overrides.idNumber ?? newResidentId();
    const { person, account } = await services.people.create(
      await provinceActor(unit),
      {
        name: overrides.name ?? `测试人员${nextSerial()}`,
        idNumber,
        ...(overrides.phone ? { phone: overrides.phone } : {}),
        profession: overrides.profession ?? 'physician',
        tcm: overrides.tcm ?? false,
        titleGrade: overrides.titleGrade ?? 'intermediate',
        unitId: unit.id,
      },
      ip,
    );
    const userId = (await services.people.findAny(person.id))?.userId;
    if (!userId) throw new Error('registration made no account');
    await withTestPassword(userId);
    return {
      ...person,
      idNumber,
      user: {
        id: userId,
        username: account.username,
        displayName: person.name,
        password: testPassword,
        role: 'learner',
        orgId: unit.id,
      },
    };
  }

  /**
   * A project of a host, through the projects service. Filing must precede the start date
   * and finishing follow the end date; where "today" makes the service refuse a step the
   * project has already taken (filed, or finished in the past), the repository records it.
   */
  async function buildProject(overrides: ProjectOverrides = {}): Promise<Project> {
    const status = overrides.status ?? 'filed';
    const host = overrides.host ?? (await buildOrgTree()).host;
    const actor = await provinceActor(host);
    const past = status === 'finished';
    const startDate = overrides.startDate ?? dayFromToday(past ? -40 : 30);
    const endDate = overrides.endDate ?? dayFromToday(past ? -38 : 32);
    const level = overrides.level ?? 'provincial';
    const n = nextSerial();
    const number =
      overrides.number ??
      `${startDate.slice(0, 4)}-${pad(1 + (n % 97), 2)}-${pad(1 + (Math.floor(n / 97) % 97), 2)}-${pad(n % 10_000, 4)}（${levelMarks[level]}）`;
    clock.tick();
    let project = await services.projects.create(
      actor,
      {
        number,
        name: overrides.name ?? `测试继续医学教育项目${n}`,
        level,
        hostId: host.id,
        startDate,
        endDate,
        place: overrides.place ?? '测试会议中心',
        hours: overrides.hours ?? 12,
        attendeeCredits: overrides.attendeeCredits ?? 2,
        speakerCredits: overrides.speakerCredits ?? 1,
        tcm: overrides.tcm ?? false,
        remote: overrides.remote ?? false,
      },
      ip,
    );
    if (status === 'draft') return project;
    if (status === 'cancelled') return services.projects.cancel(actor, project.id, '测试取消', ip);
    clock.tick();
    if (today() < startDate) project = await services.projects.file(actor, project.id, ip);
    else await forceProjectStatus(project.id, 'draft', { status: 'filed', filedAt: clock.now() });
    if (status === 'finished') {
      clock.tick();
      if (project.status === 'filed' && today() > endDate)
        return services.projects.finish(actor, project.id, { attendeeCount: 0 }, ip);
      await forceProjectStatus(project.id, 'filed', {
        status: 'finished',
        finishedAt: clock.now(),
        attendeeCount: 0,
      });
    }
    return services.projects.get(actor, project.id);
  }

  async function forceProjectStatus(
    id: string,
    from: ProjectStatus,
    patch: Parameters<ProjectsRepository['updateIfStatus']>[3],
  ): Promise<void> {
    if (!(await projectsRepository.updateIfStatus(db, id, from, patch)))
      throw new Error(`project ${id} was not ${from}`);
  }

  /** The role that reviews at an org of this kind, in the chain (unit: its own admin). */
  function reviewingRoleOf(kind: string): Exclude<Role, 'learner'> {
    if (kind === 'unit') return 'unit_admin';
    if (kind === 'province' || kind === 'cme_office') return 'province_admin';
    return 'reviewer';
  }

  /** One reviewer account per reviewing org, made on first need and reused. */
  function reviewerAt(orgId: string): Promise<TestUser> {
    let reviewer = reviewers.get(orgId);
    if (!reviewer) {
      reviewer = orgRow(orgId).then((org) => buildUser({ role: reviewingRoleOf(org.kind), org }));
      reviewers.set(orgId, reviewer);
    }
    return reviewer;
  }

  async function reviewerActorFor(claim: Claim): Promise<Actor> {
    const orgId = claim.currentReviewerOrgId;
    if (!orgId) throw new Error(`claim ${claim.id} waits at nobody (${claim.status})`);
    return actorOf(await reviewerAt(orgId));
  }

  /**
   * A credit claim in any state, walked there through the real lifecycle: created (claims
   * service or intake), submitted into the unit's chain, decided step by step by a reviewer
   * account at each reviewing org, voided by a province admin. Answered as the province's
   * administrators see it (`canAct`, `canEdit`).
   */
  async function buildClaim(overrides: ClaimOverrides = {}): Promise<Claim> {
    const status = overrides.status ?? 'draft';
    const person = overrides.person ?? (await buildPerson());
    const channel = overrides.channel ?? 'self_report';
    const activity = overrides.activity ?? {
      type: 'self_study',
      date: dayFromToday(-1),
      hours: 3,
    };
    const reason = overrides.reason ?? '测试原因';
    const unit = await orgRow(person.unitId);
    const admin = await provinceActor(unit);
    const submit = status !== 'draft';
    clock.tick();

    let claim: Claim;
    if (channel === 'self_report' || channel === 'unit_bulk_entry') {
      const entering =
        channel === 'self_report'
          ? await actorOf(person.user)
          : await actorOf(await reviewerAt(unit.id));
      claim = await services.claims.create(
        entering,
        {
          activity,
          ...(channel === 'unit_bulk_entry' ? { personId: person.id } : {}),
          evidence: [],
          submit,
        },
        ip,
      );
    } else {
      const arrivesEffective = status === 'effective' || status === 'voided';
      const recorded = await db.transaction((tx) =>
        services.intake.record(tx, {
          personId: person.id,
          channel,
          activity,
          initialStatus: arrivesEffective ? 'effective' : submit ? 'submitted' : 'draft',
          actor: { userId: null, username: 'test-factory', ip },
          sourceRef: `test-factory:${String(nextSerial())}`,
        }),
      );
      claim = await services.claims.get(admin, recorded.claimId);
    }

    const decide = async (action: 'approve' | 'return' | 'reject') => {
      clock.tick();
      const reviewer = await reviewerActorFor(claim);
      const body = { version: claim.version, ...(action === 'approve' ? {} : { reason }) };
      if (action === 'approve')
        claim = await services.claimReview.approve(reviewer, claim.id, body, ip);
      else if (action === 'return')
        claim = await services.claimReview.returnClaim(reviewer, claim.id, body, ip);
      else claim = await services.claimReview.reject(reviewer, claim.id, body, ip);
    };

    if (status === 'submitted') {
      for (let i = 0; i < (overrides.approvedSteps ?? 0); i += 1) await decide('approve');
    } else if (status === 'returned' || status === 'rejected') {
      await decide(status === 'returned' ? 'return' : 'reject');
    } else if (status === 'effective' || status === 'voided') {
      while (claim.status === 'submitted') await decide('approve');
    }
    if (status === 'voided') {
      clock.tick();
      await services.auditVoids.voidCredit(admin, claim.id, reason, ip);
      claim = await services.claims.get(admin, claim.id);
    }
    if (claim.status !== status)
      throw new Error(`buildClaim: wanted ${status}, the claim is ${claim.status}`);
    return services.claims.get(admin, claim.id);
  }

  /**
   * A person's certificate of a year, issued as filing the year's audit issues it (the
   * certificates service) but without the audit: the audit tests build that themselves.
   */
  async function buildCertificate(
    overrides: CertificateOverrides = {},
  ): Promise<{ serial: string; personId: string; year: number }> {
    clock.tick();
    const person = overrides.person ?? (await buildPerson());
    const year = overrides.year ?? clock.now().getUTCFullYear() - 1;
    const unit = await orgRow(person.unitId);
    const province = await orgRow(unit.path.split('/').filter(Boolean)[0] ?? '');
    const resolved = defaultPolicyRegistry.resolve({ province: province.regionCode ?? '' }, year);
    if (!resolved.ok) throw new Error(resolved.message);
    const { policy } = resolved;
    const totalCredits = overrides.totalCredits ?? 30;
    const result = await db.transaction((tx) =>
      services.certificates.issueCertificates(tx, {
        provinceId: province.id,
        year,
        people: [
          {
            personId: person.id,
            unitId: unit.id,
            totalCredits,
            classCredits: policy.rules.classes.length > 0 ? { I: 10, II: totalCredits - 10 } : {},
            packs: policy.packs,
            hoursEquivalent: policy.rules.certificate?.hours ?? null,
          },
        ],
      }),
    );
    const [issued] = [...result.issued, ...result.existing];
    if (!issued) throw new Error('no certificate issued');
    return { serial: issued.serial, personId: person.id, year };
  }

  return {
    services,
    actorOf,
    provinceActor,
    buildOrgTree,
    buildOrg,
    setReviewChain,
    buildUser,
    grantRole,
    buildPerson,
    buildProject,
    reviewerAt,
    buildClaim,
    buildCertificate,
  };
}

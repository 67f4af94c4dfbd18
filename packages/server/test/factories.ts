import {
  permissionsOf,
  type OrgKind,
  type Project,
  type ProjectStatus,
  type Role,
} from '@jijiao/contracts';
import { levelMarks } from '@jijiao/domain';
import type { Actor } from '../src/platform/auth/actor';
import type { Clock } from '../src/platform/clock';
import { OrgsRepository, type OrgRow } from '../src/modules/orgs/orgs.repository';
import { ProjectsRepository } from '../src/modules/projects/projects.repository';
import { UsersRepository } from '../src/modules/users/users.repository';
import { buildServices, type Services } from '../src/services';
import { FakeClock } from './build-app';
import { testConfig, testPassword } from './test-config';
import { createClaimFactories } from './factories/claims';
import {
  factoryHasher,
  hashOfTestPassword,
  ip,
  never,
  nextSerial,
  newResidentId,
  pad,
} from './factories/ids';
import type {
  FactoryContext,
  OrgOverrides,
  OrgTree,
  OrgTreeOverrides,
  PersonOverrides,
  ProjectOverrides,
  TestPerson,
  TestUser,
  UserOverrides,
} from './factories/types';

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

export { newResidentId } from './factories/ids';
export type * from './factories/types';

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
      twoFactor: { enrolled: false, required: false },
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
      twoFactor: { enrolled: false, required: false },
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
        ...(overrides.email ? { email: overrides.email } : {}),
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

  const { reviewerAt, buildClaim, buildCertificate } = createClaimFactories({
    db,
    clock,
    services,
    orgRow,
    provinceActor,
    actorOf,
    buildUser,
    buildPerson,
    dayFromToday,
  });

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

import { creditCodeCheckChar, maskResidentId } from '@jijiao/domain';
import type { Database } from '../../platform/db/database';
import type { Tx } from '../../platform/db/database';
import type { PasswordHasher } from '../../platform/auth/password-hasher';
import { IdNumberCipher } from '../../platform/crypto/id-number-cipher';
import type { Config } from '../../platform/config/config';
import { systemClock, type Clock } from '../../platform/clock';
import { buildServices } from '../../services';
import { seedDemoClaims } from './demo-claims';
import { seedDemoAwards } from './demo-awards';
import { seedDemoReviewLevels } from './demo-review-levels';
import { OrgsRepository, type OrgRow } from '../orgs/orgs.repository';
import { UsersRepository } from '../users/users.repository';
import { PeopleRepository, type NewPerson } from '../people/people.repository';
import { createRandom, generateDemoPeople } from './demo-people';
import { demoProjects } from './demo-projects';
import { seedDemoCheckin } from './demo-checkin';
import { seedDemoCalendar } from './demo-calendar';
import { ProjectsRepository } from '../projects/projects.repository';
import { parseProjectNumber } from '@jijiao/domain';
import {
  defaultDemoPassword,
  demoAccounts,
  demoOrgName,
  demoReviewChains,
  demoTree,
  type DemoOrg,
} from './demo-tree';
import { createStandings } from '../standings/standings.service';
import { defaultPolicyRegistry } from '@jijiao/domain';

export interface DemoSeedResult {
  seeded: boolean;
  orgs: number;
  people: number;
  accounts: { username: string; role: string; org: string }[];
  password: string;
  /** The demo kiosk's device token when it was generated (not from JIJIAO_DEMO_DEVICE_TOKEN). */
  deviceToken?: string;
}

const demoSeed = 20_260_101;
const demoPeopleCount = 300;

/** A valid GB 32100 code for a fictitious public institution (登记管理部门 1, 类别 2). */
function demoCreditCode(regionCode: string, serial: number): string {
  const first17 = `12${regionCode}MB${String(serial).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

async function insertTree(
  tx: Tx,
  repo: OrgsRepository,
  node: DemoOrg,
  parent: OrgRow | null,
  byKey: Map<string, OrgRow>,
  serial: { n: number },
): Promise<void> {
  const row = await repo.insert(tx, {
    parentId: parent?.id ?? null,
    parentPath: parent?.path ?? null,
    kind: node.kind,
    unitType: node.unitType ?? null,
    name: node.name,
    regionCode: node.regionCode,
    creditCode: demoCreditCode(node.regionCode, ++serial.n),
  });
  byKey.set(node.key, row);
  for (const child of node.children ?? []) await insertTree(tx, repo, child, row, byKey, serial);
}

function units(node: DemoOrg): DemoOrg[] {
  return [...(node.staffWeight ? [node] : []), ...(node.children ?? []).flatMap(units)];
}

/**
 * Seeds the demo province 演示省 into an empty database, in one transaction: the org tree,
 * 300 people with valid (fictitious) ID numbers, and one account per role. Does nothing
 * when any organisation exists. Deterministic: the same data every time.
 */
export async function seedDemo(
  database: Database,
  config: Config,
  hasher: PasswordHasher,
  clock: Clock = systemClock,
): Promise<DemoSeedResult> {
  const password = config.demo.password ?? defaultDemoPassword;
  const orgsRepo = new OrgsRepository();
  const usersRepo = new UsersRepository();
  const peopleRepo = new PeopleRepository();
  const { db } = database;
  // Already seeded: the banner still names each account's organisation, not its key.
  const accounts = demoAccounts.map((a) => ({
    username: a.username,
    role: a.role,
    org: demoOrgName(a.orgKey) ?? a.orgKey,
  }));
  if ((await orgsRepo.count(db)) > 0)
    return { seeded: false, orgs: 0, people: 0, accounts, password };

  const passwordHash = await hasher.hash(password);
  const cipher = new IdNumberCipher(config.idKeys.encryptionKey, config.idKeys.lookupKey);
  const random = createRandom(demoSeed);
  const unitList = units(demoTree);
  const totalWeight = unitList.reduce((s, u) => s + (u.staffWeight ?? 0), 0);
  const generated = generateDemoPeople(demoPeopleCount, random);

  const result = await db.transaction(async (tx) => {
    const byKey = new Map<string, OrgRow>();
    await insertTree(tx, orgsRepo, demoTree, null, byKey, { n: 0 });
    const orgOf = (key: string): OrgRow => {
      const row = byKey.get(key);
      if (!row) throw new Error(`demo tree has no org ${key}`);
      return row;
    };

    const rows: NewPerson[] = [];
    let offset = 0;
    for (const unit of unitList) {
      const share = Math.round((demoPeopleCount * (unit.staffWeight ?? 0)) / totalWeight);
      for (const person of generated.slice(offset, offset + share)) {
        rows.push({
          name: person.name,
          idNumberCipher: cipher.encrypt(person.idNumber),
          idNumberHash: cipher.lookupHash(person.idNumber),
          idNumberMasked: maskResidentId(person.idNumber),
          sex: person.sex,
          birthDate: person.birthDate,
          phone: person.phone,
          email: person.email,
          profession: person.profession,
          titleGrade: person.titleGrade,
          tcm: unit.tcm === true && person.profession !== 'nurse',
          unitId: orgOf(unit.key).id,
        });
      }
      offset += share;
    }

    const userIds = new Map<string, string>();
    for (const account of demoAccounts) {
      const user = await usersRepo.insert(tx, {
        username: account.username,
        displayName: account.displayName,
        passwordHash,
        // Officers have no person record: their fictitious address is the account's.
        email: `${account.username}@example.com`,
      });
      await usersRepo.addRole(tx, user.id, account.role, orgOf(account.orgKey).id);
      userIds.set(account.username, user.id);
      if (account.role === 'learner') {
        const first = rows.find((r) => r.unitId === orgOf(account.orgKey).id);
        if (first) {
          first.userId = user.id;
          first.name = account.displayName;
        }
      }
    }
    const inserted = await peopleRepo.insertMany(tx, rows);
    const seededAt = clock.now();
    await peopleRepo.openHistory(
      tx,
      inserted.map((p) => ({ personId: p.id, unitId: p.unitId, fromAt: seededAt })),
    );
    const projectRows = await new ProjectsRepository().insert(
      tx,
      demoProjects.map(({ hostKey, status, attendeeCount, ...p }) => {
        const parsed = parseProjectNumber(p.number);
        if (!parsed.ok) throw new Error(`bad demo project number ${p.number}`);
        return {
          ...p,
          year: parsed.value.year,
          discipline: `${parsed.value.discipline}-${parsed.value.subdiscipline}`,
          hostId: orgOf(hostKey).id,
          status,
          attendeeCount,
          filedAt: status === 'draft' ? null : seededAt,
          finishedAt: status === 'finished' ? seededAt : null,
        };
      }),
    );
    for (const [unitKey, chainKeys] of demoReviewChains) {
      await orgsRepo.insertChain(tx, {
        unitId: orgOf(unitKey).id,
        version: 1,
        effectiveFrom: seededAt,
        steps: chainKeys.map((k) => orgOf(k).id),
      });
    }
    const services = buildServices({ config, database, clock, hasher });
    const awarded = projectRows.find((p) => p.status === 'finished');
    const hostUserId = userIds.get('demo-host-admin');
    if (awarded && hostUserId) {
      await seedDemoAwards(tx, services.awards, {
        projectId: awarded.id,
        people: inserted,
        host: { userId: hostUserId, username: 'demo-host-admin' },
      });
    }
    const learner = demoAccounts.find((a) => a.role === 'learner');
    if (learner)
      await seedDemoClaims(tx, services, {
        unitId: orgOf(learner.orgKey).id,
        people: inserted,
        now: seededAt,
      });
    // A claim waiting at every level of the demo's chains, for each level's reviewer (ADR 0023).
    await seedDemoReviewLevels(tx, services, {
      unitIdOf: (key) => orgOf(key).id,
      userIdOf: (username) => userIds.get(username),
      people: inserted,
      now: seededAt,
    });
    const orgRows = [...byKey.values()];
    const kiosk = await seedDemoCheckin(tx, {
      orgOf,
      units: orgRows.filter((o) => o.kind === 'unit'),
      bureaus: orgRows.filter((o) => o.kind === 'district' || o.kind === 'city'),
      people: inserted,
      seededAt,
      deviceToken: config.demo.deviceToken,
      reissueFeeFen: config.cards.reissueFeeFen,
    });
    // Last: the calendar gates entry, and the seed's claims above are of the open year.
    await seedDemoCalendar(
      tx,
      orgOf(demoTree.key).id,
      seededAt,
      userIds.get('demo-province-admin') ?? null,
    );
    return {
      ...(kiosk.generated ? { deviceToken: kiosk.deviceToken } : {}),
      seeded: true,
      orgs: byKey.size,
      people: rows.length,
      accounts: demoAccounts.map((a) => ({
        username: a.username,
        role: a.role,
        org: orgOf(a.orgKey).name,
      })),
      password,
    };
  });
  // Everyone's standing of this year (the seed wrote people in bulk, not one by one).
  const standings = createStandings({ db, clock, policies: defaultPolicyRegistry });
  await standings.prepare();
  await standings.drainAll();
  return result;
}

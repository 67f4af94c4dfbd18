import type {
  CheckinDeviceCreated,
  Project,
  ProjectSession,
  ProjectSessionCreate,
} from '@jijiao/contracts';
import type { OrgRow } from '../../src/modules/orgs/orgs.repository';
import type { Factories } from '../factories';

const ip = '127.0.0.1';
let serial = 0;

/**
 * Check-in data through the services: card holders (a blank card imported at the city and
 * bought by a new person), sessions and kiosks of a project. A project need not be filed:
 * sessions and kiosks may be set up while it is a draft.
 */
export function createCheckinFactories(f: Factories) {
  const { services } = f;

  /** A person of `unit` holding an active card bought at `city`; its number is returned. */
  async function buildCardHolder(o: { unit: OrgRow; city: OrgRow }) {
    serial += 1;
    const number = `T${String(process.pid % 1000).padStart(3, '0')}${String(serial).padStart(6, '0')}`;
    const bureau = await f.actorOf(await f.buildUser({ role: 'reviewer', org: o.city }));
    await services.cards.importBlank(bureau, [number], {
      issuerId: o.city.id,
      dryRun: false,
      rowNumbers: [2],
      ip,
    });
    const person = await f.buildPerson({ unit: o.unit });
    const card = await services.cards.purchase(
      bureau,
      { personId: person.id, issuerId: o.city.id, cardNumber: number },
      ip,
    );
    return { card, number: card.number, person, bureau };
  }

  /** A session of `project` (hosted by `host`), on its first day unless told. */
  async function buildSession(
    project: Project,
    host: OrgRow,
    overrides: Partial<ProjectSessionCreate> = {},
  ): Promise<ProjectSession> {
    const actor = await f.provinceActor(host);
    return services.sessions.create(
      actor,
      project.id,
      {
        date: project.startDate,
        startTime: '08:00',
        endTime: '10:00',
        hours: 2,
        place: '测试报告厅',
        registrationRequired: false,
        ...overrides,
      },
      ip,
    );
  }

  /** A kiosk of `project` (hosted by `host`), with its token. */
  async function buildDevice(project: Project, host: OrgRow): Promise<CheckinDeviceCreated> {
    const actor = await f.provinceActor(host);
    serial += 1;
    return services.sessions.createDevice(actor, project.id, `测试签到机${serial}`, ip);
  }

  return { buildCardHolder, buildSession, buildDevice };
}

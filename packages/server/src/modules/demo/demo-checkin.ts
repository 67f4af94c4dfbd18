import { randomBytes } from 'node:crypto';
import type { Tx } from '../../platform/db/database';
import { chinaDay } from '../../platform/clock';
import type { OrgRow } from '../orgs/orgs.repository';
import type { PersonRow } from '../people/people.repository';
import { systemUserId } from '../orgs/system-actor';
import { ProjectsRepository } from '../projects/projects.repository';
import { CardsRepository } from '../cards/cards.repository';
import { CheckinsRepository } from '../checkins/checkins.repository';
import { hashDeviceToken } from '../checkins/sessions.service';

/** Card numbers of the demo: 9901 and an 8-digit serial. */
export const demoCardNumber = (serial: number) => `9901${String(serial).padStart(8, '0')}`;

/** People per unit left without a card, so that a card officer has someone to order for. */
const withoutCard = 4;
const blankPerBureau = 40;

/**
 * IC cards and check-in for the demo: a card for nearly every demo person (one lost and
 * reissued, for the history), blank stock at each bureau, a pending order, and a filed
 * project whose two sessions are on the seeding day, with one kiosk.
 */
export async function seedDemoCheckin(
  tx: Tx,
  options: {
    orgOf: (key: string) => OrgRow;
    units: readonly OrgRow[];
    bureaus: readonly OrgRow[];
    people: readonly PersonRow[];
    seededAt: Date;
    deviceToken: string | undefined;
    reissueFeeFen: number;
  },
): Promise<{ deviceToken: string; generated: boolean }> {
  const { orgOf, seededAt } = options;
  const cards = new CardsRepository();
  const checkins = new CheckinsRepository();
  let serial = 0;

  const byUnit = new Map<string, PersonRow[]>();
  for (const p of options.people) byUnit.set(p.unitId, [...(byUnit.get(p.unitId) ?? []), p]);
  const withCards = [...byUnit.values()].flatMap((staff) =>
    // The learner account keeps its card: it is sorted first.
    [...staff]
      .sort((a, b) => Number(b.userId !== null) - Number(a.userId !== null))
      .slice(0, -withoutCard),
  );
  const issuerOf = new Map<string, string>();
  for (const unit of options.units) {
    const bureau = await cards.bureauOf(tx, unit.path);
    if (bureau && byUnit.has(unit.id)) issuerOf.set(unit.id, bureau.id);
  }

  // Active cards, bound through an (already fulfilled) order per unit.
  const numbers = withCards.map(() => demoCardNumber(++serial));
  for (const [unitId, issuerId] of issuerOf) {
    const staff = withCards.filter((p) => p.unitId === unitId);
    if (staff.length === 0) continue;
    const orderId = await cards.insertOrder(tx, {
      unitId,
      bureauId: issuerId,
      personIds: staff.map((p) => p.id),
      count: staff.length,
      status: 'fulfilled',
      createdBy: systemUserId,
      createdAt: seededAt,
      fulfilledAt: seededAt,
    });
    const own = staff.map((p) => numbers[withCards.indexOf(p)] ?? '');
    await cards.insertBlank(tx, issuerId, own, seededAt);
    for (const [i, person] of staff.entries()) {
      const card = await cards.findByNumber(tx, own[i] ?? '');
      if (card)
        await cards.bind(tx, card.id, {
          personId: person.id,
          channel: 'order',
          orderId,
          at: seededAt,
        });
    }
  }

  // Blank stock at every bureau.
  for (const bureau of options.bureaus) {
    const stock = Array.from({ length: blankPerBureau }, () => demoCardNumber(++serial));
    await cards.insertBlank(tx, bureau.id, stock, seededAt);
  }

  // One lost card, reissued for the fee: the second card holder of 江南区人民医院.
  const hospital = orgOf('jiangnan-hospital');
  const lostHolder = withCards.filter((p) => p.unitId === hospital.id)[1];
  const hospitalBureau = issuerOf.get(hospital.id);
  if (lostHolder && hospitalBureau) {
    const old = (await cards.cardsOfPerson(tx, lostHolder.id))[0];
    const [fresh] = await cards.takeBlank(tx, hospitalBureau, 1);
    if (old && fresh) {
      await cards.markLost(tx, old.id, seededAt);
      await cards.bind(tx, fresh.id, {
        personId: lostHolder.id,
        channel: 'reissue',
        at: seededAt,
        feeFen: options.reissueFeeFen,
        replacesCardId: old.id,
      });
    }
  }

  // A pending order of 江南区人民医院 for its staff without a card.
  const waiting = (byUnit.get(hospital.id) ?? []).filter((p) => !withCards.includes(p)).slice(0, 2);
  if (waiting.length > 0 && hospitalBureau)
    await cards.insertOrder(tx, {
      unitId: hospital.id,
      bureauId: hospitalBureau,
      personIds: waiting.map((p) => p.id),
      count: waiting.length,
      note: '新入职人员',
      createdBy: systemUserId,
      createdAt: seededAt,
    });

  // A filed project running today (in China), with a morning and an afternoon session and
  // one kiosk: between 16:00 and 24:00 UTC the UTC date is still yesterday there.
  const today = chinaDay(seededAt);
  const year = Number(today.slice(0, 4));
  const [project] = await new ProjectsRepository().insert(tx, [
    {
      number: `${year}-04-08-099（省）`,
      name: '演示签到：全科医学新进展研讨会',
      level: 'provincial',
      year,
      discipline: '04-08',
      hostId: orgOf('medical-association').id,
      startDate: today,
      endDate: today,
      place: '东湖市会展中心 A 厅',
      hours: 6,
      attendeeCredits: 1,
      speakerCredits: 1,
      status: 'filed',
      filedAt: seededAt,
    },
  ]);
  if (!project) throw new Error('no demo check-in project');
  for (const [startTime, endTime] of [
    ['08:30', '11:30'],
    ['14:00', '17:00'],
  ] as const)
    await checkins.insertSession(tx, {
      projectId: project.id,
      date: today,
      startTime,
      endTime,
      hours: 3,
      place: '东湖市会展中心 A 厅',
    });
  await checkins.setRule(tx, project.id, { kind: 'share_of_hours', minShare: 0.5 }, seededAt);
  const deviceToken = options.deviceToken ?? `jjd_${randomBytes(24).toString('base64url')}`;
  await checkins.insertDevice(tx, {
    projectId: project.id,
    name: 'A 厅入口签到机',
    tokenHash: hashDeviceToken(deviceToken),
    tokenHint: deviceToken.slice(-4),
    createdBy: null,
    createdAt: seededAt,
  });
  return { deviceToken, generated: options.deviceToken === undefined };
}

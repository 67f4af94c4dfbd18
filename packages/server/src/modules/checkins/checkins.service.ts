import type { KioskSessions, Swipe, SwipeOutcome } from '@jijiao/contracts';
import { decideSwipe, isCardNumber, maskPersonName, normaliseCardNumber } from '@jijiao/domain';
import type { DeviceActor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { notFound } from '../../platform/auth/policy';
import type { ProjectsService } from '../projects/projects.service';
import { looksLikeCheckinToken, verifyCheckinToken } from './checkin-token';
import type { CheckInInsert, CheckinsRepository, IdentifiedCard } from './checkins.repository';
import { hashDeviceToken, toSession } from './sessions.service';
import { isoOf } from '../../platform/db/iso-time';

interface Deps {
  db: Db;
  clock: Clock;
  qrKey: Buffer;
  repository: CheckinsRepository;
  projects: ProjectsService;
}

/** Identified swipe: who, by what, before the domain's decision. */
interface Identified {
  swipe: Swipe;
  personId: string | null;
  personName: string | null;
  cardId: string | null;
  identity: Parameters<typeof decideSwipe>[0]['identity'];
}

/**
 * The kiosk side of check-in, the hot path. Per request, whatever its size: one lookup of
 * the device (route guard), one of its sessions and the cards together, one of
 * registrations only when a session needs them (one of names only for QR swipes), and one
 * INSERT … ON CONFLICT DO NOTHING. Only when that
 * INSERT skips rows (a resend or a duplicate) does one more lookup tell which.
 */
export class CheckinsService {
  readonly #deps: Deps;

  constructor(deps: Deps) {
    this.#deps = deps;
  }

  async authenticateDevice(token: string): Promise<DeviceActor | null> {
    const row = await this.#deps.repository.deviceByTokenHash(
      this.#deps.db,
      hashDeviceToken(token),
    );
    return row ? { deviceId: row.id, deviceName: row.name, projectId: row.project_id } : null;
  }

  async kioskSessions(device: DeviceActor): Promise<KioskSessions> {
    const project = await this.#deps.projects.findAny(device.projectId);
    if (!project) throw notFound({ what: 'project' });
    const sessions = await this.#deps.repository.sessionsOf(this.#deps.db, device.projectId);
    return {
      device: { id: device.deviceId, name: device.deviceName },
      project: {
        id: project.id,
        number: project.number,
        name: project.name,
        hostName: project.hostName,
      },
      sessions: project.status === 'filed' ? sessions.map(toSession) : [],
    };
  }

  async record(device: DeviceActor, swipes: readonly Swipe[]): Promise<SwipeOutcome[]> {
    const { db, repository } = this.#deps;
    // Only well-formed numbers are looked up: anything else is an unknown card anyway.
    const numbers = swipes.flatMap((s) =>
      s.cardNumber !== undefined && !looksLikeCheckinToken(s.cardNumber)
        ? [normaliseCardNumber(s.cardNumber)].filter(isCardNumber)
        : [],
    );
    const lookup = await repository.lookupSwipes(
      db,
      device.projectId,
      [...new Set(swipes.map((s) => s.sessionId))],
      [...new Set(numbers)],
    );
    const sessions = lookup.sessions;
    const identified = await this.identify(swipes, lookup.cards);
    const needRegistration = identified.filter(
      (i) => sessions.get(i.swipe.sessionId) === true && i.personId !== null,
    );
    const registered = await repository.registered(
      db,
      needRegistration.map((i) => ({ sessionId: i.swipe.sessionId, personId: i.personId ?? '' })),
    );

    const outcomes = new Map<string, SwipeOutcome>();
    const toInsert: CheckInInsert[] = [];
    for (const i of identified) {
      const result = decideSwipe({
        sessionKnown: sessions.has(i.swipe.sessionId),
        identity: i.identity,
        registrationRequired: sessions.get(i.swipe.sessionId) === true,
        registered: registered.has(`${i.swipe.sessionId}|${i.personId ?? ''}`),
      });
      outcomes.set(i.swipe.clientId, {
        clientId: i.swipe.clientId,
        sessionId: i.swipe.sessionId,
        result,
        personNameMasked: i.personName === null ? null : maskPersonName(i.personName),
        checkedInAt: null,
      });
      if (result === 'accepted' && i.personId)
        toInsert.push({
          clientId: i.swipe.clientId,
          sessionId: i.swipe.sessionId,
          personId: i.personId,
          cardId: i.cardId,
          method: i.identity.kind,
          swipedAt: i.swipe.swipedAt,
        });
    }

    const now = this.#deps.clock.now().toISOString();
    const inserted = await repository.insertCheckIns(db, device.deviceId, toInsert, now);
    const insertedIds = new Set(inserted.map((r) => r.client_id));
    for (const r of inserted) {
      const outcome = outcomes.get(r.client_id);
      if (outcome) outcome.checkedInAt = isoOf(r.recorded_at);
    }
    const skipped = toInsert.filter((r) => !insertedIds.has(r.clientId));
    if (skipped.length > 0) {
      const existing = await repository.existingCheckIns(db, device.deviceId, skipped);
      for (const s of skipped) {
        const outcome = outcomes.get(s.clientId);
        if (!outcome) continue;
        const resend = existing.find(
          (e) => e.device_id === device.deviceId && e.client_id === s.clientId,
        );
        const first =
          resend ??
          existing.find((e) => e.session_id === s.sessionId && e.person_id === s.personId);
        // A resend of a recorded swipe answers as the first time did; anything else is a duplicate.
        outcome.result = resend ? 'accepted' : 'already_checked_in';
        outcome.checkedInAt = first ? isoOf(first.recorded_at) : null;
      }
    }
    return swipes.map((s) => {
      const outcome = outcomes.get(s.clientId);
      if (!outcome) throw new Error('swipe without an outcome');
      return outcome;
    });
  }

  /** Cards as looked up; QR tokens verified at the swipe's time, their names in one query. */
  private async identify(
    swipes: readonly Swipe[],
    found: readonly IdentifiedCard[],
  ): Promise<Identified[]> {
    const cards = new Map(found.map((c) => [c.number, c]));
    const qrPeople = new Map<string, string | null>();
    for (const s of swipes) {
      const token =
        s.qrToken ??
        (s.cardNumber && looksLikeCheckinToken(s.cardNumber) ? s.cardNumber : undefined);
      if (token)
        qrPeople.set(s.clientId, verifyCheckinToken(this.#deps.qrKey, token, new Date(s.swipedAt)));
    }
    const names = await this.#deps.repository.peopleNames(this.#deps.db, [
      ...new Set([...qrPeople.values()].filter((p): p is string => p !== null)),
    ]);
    return swipes.map((swipe): Identified => {
      if (qrPeople.has(swipe.clientId)) {
        const personId = qrPeople.get(swipe.clientId) ?? null;
        const name = personId ? (names.get(personId) ?? null) : null;
        return {
          swipe,
          personId: name === null ? null : personId,
          personName: name,
          cardId: null,
          identity: { kind: 'qr', valid: name !== null },
        };
      }
      const card = cards.get(normaliseCardNumber(swipe.cardNumber ?? ''));
      return {
        swipe,
        personId: card?.person_id ?? null,
        personName: card?.person_name ?? null,
        cardId: card?.id ?? null,
        identity: { kind: 'card', status: card?.status ?? null },
      };
    });
  }
}

import type { KioskSessions, Swipe, SwipeOutcome } from '@jijiao/contracts';
import { decideSwipe, isCardNumber, maskPersonName, normaliseCardNumber } from '@jijiao/domain';
import type { DeviceActor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { notFound } from '../../platform/auth/policy';
import type { ProjectsService } from '../projects/projects.service';
import { looksLikeCheckinToken, verifyCheckinToken } from './checkin-token';
import { deviceUnauthorised } from '../../platform/auth/route-guard';
import type { CheckinsRepository } from './checkins.repository';
import { SwipeBatcher, type RequestSwipe, type SwipeBatcherOptions } from './swipe-batcher';
import { hashDeviceToken, toSession } from './sessions.service';
import { isoOf } from '../../platform/db/iso-time';

interface Deps {
  db: Db;
  clock: Clock;
  qrKey: Buffer;
  repository: CheckinsRepository;
  projects: ProjectsService;
  /** How requests share swipe statements; the defaults unless a test says otherwise. */
  swipeBatching?: Partial<SwipeBatcherOptions>;
}

/**
 * Swipe statements running at once in a process; requests arriving meanwhile share the next
 * one (ADR 0043). Two keep a statement always in the database while the other's answers go
 * back; the rest of the pool stays free for everything else.
 */
const swipeStatementsInFlight = 2;
/** Swipes in one shared statement at most: two full offline queues (500 each). */
const swipesPerStatement = 1000;

/**
 * The kiosk side of check-in, the hot path. One statement resolves the device, the
 * sessions, cards and people, inserts the accepted swipes with ON CONFLICT DO NOTHING and
 * finds the rows a skipped swipe met (ADR 0033); requests arriving while statements run
 * share the next one (group commit, ADR 0043).
 */
export class CheckinsService {
  readonly #deps: Deps;
  readonly #batcher: SwipeBatcher;

  constructor(deps: Deps) {
    this.#deps = deps;
    this.#batcher = new SwipeBatcher(
      (swipes) => deps.repository.recordSwipes(deps.db, swipes, deps.clock.now().toISOString()),
      {
        maxInFlight: swipeStatementsInFlight,
        maxSwipes: swipesPerStatement,
        ...deps.swipeBatching,
      },
    );
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

  /**
   * One request's swipes, in one statement (ADR 0033), perhaps shared with other requests
   * (ADR 0043): the device is resolved by its token in the same statement, so a revoked
   * kiosk is refused at its next request. Only when a concurrent statement recorded the
   * same swipe or person between this statement's snapshot and its insert does one more
   * query tell a resend from a duplicate.
   */
  async record(deviceToken: string, swipes: readonly Swipe[]): Promise<SwipeOutcome[]> {
    const facts = await this.#batcher.record(
      hashDeviceToken(deviceToken),
      swipes.map((s, ord) => this.toRecord(s, ord)),
    );
    if (facts.length === 0) throw deviceUnauthorised();

    const outcomes = new Map<string, SwipeOutcome>();
    const raced: { swipe: Swipe; personId: string; outcome: SwipeOutcome }[] = [];
    for (const f of facts) {
      const swipe = swipes[f.ord];
      if (!swipe) throw new Error('a swipe fact without its swipe');
      const result = decideSwipe({
        sessionKnown: f.registration_required !== null,
        identity: isQr(swipe)
          ? { kind: 'qr', valid: f.person_id !== null }
          : { kind: 'card', status: f.card_status },
        registrationRequired: f.registration_required === true,
        registered: f.registered,
      });
      const outcome: SwipeOutcome = {
        clientId: swipe.clientId,
        sessionId: swipe.sessionId,
        result,
        personNameMasked: f.person_name === null ? null : maskPersonName(f.person_name),
        checkedInAt: null,
      };
      outcomes.set(swipe.clientId, outcome);
      // The statement inserts by the same rule; a drift between the two must not pass silently.
      if (f.accepted !== (result === 'accepted' && f.person_id !== null))
        throw new Error(`swipe ${String(f.ord)}: the statement and decideSwipe disagree`);
      if (!f.accepted || f.person_id === null) continue;
      if (f.inserted_at !== null) outcome.checkedInAt = isoOf(f.inserted_at);
      else if (f.resent_at !== null) outcome.checkedInAt = isoOf(f.resent_at);
      else if (f.first_at !== null) {
        // A resend of a recorded swipe answers as the first time did; anything else is a duplicate.
        outcome.result = 'already_checked_in';
        outcome.checkedInAt = isoOf(f.first_at);
      } else raced.push({ swipe, personId: f.person_id, outcome });
    }
    const deviceId = facts[0]?.device_id;
    if (raced.length > 0 && deviceId) await this.settleRaced(deviceId, raced);
    return swipes.map((s) => {
      const outcome = outcomes.get(s.clientId);
      if (!outcome) throw new Error('swipe without an outcome');
      return outcome;
    });
  }

  /** What the statement takes of a swipe: a normalised card number, or a QR token's person. */
  private toRecord(s: Swipe, ord: number): RequestSwipe {
    const base = { ord, client_id: s.clientId, session_id: s.sessionId, swiped_at: s.swipedAt };
    if (isQr(s)) {
      const token = s.qrToken ?? s.cardNumber ?? '';
      const person = verifyCheckinToken(this.#deps.qrKey, token, new Date(s.swipedAt));
      return { ...base, qr: true, card_number: null, qr_person_id: person };
    }
    // Only well-formed numbers are looked up: anything else is an unknown card anyway.
    const number = normaliseCardNumber(s.cardNumber ?? '');
    return {
      ...base,
      qr: false,
      card_number: isCardNumber(number) ? number : null,
      qr_person_id: null,
    };
  }
  /**
   * Swipes the insert skipped for a row this statement could not see yet (a concurrent
   * request committed it after the snapshot): the row there first, read once it is.
   */
  private async settleRaced(
    deviceId: string,
    raced: readonly { swipe: Swipe; personId: string; outcome: SwipeOutcome }[],
  ): Promise<void> {
    const existing = await this.#deps.repository.existingCheckIns(
      this.#deps.db,
      deviceId,
      raced.map((r) => ({
        clientId: r.swipe.clientId,
        sessionId: r.swipe.sessionId,
        personId: r.personId,
      })),
    );
    for (const { swipe, personId, outcome } of raced) {
      const resend = existing.find(
        (e) => e.device_id === deviceId && e.client_id === swipe.clientId,
      );
      const first =
        resend ??
        existing.find((e) => e.session_id === swipe.sessionId && e.person_id === personId);
      outcome.result = resend ? 'accepted' : 'already_checked_in';
      outcome.checkedInAt = first ? isoOf(first.recorded_at) : null;
    }
  }
}

/** A QR token, given as such or typed by a scanner into the card field. */
function isQr(s: Swipe): boolean {
  return (
    s.qrToken !== undefined || (s.cardNumber !== undefined && looksLikeCheckinToken(s.cardNumber))
  );
}

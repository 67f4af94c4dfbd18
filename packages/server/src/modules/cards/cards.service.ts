import type {
  AuditAction,
  Card,
  CardList,
  CardListQuery,
  CardPurchase,
  CardReissue,
  CheckinToken,
} from '@jijiao/contracts';
import { checkCardAction, type CardActionProblem } from '@jijiao/domain';
import type { Actor } from '../../platform/auth/actor';
import { notFound, visibleOr404 } from '../../platform/auth/policy';
import type { Clock } from '../../platform/clock';
import type { Config } from '../../platform/config/config';
import type { Db, DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import type { ImportCounts } from '../../platform/excel';
import {
  actorEvent,
  type AuditDetails,
  type AuditLogService,
} from '../audit-log/audit-log.service';
import type { OrgsService } from '../orgs/orgs.service';
import type { PeopleService } from '../people/people.service';
import type { PersonView } from '../people/people.service';
import { signCheckinToken } from '../checkins/checkin-token';
import {
  canIssueCardsFrom,
  canReissueCard,
  canSeeCard,
  canSeeCardsOf,
  canSellCardTo,
  cardScopes,
} from './cards.policy';
import type { CardsRepository, CardView } from './cards.repository';
import { toCard } from './card-view';

export interface CardsDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'cards' | 'checkin'>;
  repository: CardsRepository;
  people: PeopleService;
  orgs: OrgsService;
  auditLog: AuditLogService;
}

const problemMessages: Readonly<Record<CardActionProblem, string>> = {
  wrong_status: 'not allowed in the card’s current status',
  has_active_card: 'the person already has an active card',
};

/** IC cards: stock, binding, loss, reissue, history. Orders: card-orders.service.ts. */
export class CardsService {
  readonly #deps: CardsDeps;

  constructor(deps: CardsDeps) {
    this.#deps = deps;
  }

  private async findCard(actor: Actor, id: string, db: DbOrTx = this.#deps.db): Promise<CardView> {
    return visibleOr404(await this.#deps.repository.findView(db, id), canSeeCard, actor, {
      what: 'card',
      details: { id },
    });
  }

  async get(actor: Actor, id: string): Promise<Card> {
    return toCard(await this.findCard(actor, id));
  }

  async list(actor: Actor, query: CardListQuery): Promise<CardList> {
    const rows = await this.#deps.repository.page(this.#deps.db, {
      ...cardScopes(actor),
      status: query.status,
      numberPrefix: query.number?.toUpperCase(),
      name: query.name,
      issuerId: query.issuerId,
      afterNumber: query.after ? Buffer.from(query.after, 'base64url').toString('utf8') : undefined,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toCard),
      nextCursor:
        rows.length > query.limit && last ? Buffer.from(last.number).toString('base64url') : null,
    };
  }

  async *iterateCards(actor: Actor, query: Omit<CardListQuery, 'after' | 'limit'>) {
    let after: string | undefined;
    do {
      const page = await this.list(actor, { ...query, limit: 500, ...(after ? { after } : {}) });
      yield* page.items;
      after = page.nextCursor ?? undefined;
    } while (after);
  }

  /** A person's cards, newest first: the card history. */
  async personCards(actor: Actor, personId: string): Promise<Card[]> {
    visibleOr404(await this.#deps.people.findAny(personId), canSeeCardsOf, actor, {
      what: 'person',
      details: { id: personId },
    });
    return (await this.#deps.repository.cardsOfPerson(this.#deps.db, personId)).map(toCard);
  }

  /** The signed-in learner's person record, else 404. */
  async ownPerson(actor: Actor): Promise<PersonView> {
    const person = await this.#deps.people.findByUserId(actor.userId);
    if (!person) throw new AppError('not_found', 'No health professional record for this account');
    return person;
  }

  async myCards(actor: Actor): Promise<Card[]> {
    return this.personCards(actor, (await this.ownPerson(actor)).id);
  }

  /** A short-lived signed token for the learner's QR code, scanned at kiosks instead of a card. */
  async checkinToken(actor: Actor): Promise<CheckinToken> {
    const person = await this.ownPerson(actor);
    const { qrKey, qrTokenSeconds } = this.#deps.config.checkin;
    const expiresAt = new Date(this.#deps.clock.now().getTime() + qrTokenSeconds * 1000);
    return {
      token: signCheckinToken(qrKey, person.id, expiresAt),
      expiresAt: expiresAt.toISOString(),
      refreshAfterSeconds: Math.floor(qrTokenSeconds / 2),
    };
  }

  /** The bureau an actor issues from: the given one (in scope, of the right kind) or their own. */
  async issuerFor(
    actor: Actor,
    issuerId: string | undefined,
    kinds: readonly string[],
  ): Promise<{ id: string; path: string; name: string }> {
    const candidates = issuerId
      ? [issuerId]
      : actor.grants
          .filter((g) => canIssueCardsFrom(actor, { path: g.orgPath }))
          .map((g) => g.orgId);
    for (const id of candidates) {
      const org = await this.#deps.orgs.findInScope(actor, id, 'org:read').catch(() => undefined);
      if (org && canIssueCardsFrom(actor, org) && kinds.includes(org.kind)) return org;
    }
    throw new AppError(
      'validation_failed',
      `issuerId: choose a ${kinds.join(' or ')} bureau in your scope`,
      undefined,
      [{ path: 'issuerId', message: `not a ${kinds.join('/')} bureau in your scope` }],
    );
  }

  /** Blank numbers arriving at a bureau: all or none; a number ever used is refused. */
  async importBlank(
    actor: Actor,
    numbers: readonly string[],
    options: {
      issuerId?: string | undefined;
      dryRun: boolean;
      rowNumbers: readonly number[];
      ip?: string;
    },
  ): Promise<ImportCounts> {
    const issuer = await this.issuerFor(actor, options.issuerId, ['district', 'city']);
    const existing = await this.#deps.repository.existingNumbers(this.#deps.db, numbers);
    if (existing.size > 0) {
      throw new AppError('import_invalid', 'Some card numbers exist already', {
        issues: numbers.flatMap((n, i) =>
          existing.has(n)
            ? [
                {
                  row: options.rowNumbers[i] ?? i + 2,
                  column: '卡号',
                  message: '卡号已存在（卡号不可重复使用）',
                },
              ]
            : [],
        ),
      });
    }
    if (!options.dryRun) {
      await this.#deps.db.transaction(async (tx) => {
        await this.#deps.repository.insertBlank(tx, issuer.id, numbers, this.#deps.clock.now());
        await this.#deps.auditLog.record(
          actorEvent(actor, 'cards.imported', options.ip ?? '', {
            targetType: 'org',
            targetId: issuer.id,
            orgPath: issuer.path,
            details: { count: numbers.length },
          }),
          tx,
        );
      });
    }
    return { created: numbers.length, updated: 0, unchanged: 0 };
  }

  /**
   * Binds a blank card of `issuerId`'s stock to a person inside the caller's transaction:
   * the given number, or the next one in stock. Used by purchases, reissues and orders.
   */
  async bindFromStock(
    tx: DbOrTx,
    b: {
      issuerId: string;
      cardNumber?: string | undefined;
      personId: string;
      channel: 'order' | 'purchase' | 'reissue';
      orderId?: string;
      feeFen?: number;
      replacesCardId?: string;
      field?: string;
    },
  ): Promise<string> {
    const field = b.field ?? 'cardNumber';
    let card: { id: string; number: string } | undefined;
    if (b.cardNumber) {
      const found = await this.#deps.repository.findByNumber(tx, b.cardNumber);
      if (!found || found.issuer_id !== b.issuerId)
        throw new AppError('validation_failed', `${field}: not in the bureau’s stock`, undefined, [
          { path: field, message: '该卡号不在本局库存中' },
        ]);
      const problem = checkCardAction(found.status, 'bind', false);
      if (problem)
        throw new AppError(
          'invalid_state',
          `${field}: card ${found.number} is ${found.status}; a card number is never reused`,
          { status: found.status, problem },
          [{ path: field, message: '该卡号已使用过，不可重复使用' }],
        );
      card = found;
    } else {
      card = (await this.#deps.repository.takeBlank(tx, b.issuerId, 1))[0];
      if (!card)
        throw new AppError('invalid_state', 'The bureau has no blank cards in stock', {
          problem: 'no_stock',
          issuerId: b.issuerId,
        });
    }
    const bound = await this.#deps.repository.bind(tx, card.id, {
      personId: b.personId,
      channel: b.channel,
      orderId: b.orderId ?? null,
      at: this.#deps.clock.now(),
      feeFen: b.feeFen ?? null,
      replacesCardId: b.replacesCardId ?? null,
    });
    if (!bound)
      throw new AppError('invalid_state', `${field}: the card changed meanwhile; try again`, {
        problem: 'wrong_status',
      });
    return card.id;
  }

  private async assertNoActiveCard(tx: DbOrTx, personId: string): Promise<void> {
    const active = await this.#deps.repository.hasActiveCard(tx, [personId]);
    if (active.has(personId))
      throw new AppError(
        'invalid_state',
        `personId: ${problemMessages.has_active_card}`,
        {
          problem: 'has_active_card',
        },
        [{ path: 'personId', message: '此人已有在用的学分卡' }],
      );
  }

  /** A person buys a card directly from the city bureau. */
  async purchase(actor: Actor, input: CardPurchase, ip: string): Promise<Card> {
    const issuer = await this.issuerFor(actor, input.issuerId, ['city']);
    const person = visibleOr404(
      await this.#deps.people.findAny(input.personId),
      canSellCardTo,
      issuer,
      {
        what: 'person in the bureau’s city',
        issues: [{ path: 'personId', message: 'no such person in this city' }],
      },
    );
    const id = await this.#deps.db.transaction(async (tx) => {
      await this.assertNoActiveCard(tx, person.id);
      const cardId = await this.bindFromStock(tx, {
        issuerId: issuer.id,
        cardNumber: input.cardNumber,
        personId: person.id,
        channel: 'purchase',
      });
      await this.audit(tx, actor, 'card.purchased', cardId, person.unitPath, ip);
      return cardId;
    });
    return this.get(actor, id);
  }

  /** Loss report (挂失): by the holder or their card officer; the card stops at once. */
  async reportLoss(actor: Actor, id: string, ip: string): Promise<Card> {
    const card = await this.findCard(actor, id);
    const problem = checkCardAction(card.status, 'report_loss', false);
    if (problem)
      throw new AppError('invalid_state', `report loss: ${problemMessages[problem]}`, {
        status: card.status,
        problem,
      });
    await this.#deps.db.transaction(async (tx) => {
      if (!(await this.#deps.repository.markLost(tx, card.id, this.#deps.clock.now())))
        throw new AppError('invalid_state', 'report loss: the card changed meanwhile', {
          problem: 'wrong_status',
        });
      await this.audit(tx, actor, 'card.lost', card.id, card.unit_path ?? card.issuer_path, ip);
    });
    return this.get(actor, id);
  }

  /** Reissue (补办) of a lost card: a new number from the same bureau, the fee recorded. */
  async reissue(actor: Actor, id: string, input: CardReissue, ip: string): Promise<Card> {
    const card = await this.findCard(actor, id);
    const personId = card.person_id;
    if (personId === null || !canReissueCard(actor, card))
      throw notFound({ what: 'card', details: { id } });
    const newId = await this.#deps.db.transaction(async (tx) => {
      const active = await this.#deps.repository.hasActiveCard(tx, [personId]);
      const problem =
        card.replaced_by_number !== null
          ? 'wrong_status'
          : checkCardAction(card.status, 'reissue', active.has(personId));
      if (problem)
        throw new AppError('invalid_state', `reissue: ${problemMessages[problem]}`, {
          status: card.status,
          problem,
        });
      const cardId = await this.bindFromStock(tx, {
        issuerId: card.issuer_id,
        cardNumber: input.cardNumber,
        personId,
        channel: 'reissue',
        feeFen: this.#deps.config.cards.reissueFeeFen,
        replacesCardId: card.id,
      });
      await this.audit(tx, actor, 'card.reissued', cardId, card.unit_path ?? '', ip, {
        replaces: card.number,
        feeFen: this.#deps.config.cards.reissueFeeFen,
      });
      return cardId;
    });
    return this.get(actor, newId);
  }

  async audit(
    tx: DbOrTx,
    actor: Actor,
    action: Extract<AuditAction, `card.${string}`>,
    cardId: string,
    orgPath: string,
    ip: string,
    details: AuditDetails = {},
  ): Promise<void> {
    await this.#deps.auditLog.record(
      actorEvent(actor, action, ip, { targetType: 'card', targetId: cardId, orgPath, details }),
      tx,
    );
  }
}

import type {
  CardOrder,
  CardOrderCreate,
  CardOrderFulfil,
  CardOrderList,
  CardOrderListQuery,
} from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { visibleOr404 } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors/app-error';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';
import { actorEvent } from '../audit-log/audit-log.service';
import { canOrderCardsFor, cardOrderPolicy, cardOrderScopes } from './cards.policy';
import type { OrderView } from './cards.repository';
import type { CardsDeps, CardsService } from './cards.service';
import { isoOf } from '../../platform/db/iso-time';
import { toCardOrder } from './card-view';

/**
 * A unit's card order: its card officer names the staff, the district bureau fulfils it by
 * binding one blank number of its stock to each of them (given, or the next in stock).
 */
export class CardOrdersService {
  readonly #deps: CardsDeps;
  readonly #cards: CardsService;

  constructor(deps: CardsDeps, cards: CardsService) {
    this.#deps = deps;
    this.#cards = cards;
  }

  private async findOrder(actor: Actor, id: string, permission: 'card:manage' | 'card:issue') {
    return visibleOr404(
      await this.#deps.repository.findOrder(this.#deps.db, id),
      cardOrderPolicy[permission],
      actor,
      { what: 'card order', details: { id } },
    );
  }

  async list(actor: Actor, query: CardOrderListQuery): Promise<CardOrderList> {
    const after = query.after ? decodeCursor(query.after, 2) : undefined;
    const rows = await this.#deps.repository.pageOrders(this.#deps.db, {
      ...cardOrderScopes(actor),
      status: query.status,
      after: after ? { createdAt: String(after[0]), id: String(after[1]) } : undefined,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toCardOrder),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor([isoOf(last.created_at) ?? '', last.id])
          : null,
    };
  }

  async create(actor: Actor, input: CardOrderCreate, ip: string): Promise<CardOrder> {
    const unit = visibleOr404(
      await this.#deps.orgs.findInScope(actor, input.unitId, 'org:read').catch(() => undefined),
      canOrderCardsFor,
      actor,
      { what: 'unit', issues: [{ path: 'unitId', message: 'no such unit in your scope' }] },
    );
    const bureau = await this.#deps.repository.bureauOf(this.#deps.db, unit.path);
    if (!bureau)
      throw new AppError(
        'validation_failed',
        'unitId: the unit has no district or city bureau',
        undefined,
        [{ path: 'unitId', message: 'no bureau above this unit' }],
      );
    for (const [i, personId] of input.personIds.entries()) {
      const person = await this.#deps.people.findAny(personId);
      if (person?.unitId !== unit.id)
        throw new AppError(
          'validation_failed',
          `personIds.${i}: not on this unit’s staff`,
          undefined,
          [{ path: `personIds.${i}`, message: 'not on this unit’s staff' }],
        );
    }
    const active = await this.#deps.repository.hasActiveCard(this.#deps.db, input.personIds);
    const withCard = input.personIds.findIndex((id) => active.has(id));
    if (withCard >= 0)
      throw new AppError(
        'invalid_state',
        `personIds.${withCard}: already has an active card`,
        {
          problem: 'has_active_card',
        },
        [{ path: `personIds.${withCard}`, message: '此人已有在用的学分卡' }],
      );
    const id = await this.#deps.db.transaction(async (tx) => {
      const orderId = await this.#deps.repository.insertOrder(tx, {
        unitId: unit.id,
        bureauId: bureau.id,
        personIds: input.personIds,
        count: input.personIds.length,
        note: input.note ?? null,
        createdBy: actor.userId,
        createdAt: this.#deps.clock.now(),
      });
      await this.#deps.auditLog.record(
        actorEvent(actor, 'card_order.created', ip, {
          targetType: 'card_order',
          targetId: orderId,
          orgPath: unit.path,
          details: { count: input.personIds.length },
        }),
        tx,
      );
      return orderId;
    });
    return this.view(id);
  }

  /** Binds one card per person of the order, all in one transaction, and closes the order. */
  async fulfil(actor: Actor, id: string, input: CardOrderFulfil, ip: string): Promise<CardOrder> {
    const order = await this.findOrder(actor, id, 'card:issue');
    if (order.status !== 'pending')
      throw new AppError('invalid_state', `fulfil: the order is ${order.status}`, {
        status: order.status,
        problem: 'wrong_status',
      });
    const numbers = this.numbersFor(order, input);
    await this.#deps.db.transaction(async (tx) => {
      const locked = await this.#deps.repository.findOrder(tx, id, true);
      if (locked?.status !== 'pending')
        throw new AppError('invalid_state', 'fulfil: the order changed meanwhile', {
          problem: 'wrong_status',
        });
      const active = await this.#deps.repository.hasActiveCard(tx, order.person_ids);
      for (const [i, personId] of order.person_ids.entries()) {
        if (active.has(personId)) continue; // got a card meanwhile (a purchase): nothing to bind
        await this.#cards.bindFromStock(tx, {
          issuerId: order.bureau_id,
          cardNumber: numbers[i],
          personId,
          channel: 'order',
          orderId: order.id,
          field: `bindings.${i}.cardNumber`,
        });
      }
      await this.#deps.repository.setOrderStatus(
        tx,
        id,
        'pending',
        'fulfilled',
        this.#deps.clock.now(),
      );
      await this.#deps.auditLog.record(
        actorEvent(actor, 'card_order.fulfilled', ip, {
          targetType: 'card_order',
          targetId: id,
          orgPath: order.unit_path,
        }),
        tx,
      );
    });
    return this.view(id);
  }

  /** The card number for each person of the order, in order; undefined: next in stock. */
  private numbersFor(order: OrderView, input: CardOrderFulfil): (string | undefined)[] {
    if (!input.bindings) return order.person_ids.map(() => undefined);
    const byPerson = new Map(input.bindings.map((b) => [b.personId, b.cardNumber]));
    const stray = input.bindings.findIndex((b) => !order.person_ids.includes(b.personId));
    if (stray >= 0 || byPerson.size !== input.bindings.length)
      throw new AppError(
        'validation_failed',
        `bindings.${Math.max(stray, 0)}.personId: not in this order, or twice`,
        undefined,
        [
          {
            path: `bindings.${Math.max(stray, 0)}.personId`,
            message: 'not in this order, or twice',
          },
        ],
      );
    return order.person_ids.map((p) => byPerson.get(p));
  }

  async cancel(actor: Actor, id: string, ip: string): Promise<CardOrder> {
    const order = await this.findOrder(actor, id, 'card:manage');
    await this.#deps.db.transaction(async (tx) => {
      if (!(await this.#deps.repository.setOrderStatus(tx, id, 'pending', 'cancelled', null)))
        throw new AppError('invalid_state', `cancel: the order is ${order.status}`, {
          status: order.status,
          problem: 'wrong_status',
        });
      await this.#deps.auditLog.record(
        actorEvent(actor, 'card_order.cancelled', ip, {
          targetType: 'card_order',
          targetId: id,
          orgPath: order.unit_path,
        }),
        tx,
      );
    });
    return this.view(id);
  }

  private async view(id: string): Promise<CardOrder> {
    const order = await this.#deps.repository.findOrder(this.#deps.db, id);
    if (!order) throw new Error('order vanished');
    return toCardOrder(order);
  }
}

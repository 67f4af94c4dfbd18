import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/database';
import { cardOrders, cards } from '../../platform/db/tables/cards';

export type NewCardOrder = typeof cardOrders.$inferInsert;

/** A card with its issuer, holder and the cards it replaced / was replaced by. */
export interface CardView {
  id: string;
  number: string;
  status: 'blank' | 'active' | 'lost';
  issuer_id: string;
  issuer_name: string;
  issuer_path: string;
  person_id: string | null;
  person_name: string | null;
  person_user_id: string | null;
  id_number_masked: string | null;
  unit_id: string | null;
  unit_name: string | null;
  unit_path: string | null;
  channel: 'order' | 'purchase' | 'reissue' | null;
  order_id: string | null;
  bound_at: Date | string | null;
  lost_at: Date | string | null;
  fee_fen: number | null;
  replaces_number: string | null;
  replaced_by_number: string | null;
}

export interface OrderView {
  id: string;
  unit_id: string;
  unit_name: string;
  unit_path: string;
  bureau_id: string;
  bureau_name: string;
  bureau_path: string;
  person_ids: string[];
  count: number;
  status: 'pending' | 'fulfilled' | 'cancelled';
  note: string | null;
  created_at: Date | string;
  fulfilled_at: Date | string | null;
}

export interface CardFilter {
  /** Subtrees where the holder's unit may lie. */
  holderScope: readonly string[];
  /** Subtrees where the issuing bureau may lie (blank stock included). */
  issuerScope: readonly string[];
  status?: string | undefined;
  numberPrefix?: string | undefined;
  name?: string | undefined;
  issuerId?: string | undefined;
  afterNumber?: string | undefined;
  limit: number;
}

const cardView = sql`
  select c.id, c.number, c.status, c.issuer_id, i.name as issuer_name, i.path as issuer_path,
    c.person_id, p.name as person_name, p.user_id as person_user_id, p.id_number_masked,
    p.unit_id, u.name as unit_name, u.path as unit_path,
    c.channel, c.order_id, c.bound_at, c.lost_at, c.fee_fen,
    r.number as replaces_number,
    (select n.number from cards n where n.replaces_card_id = c.id limit 1) as replaced_by_number
  from cards c
  join orgs i on i.id = c.issuer_id
  left join people p on p.id = c.person_id
  left join orgs u on u.id = p.unit_id
  left join cards r on r.id = c.replaces_card_id`;

const orderView = sql`
  select o.id, o.unit_id, u.name as unit_name, u.path as unit_path,
    o.bureau_id, b.name as bureau_name, b.path as bureau_path,
    o.person_ids, o.count, o.status, o.note, o.created_at, o.fulfilled_at
  from card_orders o
  join orgs u on u.id = o.unit_id
  join orgs b on b.id = o.bureau_id`;

function within(column: SQL, scope: readonly string[]): SQL {
  if (scope.length === 0) return sql`false`;
  return sql.join(
    scope.map((root) => sql`${column} like ${`${root}%`}`),
    sql` or `,
  );
}

/** Array parameters differ between the two drivers: a list travels as one JSON parameter. */
function uuidList(ids: readonly string[]): SQL {
  return sql`(select x::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) x)`;
}

function textList(values: readonly string[]): SQL {
  return sql`(select x from jsonb_array_elements_text(${JSON.stringify(values)}::jsonb) x)`;
}

export class CardsRepository {
  async findView(db: DbOrTx, id: string): Promise<CardView | undefined> {
    const rows = await queryRows<CardView>(db, sql`${cardView} where c.id = ${id}`);
    return rows[0];
  }

  async findByNumber(db: DbOrTx, number: string): Promise<CardView | undefined> {
    const rows = await queryRows<CardView>(db, sql`${cardView} where c.number = ${number}`);
    return rows[0];
  }

  async cardsOfPerson(db: DbOrTx, personId: string): Promise<CardView[]> {
    return queryRows<CardView>(
      db,
      sql`${cardView} where c.person_id = ${personId} order by c.bound_at desc nulls last, (c.replaces_card_id is not null) desc, c.number desc`,
    );
  }

  async page(db: DbOrTx, f: CardFilter): Promise<CardView[]> {
    const conditions: SQL[] = [
      sql`((${within(sql`u.path`, f.holderScope)}) or (${within(sql`i.path`, f.issuerScope)}))`,
    ];
    if (f.status) conditions.push(sql`c.status = ${f.status}`);
    if (f.numberPrefix) conditions.push(sql`c.number like ${`${f.numberPrefix}%`}`);
    if (f.name) conditions.push(sql`p.name like ${`%${f.name.replace(/[\\%_]/g, '\\$&')}%`}`);
    if (f.issuerId) conditions.push(sql`c.issuer_id = ${f.issuerId}`);
    if (f.afterNumber) conditions.push(sql`c.number > ${f.afterNumber}`);
    return queryRows<CardView>(
      db,
      sql`${cardView} where ${sql.join(conditions, sql` and `)} order by c.number limit ${f.limit}`,
    );
  }

  async existingNumbers(db: DbOrTx, numbers: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < numbers.length; i += 5000) {
      const rows = await queryRows<{ number: string }>(
        db,
        sql`select number from cards where number in ${textList(numbers.slice(i, i + 5000))}`,
      );
      for (const r of rows) found.add(r.number);
    }
    return found;
  }

  async insertBlank(db: DbOrTx, issuerId: string, numbers: readonly string[], at: Date) {
    for (let i = 0; i < numbers.length; i += 1000) {
      await db.insert(cards).values(
        numbers.slice(i, i + 1000).map((number) => ({
          number,
          issuerId,
          status: 'blank',
          createdAt: at,
        })),
      );
    }
  }

  /** The next blank numbers of a bureau's stock, locked for this transaction. */
  async takeBlank(db: DbOrTx, issuerId: string, count: number) {
    return queryRows<{ id: string; number: string }>(
      db,
      sql`select id, number from cards where issuer_id = ${issuerId} and status = 'blank'
          order by number limit ${count} for update skip locked`,
    );
  }

  async hasActiveCard(db: DbOrTx, personIds: readonly string[]): Promise<Set<string>> {
    const rows = await queryRows<{ person_id: string }>(
      db,
      sql`select person_id from cards where status = 'active' and person_id in ${uuidList(personIds)}`,
    );
    return new Set(rows.map((r) => r.person_id));
  }

  /** Binds a blank card; false when it is no longer blank (a race, or a used number). */
  async bind(
    db: DbOrTx,
    cardId: string,
    b: {
      personId: string;
      channel: 'order' | 'purchase' | 'reissue';
      orderId?: string | null;
      at: Date;
      feeFen?: number | null;
      replacesCardId?: string | null;
    },
  ): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`update cards set status = 'active', person_id = ${b.personId}, channel = ${b.channel},
            order_id = ${b.orderId ?? null}, bound_at = ${b.at.toISOString()}, fee_fen = ${b.feeFen ?? null},
            replaces_card_id = ${b.replacesCardId ?? null}
          where id = ${cardId} and status = 'blank' returning id`,
    );
    return rows.length === 1;
  }

  async markLost(db: DbOrTx, cardId: string, at: Date): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`update cards set status = 'lost', lost_at = ${at.toISOString()}
          where id = ${cardId} and status = 'active' returning id`,
    );
    return rows.length === 1;
  }

  /** The district bureau above a unit, else its city bureau. */
  async bureauOf(
    db: DbOrTx,
    unitPath: string,
    kinds: readonly ('district' | 'city')[] = ['district', 'city'],
  ): Promise<{ id: string; name: string; path: string; kind: string } | undefined> {
    const rows = await queryRows<{ id: string; name: string; path: string; kind: string }>(
      db,
      sql`select id, name, path, kind from orgs
          where ${unitPath} like path || '%' and kind in ${textList(kinds)}
          order by depth desc limit 1`,
    );
    return rows[0];
  }

  async insertOrder(db: DbOrTx, order: NewCardOrder): Promise<string> {
    const [row] = await db.insert(cardOrders).values(order).returning({ id: cardOrders.id });
    if (!row) throw new Error('no order created');
    return row.id;
  }

  async findOrder(db: DbOrTx, id: string, lock = false): Promise<OrderView | undefined> {
    const rows = await queryRows<OrderView>(
      db,
      sql`${orderView} where o.id = ${id}${lock ? sql` for update of o` : sql``}`,
    );
    return rows[0];
  }

  async pageOrders(
    db: DbOrTx,
    f: {
      unitScope: readonly string[];
      bureauScope: readonly string[];
      status?: string | undefined;
      after?: { createdAt: string; id: string } | undefined;
      limit: number;
    },
  ): Promise<OrderView[]> {
    const conditions: SQL[] = [
      sql`((${within(sql`u.path`, f.unitScope)}) or (${within(sql`b.path`, f.bureauScope)}))`,
    ];
    if (f.status) conditions.push(sql`o.status = ${f.status}`);
    if (f.after)
      conditions.push(
        sql`(o.created_at, o.id) < (${f.after.createdAt}::timestamptz, ${f.after.id}::uuid)`,
      );
    return queryRows<OrderView>(
      db,
      sql`${orderView} where ${sql.join(conditions, sql` and `)}
          order by o.created_at desc, o.id desc limit ${f.limit}`,
    );
  }

  async setOrderStatus(
    db: DbOrTx,
    id: string,
    from: string,
    to: string,
    fulfilledAt: Date | null,
  ): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`update card_orders set status = ${to}, fulfilled_at = ${fulfilledAt?.toISOString() ?? null}
          where id = ${id} and status = ${from} returning id`,
    );
    return rows.length === 1;
  }
}

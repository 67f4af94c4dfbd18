import { cardOrderStatuses, type CardOrderStatus } from '@jijiao/contracts';
import { listCardOrders } from '../../../api';

/** At most this many orders are counted per status; more reads as "500+". */
const countLimit = 500;

export interface CardOrderCount {
  status: CardOrderStatus;
  count: number;
  /** There are more than `count`. */
  more: boolean;
}

/** The unit's card orders per status, counted from the orders list (one page each). */
export async function countCardOrders(): Promise<CardOrderCount[]> {
  return Promise.all(
    cardOrderStatuses.map(async (status) => {
      const page = await listCardOrders({ status, limit: countLimit });
      return { status, count: page.items.length, more: page.nextCursor !== null };
    }),
  );
}

export const formatCount = (c: CardOrderCount | undefined): string =>
  c === undefined ? '0' : `${String(c.count)}${c.more ? '+' : ''}`;

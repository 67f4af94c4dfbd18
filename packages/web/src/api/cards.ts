import {
  cardListSchema,
  cardOrderListSchema,
  cardOrderSchema,
  cardSchema,
  type Card,
  type CardList,
  type CardListQuery,
  type CardOrder,
  type CardOrderCreate,
  type CardOrderList,
  type CardOrderListQuery,
  type CardPurchase,
  type ImportReport,
} from '@jijiao/contracts';
import { request } from './client';
import { downloadFile, uploadImport } from './imports';

const cardPath = (id: string) => `/api/v1/cards/${encodeURIComponent(id)}`;
const orderPath = (id: string) => `/api/v1/card-orders/${encodeURIComponent(id)}`;

/** Cards the caller may see: of staff in their card:manage subtree, or in their bureau's stock. */
export function listCards(
  query: Partial<Omit<CardListQuery, 'limit'>> & { limit?: number },
): Promise<CardList> {
  return request('GET', '/api/v1/cards', cardListSchema, { query });
}

export function personCards(personId: string): Promise<Card[]> {
  return request('GET', `/api/v1/people/${encodeURIComponent(personId)}/cards`, cardSchema.array());
}

export function myCards(): Promise<Card[]> {
  return request('GET', '/api/v1/me/cards', cardSchema.array());
}

/** 挂失: the card stops working at the kiosks at once. */
export function reportCardLoss(id: string): Promise<Card> {
  return request('POST', `${cardPath(id)}/report-loss`, cardSchema);
}

/** 补办: a new number from the same bureau (the next blank one unless given), the fee recorded. */
export function reissueCard(id: string, cardNumber?: string): Promise<Card> {
  return request('POST', `${cardPath(id)}/reissue`, cardSchema, {
    body: cardNumber ? { cardNumber } : {},
  });
}

/** 直接购卡 at the city bureau. */
export function purchaseCard(body: CardPurchase): Promise<Card> {
  return request('POST', '/api/v1/cards/purchase', cardSchema, { body });
}

export function listCardOrders(
  query: Partial<Omit<CardOrderListQuery, 'limit'>> & { limit?: number },
): Promise<CardOrderList> {
  return request('GET', '/api/v1/card-orders', cardOrderListSchema, { query });
}

export function createCardOrder(body: CardOrderCreate): Promise<CardOrder> {
  return request('POST', '/api/v1/card-orders', cardOrderSchema, { body });
}

/** The bureau binds the next blank numbers in its stock (or the numbers given) to the staff. */
export function fulfilCardOrder(
  id: string,
  bindings?: { personId: string; cardNumber: string }[],
): Promise<CardOrder> {
  return request('POST', `${orderPath(id)}/fulfil`, cardOrderSchema, {
    body: bindings ? { bindings } : {},
  });
}

export function cancelCardOrder(id: string): Promise<CardOrder> {
  return request('POST', `${orderPath(id)}/cancel`, cardOrderSchema);
}

export function downloadCardsTemplate() {
  return downloadFile('/api/v1/cards/template.xlsx', undefined, '空白卡入库模板.xlsx');
}

export function importBlankCards(
  file: Blob,
  fileName: string,
  options: { dryRun: boolean; issuerId?: string | undefined },
): Promise<ImportReport> {
  return uploadImport('/api/v1/cards/import', file, fileName, {
    dryRun: options.dryRun,
    ...(options.issuerId ? { issuerId: options.issuerId } : {}),
  });
}

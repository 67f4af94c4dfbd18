import { isoOf } from '../../platform/db/iso-time';
import type { Card, CardOrder } from '@jijiao/contracts';
import { maskPersonName } from '@jijiao/domain';
import type { CardView, OrderView } from './cards.repository';

export function toCard(v: CardView): Card {
  return {
    id: v.id,
    number: v.number,
    status: v.status,
    issuerId: v.issuer_id,
    issuerName: v.issuer_name,
    holder:
      v.person_id && v.person_name !== null && v.unit_id && v.unit_name !== null
        ? {
            personId: v.person_id,
            name: v.person_name,
            nameMasked: maskPersonName(v.person_name),
            idNumberMasked: v.id_number_masked ?? '',
            unitId: v.unit_id,
            unitName: v.unit_name,
          }
        : null,
    channel: v.channel,
    orderId: v.order_id,
    boundAt: isoOf(v.bound_at),
    lostAt: isoOf(v.lost_at),
    feeFen: v.fee_fen,
    replacesNumber: v.replaces_number,
    replacedByNumber: v.replaced_by_number,
  };
}

export function toCardOrder(v: OrderView): CardOrder {
  return {
    id: v.id,
    unitId: v.unit_id,
    unitName: v.unit_name,
    bureauId: v.bureau_id,
    bureauName: v.bureau_name,
    count: v.count,
    personIds: v.person_ids,
    status: v.status,
    note: v.note,
    createdAt: isoOf(v.created_at) ?? '',
    fulfilledAt: isoOf(v.fulfilled_at),
  };
}

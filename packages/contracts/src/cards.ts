import { z } from 'zod';
import { cardStatuses, cardChannels, cardOrderStatuses } from './codes';

export const cardStatusSchema = z.enum(cardStatuses);
export type CardStatus = z.infer<typeof cardStatusSchema>;

export const cardChannelSchema = z.enum(cardChannels);
export type CardChannel = z.infer<typeof cardChannelSchema>;

export const cardNumberSchema = z
  .string()
  .transform((v) => v.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^[0-9A-Z]{6,20}$/, '6 to 20 digits or capital letters'))
  .describe('As printed on the card: 6 to 20 digits or capital letters');

export const cardHolderSchema = z.object({
  personId: z.uuid(),
  name: z.string(),
  nameMasked: z.string().describe('张*明: for screens anyone can see'),
  idNumberMasked: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
});
export type CardHolder = z.infer<typeof cardHolderSchema>;

export const cardSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  status: cardStatusSchema,
  issuerId: z.uuid().describe('The bureau whose stock the number came from'),
  issuerName: z.string(),
  holder: cardHolderSchema.nullable(),
  channel: cardChannelSchema.nullable(),
  orderId: z.uuid().nullable(),
  boundAt: z.iso.datetime().nullable(),
  lostAt: z.iso.datetime().nullable(),
  feeFen: z.number().int().nullable().describe('Fee paid for this card, in fen (2500 = ¥25)'),
  replacesNumber: z.string().nullable().describe('The lost card a reissue replaced'),
  replacedByNumber: z.string().nullable(),
});
export type Card = z.infer<typeof cardSchema>;

export const cardListQuerySchema = z.object({
  status: cardStatusSchema.optional(),
  number: z.string().trim().min(1).max(20).optional().describe('Start of the card number'),
  name: z.string().trim().min(1).max(50).optional().describe('Part of the holder’s name'),
  issuerId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  after: z.string().optional(),
});
export type CardListQuery = z.infer<typeof cardListQuerySchema>;

export const cardListSchema = z.object({
  items: z.array(cardSchema),
  nextCursor: z.string().nullable(),
});
export type CardList = z.infer<typeof cardListSchema>;

export const cardPurchaseSchema = z.object({
  personId: z.uuid(),
  issuerId: z.uuid().optional().describe('The city bureau selling the card; default: the caller’s'),
  cardNumber: cardNumberSchema.optional().describe('Default: the next blank number in stock'),
});
export type CardPurchase = z.infer<typeof cardPurchaseSchema>;

export const cardReissueSchema = z.object({
  cardNumber: cardNumberSchema
    .optional()
    .describe('Default: the next blank number in the issuing bureau’s stock'),
});
export type CardReissue = z.infer<typeof cardReissueSchema>;

export const cardImportQuerySchema = z.object({
  issuerId: z
    .uuid()
    .optional()
    .describe('The bureau receiving the blank cards; default: the caller’s'),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const cardOrderStatusSchema = z.enum(cardOrderStatuses);
export type CardOrderStatus = z.infer<typeof cardOrderStatusSchema>;

export const cardOrderSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  bureauId: z.uuid().describe('The unit’s district bureau, which fulfils the order'),
  bureauName: z.string(),
  count: z.number().int(),
  personIds: z.array(z.uuid()).describe('The staff the cards are for'),
  status: cardOrderStatusSchema,
  note: z.string().nullable(),
  createdAt: z.iso.datetime(),
  fulfilledAt: z.iso.datetime().nullable(),
});
export type CardOrder = z.infer<typeof cardOrderSchema>;

export const cardOrderCreateSchema = z.object({
  unitId: z.uuid(),
  personIds: z
    .array(z.uuid())
    .min(1)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, 'each person once'),
  note: z.string().trim().max(500).optional(),
});
export type CardOrderCreate = z.infer<typeof cardOrderCreateSchema>;

export const cardOrderFulfilSchema = z.object({
  bindings: z
    .array(z.object({ personId: z.uuid(), cardNumber: cardNumberSchema }))
    .optional()
    .describe('Default: the next blank numbers in the bureau’s stock, one per person'),
});
export type CardOrderFulfil = z.infer<typeof cardOrderFulfilSchema>;

export const cardOrderListQuerySchema = z.object({
  status: cardOrderStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  after: z.string().optional(),
});
export type CardOrderListQuery = z.infer<typeof cardOrderListQuerySchema>;

export const cardOrderListSchema = z.object({
  items: z.array(cardOrderSchema),
  nextCursor: z.string().nullable(),
});
export type CardOrderList = z.infer<typeof cardOrderListSchema>;

export const checkinTokenSchema = z.object({
  token: z.string().describe('Show as a QR code; a kiosk scans it instead of a card'),
  expiresAt: z.iso.datetime(),
  refreshAfterSeconds: z.number().int(),
});
export type CheckinToken = z.infer<typeof checkinTokenSchema>;

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  cardListQuerySchema,
  cardListSchema,
  cardOrderCreateSchema,
  cardOrderFulfilSchema,
  cardOrderListQuerySchema,
  cardOrderListSchema,
  cardOrderSchema,
  cardPurchaseSchema,
  cardReissueSchema,
  cardSchema,
  checkinTokenSchema,
  errorResponseSchema,
  idParamsSchema,
} from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import type { CardOrdersService } from './card-orders.service';
import type { CardsService } from './cards.service';

export function registerCardRoutes(
  app: FastifyInstance,
  deps: { cards: CardsService; cardOrders: CardOrdersService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
  const tags = ['cards'];

  r.get('/api/v1/cards', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'IC cards: staff cards (card officers) and bureau stock (bureaus), by number',
      querystring: cardListQuerySchema,
      response: { 200: cardListSchema, ...errors },
    },
    handler: (request) => deps.cards.list(actorOf(request), request.query),
  });

  r.get('/api/v1/cards/:id', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'One card',
      params: idParamsSchema,
      response: { 200: cardSchema, ...errors },
    },
    handler: (request) => deps.cards.get(actorOf(request), request.params.id),
  });

  r.post('/api/v1/cards/purchase', {
    config: { permission: 'card:issue' },
    schema: {
      tags,
      summary: 'Direct purchase: the city bureau binds a card of its stock to a person',
      body: cardPurchaseSchema,
      response: { 201: cardSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await deps.cards.purchase(actorOf(request), request.body, request.ip)),
  });

  r.post('/api/v1/cards/:id/report-loss', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary:
        'Report a card lost (挂失): the holder or their card officer; refused at kiosks at once',
      params: idParamsSchema,
      response: { 200: cardSchema, ...errors },
    },
    handler: (request) => deps.cards.reportLoss(actorOf(request), request.params.id, request.ip),
  });

  r.post('/api/v1/cards/:id/reissue', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary:
        'Reissue a lost card (补办): a new number, the fee recorded; the old number stays dead',
      params: idParamsSchema,
      body: cardReissueSchema,
      response: { 201: cardSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await deps.cards.reissue(actorOf(request), request.params.id, request.body, request.ip),
        ),
  });

  r.get('/api/v1/people/:id/cards', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'A person’s card history, newest first',
      params: idParamsSchema,
      response: { 200: z.array(cardSchema), ...errors },
    },
    handler: (request) => deps.cards.personCards(actorOf(request), request.params.id),
  });

  r.get('/api/v1/me/cards', {
    config: { permission: 'card:own' },
    schema: {
      tags,
      summary: 'The signed-in learner’s cards (我的学分卡)',
      response: { 200: z.array(cardSchema), ...errors },
    },
    handler: (request) => deps.cards.myCards(actorOf(request)),
  });

  r.get('/api/v1/me/checkin-token', {
    config: { permission: 'card:own' },
    schema: {
      tags,
      summary: 'A short-lived signed token for the learner’s check-in QR code',
      response: { 200: checkinTokenSchema, ...errors },
    },
    handler: (request) => deps.cards.checkinToken(actorOf(request)),
  });

  r.get('/api/v1/card-orders', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'Card orders: a unit’s own, or those addressed to a bureau, newest first',
      querystring: cardOrderListQuerySchema,
      response: { 200: cardOrderListSchema, ...errors },
    },
    handler: (request) => deps.cardOrders.list(actorOf(request), request.query),
  });

  r.post('/api/v1/card-orders', {
    config: { permission: 'card:manage' },
    schema: {
      tags,
      summary: 'Order cards for staff from the unit’s district bureau',
      body: cardOrderCreateSchema,
      response: { 201: cardOrderSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await deps.cardOrders.create(actorOf(request), request.body, request.ip)),
  });

  r.post('/api/v1/card-orders/:id/fulfil', {
    config: { permission: 'card:issue' },
    schema: {
      tags,
      summary:
        'Fulfil an order: bind one blank card per person (given numbers, or the next in stock)',
      params: idParamsSchema,
      body: cardOrderFulfilSchema,
      response: { 200: cardOrderSchema, ...errors },
    },
    handler: (request) =>
      deps.cardOrders.fulfil(actorOf(request), request.params.id, request.body, request.ip),
  });

  r.post('/api/v1/card-orders/:id/cancel', {
    config: { permission: 'card:manage' },
    schema: {
      tags,
      summary: 'Cancel a pending order',
      params: idParamsSchema,
      response: { 200: cardOrderSchema, ...errors },
    },
    handler: (request) => deps.cardOrders.cancel(actorOf(request), request.params.id, request.ip),
  });
}

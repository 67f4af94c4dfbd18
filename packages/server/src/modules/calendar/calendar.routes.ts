import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  calendarParamsSchema,
  calendarSetSchema,
  errorResponseSchema,
  myDeadlinesQuerySchema,
  myDeadlinesSchema,
  provinceCalendarSchema,
} from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import type { CalendarService } from './calendar.service';

const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const tags = ['calendar'];

export function registerCalendarRoutes(app: FastifyInstance, deps: { calendar: CalendarService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { calendar } = deps;

  r.get('/api/v1/calendar/mine', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'The province calendar days that concern me this year, with days left',
      querystring: myDeadlinesQuerySchema,
      response: { 200: myDeadlinesSchema, ...errors },
    },
    handler: (request) => calendar.mine(actorOf(request), request.query.year),
  });

  r.get('/api/v1/calendar/:provinceId/:year', {
    config: { permission: 'audit:manage' },
    schema: {
      tags,
      summary: 'A province’s calendar of a year (404 when none is set)',
      params: calendarParamsSchema,
      response: { 200: provinceCalendarSchema, ...errors },
    },
    handler: (request) =>
      calendar.get(actorOf(request), request.params.provinceId, request.params.year),
  });

  r.put('/api/v1/calendar/:provinceId/:year', {
    config: { permission: 'audit:manage' },
    schema: {
      tags,
      summary: 'Set a province’s calendar of a year: entry, audit and filing days',
      params: calendarParamsSchema,
      body: calendarSetSchema,
      response: { 200: provinceCalendarSchema, ...errors },
    },
    handler: (request) =>
      calendar.set(
        actorOf(request),
        request.params.provinceId,
        request.params.year,
        request.body,
        request.ip,
      ),
  });
}

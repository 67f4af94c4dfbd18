import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  attendanceDashboardSchema,
  attendanceRuleSchema,
  checkinDeviceCreateSchema,
  checkinDeviceCreatedSchema,
  checkinDeviceSchema,
  checkinRequestSchema,
  checkinResponseSchema,
  errorResponseSchema,
  idParamsSchema,
  kioskSessionsSchema,
  projectAttendanceSchema,
  projectSessionCreateSchema,
  projectSessionSchema,
  projectSessionUpdateSchema,
  sessionParamsSchema,
  sessionRegistrationResultSchema,
  sessionRegistrationSchema,
} from '@jijiao/contracts';
import {
  actorOf,
  deviceOf,
  deviceTokenOf,
  deviceUnauthorised,
} from '../../platform/auth/route-guard';
import type { AttendanceService } from './attendance.service';
import type { CheckinsService } from './checkins.service';
import type { SessionsService } from './sessions.service';

export function registerCheckinRoutes(
  app: FastifyInstance,
  deps: { sessions: SessionsService; checkins: CheckinsService; attendance: AttendanceService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = {
    400: errorResponseSchema,
    401: errorResponseSchema,
    404: errorResponseSchema,
    409: errorResponseSchema,
  };
  const tags = ['check-in'];

  r.get('/api/v1/checkins/sessions', {
    config: { permission: 'device' },
    schema: {
      tags,
      summary: 'The kiosk’s project and its sessions (device token)',
      security: [{ device: [] }],
      response: { 200: kioskSessionsSchema, ...errors },
    },
    handler: (request) => deps.checkins.kioskSessions(deviceOf(request)),
  });

  r.post('/api/v1/checkins', {
    // One statement resolves the device and records the swipes (ADR 0033). A body that
    // fails validation is answered only after the token is checked, as the guard did.
    config: { permission: 'device', deviceResolvedByHandler: true },
    attachValidation: true,
    schema: {
      tags,
      summary: 'Record one swipe or a batch (device token); idempotent on each swipe’s clientId',
      description:
        'A resend of a recorded clientId answers as the first time; a second person-session swipe answers `already_checked_in` and is not stored. Results per swipe, in order.',
      security: [{ device: [] }],
      body: checkinRequestSchema,
      response: { 200: checkinResponseSchema, ...errors },
    },
    handler: async (request) => {
      const token = deviceTokenOf(request);
      if (request.validationError) {
        if (!(await deps.checkins.authenticateDevice(token))) throw deviceUnauthorised();
        throw request.validationError;
      }
      const body = request.body;
      const swipes = 'swipes' in body ? body.swipes : [body];
      return { results: await deps.checkins.record(token, swipes) };
    },
  });

  r.get('/api/v1/projects/:id/sessions', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'A project’s sessions with their check-in counts',
      params: idParamsSchema,
      response: { 200: z.array(projectSessionSchema), ...errors },
    },
    handler: (request) => deps.sessions.list(actorOf(request), request.params.id),
  });

  r.post('/api/v1/projects/:id/sessions', {
    config: { permission: 'project:manage' },
    schema: {
      tags,
      summary: 'Add a session (date, start, end, hours, place)',
      params: idParamsSchema,
      body: projectSessionCreateSchema,
      response: { 201: projectSessionSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await deps.sessions.create(actorOf(request), request.params.id, request.body, request.ip),
        ),
  });

  r.patch('/api/v1/projects/:id/sessions/:sessionId', {
    config: { permission: 'project:manage' },
    schema: {
      tags,
      summary: 'Edit a session',
      params: sessionParamsSchema,
      body: projectSessionUpdateSchema,
      response: { 200: projectSessionSchema, ...errors },
    },
    handler: (request) =>
      deps.sessions.update(
        actorOf(request),
        request.params.id,
        request.params.sessionId,
        request.body,
        request.ip,
      ),
  });

  r.delete('/api/v1/projects/:id/sessions/:sessionId', {
    config: { permission: 'project:manage' },
    schema: {
      tags,
      summary: 'Delete a session without check-ins or registrations',
      params: sessionParamsSchema,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await deps.sessions.remove(
        actorOf(request),
        request.params.id,
        request.params.sessionId,
        request.ip,
      );
      return reply.status(204).send(null);
    },
  });

  r.post('/api/v1/projects/:id/sessions/:sessionId/registrations', {
    config: { permission: 'project:manage' },
    schema: {
      tags,
      summary: 'Register people for a session by card number (for sessions that require it)',
      params: sessionParamsSchema,
      body: sessionRegistrationSchema,
      response: { 200: sessionRegistrationResultSchema, ...errors },
    },
    handler: (request) =>
      deps.sessions.register(
        actorOf(request),
        request.params.id,
        request.params.sessionId,
        request.body.cardNumbers,
        request.ip,
      ),
  });

  r.get('/api/v1/projects/:id/devices', {
    config: { permission: 'project:manage' },
    schema: {
      tags,
      summary: 'The project’s check-in kiosks (tokens are never shown again)',
      params: idParamsSchema,
      response: { 200: z.array(checkinDeviceSchema), ...errors },
    },
    handler: (request) => deps.sessions.devices(actorOf(request), request.params.id),
  });

  r.post('/api/v1/projects/:id/devices', {
    config: { permission: 'project:manage' },
    schema: {
      tags,
      summary: 'Register a kiosk: the answer carries its token, once',
      params: idParamsSchema,
      body: checkinDeviceCreateSchema,
      response: { 201: checkinDeviceCreatedSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await deps.sessions.createDevice(
            actorOf(request),
            request.params.id,
            request.body.name,
            request.ip,
          ),
        ),
  });

  r.post('/api/v1/checkin-devices/:id/revoke', {
    config: { permission: 'project:manage' },
    schema: {
      tags,
      summary: 'Revoke a kiosk’s token: its next request is refused',
      params: idParamsSchema,
      response: { 200: checkinDeviceSchema, ...errors },
    },
    handler: (request) =>
      deps.sessions.revokeDevice(actorOf(request), request.params.id, request.ip),
  });

  r.get('/api/v1/attendance/dashboard', {
    config: { permission: 'project:read' },
    schema: {
      tags,
      summary: '工作台: sessions of the next 30 days and check-ins of the latest sessions',
      response: { 200: attendanceDashboardSchema, ...errors },
    },
    handler: (request) => deps.attendance.dashboard(actorOf(request)),
  });

  r.get('/api/v1/projects/:id/attendance', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'Attendance per person: sessions, hours, and who qualifies under the project’s rule',
      params: idParamsSchema,
      response: { 200: projectAttendanceSchema, ...errors },
    },
    handler: (request) => deps.attendance.projectAttendance(actorOf(request), request.params.id),
  });

  r.put('/api/v1/projects/:id/attendance-rule', {
    config: { permission: 'project:manage' },
    schema: {
      tags,
      summary: 'Set the project’s attendance rule: all sessions, or a share of the hours',
      params: idParamsSchema,
      body: attendanceRuleSchema,
      response: { 200: projectAttendanceSchema, ...errors },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      await deps.sessions.setRule(actor, request.params.id, request.body, request.ip);
      return deps.attendance.projectAttendance(actor, request.params.id);
    },
  });
}

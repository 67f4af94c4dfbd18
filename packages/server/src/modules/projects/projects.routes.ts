import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  errorResponseSchema,
  idParamsSchema,
  projectCancelSchema,
  projectDashboardSchema,
  projectCreateSchema,
  projectFinishSchema,
  projectListQuerySchema,
  projectListSchema,
  projectSchema,
  projectUpdateSchema,
  publicProjectListSchema,
} from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import type { ProjectsService } from './projects.service';

export function registerProjectRoutes(
  app: FastifyInstance,
  deps: { projects: ProjectsService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

  r.get('/api/v1/projects/dashboard', {
    config: { permission: 'project:read' },
    schema: {
      tags: ['projects'],
      summary: '工作台: projects of the caller’s subtree starting in the next 30 days',
      response: { 200: projectDashboardSchema, ...errors },
    },
    handler: (request) => deps.projects.dashboard(actorOf(request)),
  });

  r.get('/api/v1/public/projects', {
    config: { permission: 'public' },
    schema: {
      tags: ['projects'],
      summary: 'Search filed projects (项目查询), without signing in',
      description:
        'Only filed and finished projects. Check that a project is filed before attending it.',
      querystring: projectListQuerySchema,
      response: { 200: publicProjectListSchema, 400: errorResponseSchema },
    },
    handler: (request) => deps.projects.publicSearch(request.query),
  });

  r.get('/api/v1/projects', {
    config: { permission: 'project:read' },
    schema: {
      tags: ['projects'],
      summary: 'Projects hosted within the caller’s subtree',
      querystring: projectListQuerySchema,
      response: { 200: projectListSchema, ...errors },
    },
    handler: (request) => deps.projects.list(actorOf(request), request.query),
  });

  r.post('/api/v1/projects', {
    config: { permission: 'project:manage' },
    schema: {
      tags: ['projects'],
      summary: 'Register a project (a draft until the province files it)',
      body: projectCreateSchema,
      response: { 201: projectSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await deps.projects.create(actorOf(request), request.body, request.ip)),
  });

  r.get('/api/v1/projects/:id', {
    config: { permission: 'project:read' },
    schema: {
      tags: ['projects'],
      summary: 'One project',
      params: idParamsSchema,
      response: { 200: projectSchema, ...errors },
    },
    handler: (request) => deps.projects.get(actorOf(request), request.params.id),
  });

  r.patch('/api/v1/projects/:id', {
    config: { permission: 'project:manage' },
    schema: {
      tags: ['projects'],
      summary: 'Edit a draft project',
      params: idParamsSchema,
      body: projectUpdateSchema,
      response: { 200: projectSchema, ...errors },
    },
    handler: (request) =>
      deps.projects.update(actorOf(request), request.params.id, request.body, request.ip),
  });

  r.post('/api/v1/projects/:id/file', {
    config: { permission: 'project:file' },
    schema: {
      tags: ['projects'],
      summary: 'File (备案) a project: the province, before its start date',
      params: idParamsSchema,
      response: { 200: projectSchema, ...errors },
    },
    handler: (request) => deps.projects.file(actorOf(request), request.params.id, request.ip),
  });

  r.post('/api/v1/projects/:id/finish', {
    config: { permission: 'project:manage' },
    schema: {
      tags: ['projects'],
      summary: 'Report execution: the host, after the end date',
      params: idParamsSchema,
      body: projectFinishSchema,
      response: { 200: projectSchema, ...errors },
    },
    handler: (request) =>
      deps.projects.finish(actorOf(request), request.params.id, request.body, request.ip),
  });

  r.post('/api/v1/projects/:id/cancel', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['projects'],
      summary: 'Cancel a draft or filed project (host or province)',
      params: idParamsSchema,
      body: projectCancelSchema,
      response: { 200: projectSchema, ...errors },
    },
    handler: (request) =>
      deps.projects.cancel(actorOf(request), request.params.id, request.body.reason, request.ip),
  });
}

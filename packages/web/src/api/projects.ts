import {
  projectListSchema,
  projectSchema,
  publicProjectListSchema,
  type ImportReport,
  type Project,
  type ProjectCreate,
  type ProjectList,
  type ProjectListQuery,
  type ProjectUpdate,
} from '@jijiao/contracts';
import { ignoreBody, request } from './client';
import { downloadFile, uploadImport } from './imports';

const projectPath = (id: string) => `/api/v1/projects/${encodeURIComponent(id)}`;

/** The list query without paging: the filter an export downloads. */
export type ProjectFilterQuery = Partial<Omit<ProjectListQuery, 'limit' | 'after'>>;
type Paging = { limit?: number; after?: string | undefined };

export function listProjects(query: ProjectFilterQuery & Paging): Promise<ProjectList> {
  return request('GET', '/api/v1/projects', projectListSchema, { query });
}

export function fetchProject(id: string): Promise<Project> {
  return request('GET', projectPath(id), projectSchema);
}

export function createProject(body: ProjectCreate): Promise<Project> {
  return request('POST', '/api/v1/projects', projectSchema, { body });
}

export function updateProject(id: string, body: ProjectUpdate): Promise<Project> {
  return request('PATCH', projectPath(id), projectSchema, { body });
}

/** 备案: the province files a draft project (before its start date). */
export function fileProject(id: string): Promise<void> {
  return request('POST', `${projectPath(id)}/file`, ignoreBody);
}

/** The host's execution report, after the end date. */
export function finishProject(
  id: string,
  body: { attendeeCount: number; note?: string | undefined },
): Promise<void> {
  return request('POST', `${projectPath(id)}/finish`, ignoreBody, { body });
}

export function cancelProject(id: string, body: { reason: string }): Promise<void> {
  return request('POST', `${projectPath(id)}/cancel`, ignoreBody, { body });
}

export function downloadProjectTemplate() {
  return downloadFile('/api/v1/projects/template.xlsx', undefined, '项目导入模板.xlsx');
}

export function exportProjects(query: ProjectFilterQuery) {
  return downloadFile('/api/v1/projects/export.xlsx', query, '项目.xlsx');
}

export function importProjects(
  file: Blob,
  fileName: string,
  options: { dryRun: boolean },
): Promise<ImportReport> {
  return uploadImport('/api/v1/projects/import', file, fileName, options);
}

/** Filed and finished projects, for anyone (no sign-in). */
export function searchPublicProjects(query: Omit<ProjectFilterQuery, 'status'> & Paging) {
  return request('GET', '/api/v1/public/projects', publicProjectListSchema, { query });
}

import {
  projectLevels,
  projectStatuses,
  type ProjectLevel,
  type ProjectStatus,
} from '@jijiao/contracts';
import type { ProjectFilterQuery } from '../../api';
import { enumParam, intParam, textParam, toSearch } from '../../utils/url-state';

/** A project list's filter as its URL carries it (the public search has no status). */
export interface ProjectFilters {
  number?: string | undefined;
  name?: string | undefined;
  host?: string | undefined;
  year?: number | undefined;
  level?: ProjectLevel | undefined;
  status?: ProjectStatus | undefined;
}

export function parseProjectFilters(params: URLSearchParams): ProjectFilters {
  return {
    number: textParam(params.get('number'), 40),
    name: textParam(params.get('name'), 50),
    host: textParam(params.get('host'), 50),
    year: intParam(params.get('year'), 2000, 2100),
    level: enumParam(projectLevels, params.get('level')),
    status: enumParam(projectStatuses, params.get('status')),
  };
}

/** `base?…` for a filter; empty values stay out of the URL. */
export function projectsPath(base: string, filters: ProjectFilters): string {
  return `${base}${toSearch({
    number: filters.number,
    name: filters.name,
    host: filters.host,
    year: filters.year,
    level: filters.level,
    status: filters.status,
  })}`;
}

/** The API query of a filter: the same for the list and for its Excel export. */
export function projectQuery(filters: ProjectFilters): ProjectFilterQuery {
  return { ...filters };
}

export function hasProjectFilter(filters: ProjectFilters): boolean {
  return Object.values(filters).some((v) => v !== undefined);
}

/** Which actions a project offers now; the server decides again (409 invalid_state). */
export function projectActions(
  project: { status: ProjectStatus; startDate: string; endDate: string },
  can: { manage: boolean; file: boolean },
  today: string,
): { edit: boolean; file: boolean; finish: boolean; cancel: boolean } {
  const open = project.status === 'draft' || project.status === 'filed';
  return {
    edit: can.manage && project.status === 'draft',
    file: can.file && project.status === 'draft' && today < project.startDate,
    finish: can.manage && project.status === 'filed' && today >= project.endDate,
    cancel: (can.manage || can.file) && open,
  };
}

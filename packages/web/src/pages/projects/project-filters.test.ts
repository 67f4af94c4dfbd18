import { describe, expect, it } from 'vitest';
import { withQuery } from '../../api/client';
import {
  hasProjectFilter,
  parseProjectFilters,
  projectActions,
  projectQuery,
  projectsPath,
} from './project-filters';

const parse = (search: string) => parseProjectFilters(new URLSearchParams(search));

describe('project filters in the URL', () => {
  it('round-trips every filter', () => {
    const filters = {
      number: '2021-04-08-186（国）',
      name: '心血管',
      host: '医学会',
      year: 2026,
      level: 'national' as const,
      status: 'filed' as const,
    };
    const path = projectsPath('/projects', filters);
    expect(parse(path.slice(path.indexOf('?')))).toEqual(filters);
    expect(hasProjectFilter(filters)).toBe(true);
  });

  it('drops what the API would reject', () => {
    const filters = parse('?year=1900&level=global&status=open&name=%20%20');
    expect(hasProjectFilter(filters)).toBe(false);
    expect(projectsPath('/public/projects', filters)).toBe('/public/projects');
  });

  it('exports the current filter', () => {
    expect(
      withQuery('/api/v1/projects/export.xlsx', projectQuery(parse('?year=2026&level=provincial'))),
    ).toBe('/api/v1/projects/export.xlsx?year=2026&level=provincial');
  });
});

describe('projectActions', () => {
  const project = (status: 'draft' | 'filed' | 'finished' | 'cancelled') => ({
    status,
    startDate: '2026-05-10',
    endDate: '2026-05-12',
  });
  const host = { manage: true, file: false };
  const province = { manage: false, file: true };
  const reviewer = { manage: false, file: false };

  it.each([
    [
      'host, draft',
      project('draft'),
      host,
      '2026-05-01',
      { edit: true, file: false, finish: false, cancel: true },
    ],
    [
      'host, filed, before the end',
      project('filed'),
      host,
      '2026-05-11',
      { edit: false, file: false, finish: false, cancel: true },
    ],
    [
      'host, filed, on the end date',
      project('filed'),
      host,
      '2026-05-12',
      { edit: false, file: false, finish: true, cancel: true },
    ],
    [
      'host, finished',
      project('finished'),
      host,
      '2026-06-01',
      { edit: false, file: false, finish: false, cancel: false },
    ],
    [
      'province, draft, before the start',
      project('draft'),
      province,
      '2026-05-09',
      { edit: false, file: true, finish: false, cancel: true },
    ],
    [
      'province, draft, on the start date',
      project('draft'),
      province,
      '2026-05-10',
      { edit: false, file: false, finish: false, cancel: true },
    ],
    [
      'province, cancelled',
      project('cancelled'),
      province,
      '2026-05-01',
      { edit: false, file: false, finish: false, cancel: false },
    ],
    [
      'reviewer, draft',
      project('draft'),
      reviewer,
      '2026-05-01',
      { edit: false, file: false, finish: false, cancel: false },
    ],
  ])('%s', (_label, p, can, today, expected) => {
    expect(projectActions(p, can, today)).toEqual(expected);
  });
});

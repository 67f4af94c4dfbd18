import { describe, expect, it } from 'vitest';
import { unitProgressQuerySchema } from '@jijiao/contracts';
import { withQuery } from '../../../api/client';
import {
  defaultProgressFilters,
  isFiltered,
  parseProgressFilters,
  progressPath,
  progressQuery,
  type ProgressFilters,
} from './progress-filters';

const unitId = '3f2b8a60-1c1e-4c38-9a3c-0a6e1f0b7d21';
const parse = (search: string) => parseProgressFilters(new URLSearchParams(search));
/** What the server makes of the query the page sends. */
const serverReads = (filters: ProgressFilters) =>
  unitProgressQuerySchema.parse(
    Object.fromEntries(new URL(withQuery('http://x/p', progressQuery(filters))).searchParams),
  );

describe('progress filters in the URL', () => {
  it('reads nothing as the defaults', () => {
    expect(parse('')).toEqual({ ...defaultProgressFilters });
    expect(progressPath(defaultProgressFilters)).toBe('/progress');
    expect(isFiltered(parse(''))).toBe(false);
  });

  it('reads the link a dashboard makes', () => {
    const filters = parse(`?unit=${unitId}&compliant=false&profession=nurse&shortfallMin=10`);
    expect(filters).toEqual({
      ...defaultProgressFilters,
      unitId,
      compliance: 'behind',
      profession: 'nurse',
      shortfallMin: 10,
    });
    expect(isFiltered(filters)).toBe(true);
  });

  it('round-trips every filter and order', () => {
    const filters: ProgressFilters = {
      unitId,
      year: 2025,
      compliance: 'compliant',
      profession: 'pharmacist',
      titleGrade: 'associate_senior',
      shortfallMin: 2.5,
      shortfallMax: 20,
      order: 'creditsAsc',
    };
    const path = progressPath(filters);
    expect(path).toBe(
      `/progress?unit=${unitId}&year=2025&compliant=true&profession=pharmacist&titleGrade=associate_senior&shortfallMin=2.5&shortfallMax=20&sort=credits&order=asc`,
    );
    expect(parse(path.slice('/progress'.length))).toEqual(filters);
    for (const order of ['shortfall', 'name', 'creditsDesc', 'creditsAsc'] as const) {
      const path = progressPath({ ...defaultProgressFilters, order });
      expect(parse(path.slice('/progress'.length)).order).toBe(order);
    }
  });

  it('still reads the old behind=true link', () => {
    expect(parse('?behind=true').compliance).toBe('behind');
    expect(progressPath(parse('?behind=true'))).toBe('/progress?compliant=false');
  });

  it('drops values the API would reject', () => {
    expect(
      parse(
        '?unit=1&year=1800&compliant=maybe&profession=surgeon&titleGrade=x&shortfallMin=-1&shortfallMax=20000&sort=id&order=up',
      ),
    ).toEqual(defaultProgressFilters);
  });
});

describe('the API query of a filter', () => {
  it('is what the list and its export both send, and the server reads it as meant', () => {
    const filters = parse(`?unit=${unitId}&compliant=false&titleGrade=senior&shortfallMax=5`);
    expect(withQuery('/api/v1/units/u/progress.xlsx', progressQuery(filters))).toBe(
      '/api/v1/units/u/progress.xlsx?compliant=false&titleGrade=senior&shortfallMax=5&sort=shortfall',
    );
    expect(serverReads(filters)).toMatchObject({
      compliant: false,
      titleGrade: 'senior',
      shortfallMax: 5,
      sort: 'shortfall',
    });
  });

  it('asks for each order explicitly', () => {
    const read = (order: ProgressFilters['order']) =>
      serverReads({ ...defaultProgressFilters, order });
    expect(read('name')).toMatchObject({ sort: 'name', order: 'asc' });
    expect(read('creditsDesc')).toMatchObject({ sort: 'credits', order: 'desc' });
    expect(read('creditsAsc')).toMatchObject({ sort: 'credits', order: 'asc' });
    expect(read('shortfall').order).toBeUndefined();
  });
});

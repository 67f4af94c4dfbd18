import { describe, expect, it } from 'vitest';
import { withQuery } from '../../../api/client';
import {
  defaultPeopleFilters,
  parsePeopleFilters,
  peoplePath,
  peopleQuery,
  type PeopleFilters,
} from './people-filters';

const unitId = '3f2b8a60-1c1e-4c38-9a3c-0a6e1f0b7d21';
const parse = (search: string) => parsePeopleFilters(new URLSearchParams(search));

describe('people filters in the URL', () => {
  it('reads nothing as the defaults', () => {
    expect(parse('')).toEqual({ ...defaultPeopleFilters });
    expect(peoplePath(defaultPeopleFilters)).toBe('/people');
  });

  it('round-trips every filter', () => {
    const filters: PeopleFilters = {
      tab: 'list',
      q: '王',
      profession: 'nurse',
      titleGrade: 'associate_senior',
      unitId,
      sort: 'createdAt',
      order: 'desc',
    };
    const path = peoplePath(filters);
    expect(path).toBe(
      `/people?q=%E7%8E%8B&profession=nurse&titleGrade=associate_senior&unitId=${unitId}&sort=createdAt&order=desc`,
    );
    expect(parse(path.slice('/people'.length))).toEqual(filters);
  });

  it('drops values the API would reject', () => {
    expect(
      parse('?tab=admin&profession=surgeon&titleGrade=x&unitId=1&sort=id&order=up&q=%20'),
    ).toEqual(defaultPeopleFilters);
  });

  it('keeps the tab in the URL but not in the API query', () => {
    const filters = parse('?tab=incoming&q=李');
    expect(filters.tab).toBe('incoming');
    expect(peoplePath(filters)).toBe('/people?tab=incoming&q=%E6%9D%8E');
    expect(peopleQuery(filters)).not.toHaveProperty('tab');
  });
});

describe('the API query of a filter', () => {
  it('is what the list and its export both send', () => {
    const query = peopleQuery(parse(`?q=王&profession=physician&unitId=${unitId}`));
    expect(withQuery('/api/v1/people/export.xlsx', query)).toBe(
      `/api/v1/people/export.xlsx?q=%E7%8E%8B&profession=physician&unitId=${unitId}&sort=name&order=asc`,
    );
  });

  it('never carries an ID number: the only free text is the name', () => {
    expect(Object.keys(peopleQuery(defaultPeopleFilters)).sort()).toEqual(
      ['order', 'profession', 'q', 'sort', 'titleGrade', 'unitId'].sort(),
    );
  });
});

import { professions, titleGrades, type Profession, type TitleGrade } from '@jijiao/contracts';
import type { PeopleFilterQuery } from '../../../api';
import { enumParam, textParam, toSearch, uuidParam } from '../../../utils/url-state';

export const peopleTabs = ['list', 'incoming', 'outgoing'] as const;
export type PeopleTab = (typeof peopleTabs)[number];

/** The staff list's state, as the URL of /people carries it. */
export interface PeopleFilters {
  tab: PeopleTab;
  q?: string | undefined;
  profession?: Profession | undefined;
  titleGrade?: TitleGrade | undefined;
  unitId?: string | undefined;
  sort: 'name' | 'createdAt';
  order: 'asc' | 'desc';
}

export const defaultPeopleFilters: PeopleFilters = { tab: 'list', sort: 'name', order: 'asc' };

export function parsePeopleFilters(params: URLSearchParams): PeopleFilters {
  return {
    tab: enumParam(peopleTabs, params.get('tab')) ?? 'list',
    q: textParam(params.get('q'), 50),
    profession: enumParam(professions, params.get('profession')),
    titleGrade: enumParam(titleGrades, params.get('titleGrade')),
    unitId: uuidParam(params.get('unitId')),
    sort: enumParam(['name', 'createdAt'] as const, params.get('sort')) ?? 'name',
    order: enumParam(['asc', 'desc'] as const, params.get('order')) ?? 'asc',
  };
}

/** `/people?…` for a state; defaults stay out of the URL. */
export function peoplePath(filters: PeopleFilters): string {
  return `/people${toSearch({
    tab: filters.tab === 'list' ? undefined : filters.tab,
    q: filters.q,
    profession: filters.profession,
    titleGrade: filters.titleGrade,
    unitId: filters.unitId,
    sort: filters.sort === 'name' ? undefined : filters.sort,
    order: filters.order === 'asc' ? undefined : filters.order,
  })}`;
}

/** The API query of a state: the same for the list and for its Excel export. */
export function peopleQuery(filters: PeopleFilters): PeopleFilterQuery {
  return {
    q: filters.q,
    profession: filters.profession,
    titleGrade: filters.titleGrade,
    unitId: filters.unitId,
    sort: filters.sort,
    order: filters.order,
  };
}

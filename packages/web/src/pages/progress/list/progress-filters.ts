import {
  professions,
  titleGrades,
  type Profession,
  type ProgressSort,
  type TitleGrade,
} from '@jijiao/contracts';
import type { UnitProgressFilter } from '../../../api';
import { enumParam, intParam, toSearch, uuidParam } from '../../../utils/url-state';

export const complianceFilters = ['all', 'compliant', 'behind'] as const;
export type ComplianceFilter = (typeof complianceFilters)[number];

/** The orders the page offers: the server's three sorts, credits either way. */
export const progressOrders = ['shortfall', 'name', 'creditsDesc', 'creditsAsc'] as const;
export type ProgressOrder = (typeof progressOrders)[number];

/**
 * 人员学分进度's state, as the URL of /progress carries it, so that a dashboard or the
 * statistics can link to a filtered list (`/progress?unit=…&compliant=false&shortfallMin=10`).
 */
export interface ProgressFilters {
  /** Any organisation of the caller's scope; the caller's own when absent. */
  unitId?: string | undefined;
  /** The current year when absent. */
  year?: number | undefined;
  compliance: ComplianceFilter;
  profession?: Profession | undefined;
  titleGrade?: TitleGrade | undefined;
  /** Of the annual total, in credits. */
  shortfallMin?: number | undefined;
  shortfallMax?: number | undefined;
  order: ProgressOrder;
}

export const defaultProgressFilters: ProgressFilters = { compliance: 'all', order: 'shortfall' };

/** Credits as the API takes them: 0 … 10 000, halves allowed. */
function creditsParam(raw: string | null): number | undefined {
  if (raw === null || !/^\d{1,5}(\.\d{1,2})?$/.test(raw)) return undefined;
  const value = Number(raw);
  return value <= 10_000 ? value : undefined;
}

function complianceOf(params: URLSearchParams): ComplianceFilter {
  const compliant = params.get('compliant');
  if (compliant === 'true') return 'compliant';
  if (compliant === 'false' || params.get('behind') === 'true') return 'behind';
  return 'all';
}

function orderOf(params: URLSearchParams): ProgressOrder {
  const sort = enumParam(['shortfall', 'name', 'credits'] as const, params.get('sort'));
  const order = enumParam(['asc', 'desc'] as const, params.get('order'));
  if (sort === 'name') return 'name';
  if (sort === 'credits') return order === 'asc' ? 'creditsAsc' : 'creditsDesc';
  return 'shortfall';
}

/** Reads the URL; anything unexpected counts as absent (`behind=true`, the old link, still works). */
export function parseProgressFilters(params: URLSearchParams): ProgressFilters {
  return {
    unitId: uuidParam(params.get('unit')),
    year: intParam(params.get('year'), 1990, 2100),
    compliance: complianceOf(params),
    profession: enumParam(professions, params.get('profession')),
    titleGrade: enumParam(titleGrades, params.get('titleGrade')),
    shortfallMin: creditsParam(params.get('shortfallMin')),
    shortfallMax: creditsParam(params.get('shortfallMax')),
    order: orderOf(params),
  };
}

const sortOf: Record<ProgressOrder, { sort: ProgressSort; order?: 'asc' | 'desc' }> = {
  shortfall: { sort: 'shortfall' },
  name: { sort: 'name', order: 'asc' },
  creditsDesc: { sort: 'credits', order: 'desc' },
  creditsAsc: { sort: 'credits', order: 'asc' },
};

const compliantOf: Record<ComplianceFilter, 'true' | 'false' | undefined> = {
  all: undefined,
  compliant: 'true',
  behind: 'false',
};

/** `/progress?…` for a state; defaults stay out of the URL. */
export function progressPath(filters: ProgressFilters): string {
  const { sort, order } = sortOf[filters.order];
  return `/progress${toSearch({
    unit: filters.unitId,
    year: filters.year,
    compliant: compliantOf[filters.compliance],
    profession: filters.profession,
    titleGrade: filters.titleGrade,
    shortfallMin: filters.shortfallMin,
    shortfallMax: filters.shortfallMax,
    sort: sort === 'shortfall' ? undefined : sort,
    order: sort === 'credits' && order === 'asc' ? order : undefined,
  })}`;
}

/** The API query of a state: the same for the list and for its Excel export. */
export function progressQuery(filters: ProgressFilters): UnitProgressFilter {
  return {
    year: filters.year,
    compliant: compliantOf[filters.compliance],
    profession: filters.profession,
    titleGrade: filters.titleGrade,
    shortfallMin: filters.shortfallMin,
    shortfallMax: filters.shortfallMax,
    ...sortOf[filters.order],
  };
}

/** Where a person's year page goes back to: the list it was opened from, filters kept. */
export interface ProgressBackState {
  back: string;
}

/** Whether anything narrows the list (the organisation and year do not count). */
export function isFiltered(filters: ProgressFilters): boolean {
  return (
    filters.compliance !== 'all' ||
    filters.profession !== undefined ||
    filters.titleGrade !== undefined ||
    filters.shortfallMin !== undefined ||
    filters.shortfallMax !== undefined
  );
}

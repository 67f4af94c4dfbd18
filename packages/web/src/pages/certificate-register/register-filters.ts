import {
  certificateStatuses,
  type CertificateFilter,
  type CertificateStatus,
} from '@jijiao/contracts';
import { enumParam, intParam, textParam, toSearch, uuidParam } from '../../utils/url-state';

/** 证书登记's filters, as the URL of /certificates carries them (`?q=…` links from elsewhere). */
export interface RegisterFilters {
  /** All years when absent. */
  year?: number | undefined;
  /** Any organisation of the caller's scope; the whole scope when absent. */
  unitId?: string | undefined;
  status?: CertificateStatus | undefined;
  /** A name or (part of) a serial. */
  q?: string | undefined;
}

export function parseRegisterFilters(params: URLSearchParams): RegisterFilters {
  return {
    year: intParam(params.get('year'), 1990, 2200),
    unitId: uuidParam(params.get('unit')),
    status: enumParam(certificateStatuses, params.get('status')),
    q: textParam(params.get('q'), 40),
  };
}

export function registerPath(filters: RegisterFilters): string {
  return `/certificates${toSearch({
    year: filters.year,
    unit: filters.unitId,
    status: filters.status,
    q: filters.q,
  })}`;
}

/** The API query of a state: the same for the list and for its Excel export. */
export function registerQuery(filters: RegisterFilters): CertificateFilter {
  return {
    ...(filters.year === undefined ? {} : { year: filters.year }),
    ...(filters.unitId === undefined ? {} : { unitId: filters.unitId }),
    ...(filters.status === undefined ? {} : { status: filters.status }),
    ...(filters.q === undefined ? {} : { q: filters.q }),
  };
}

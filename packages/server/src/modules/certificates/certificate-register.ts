import { parseCertificateSerial } from '@jijiao/domain';
import type {
  CertificateFilter,
  CertificateListQuery,
  CertificateRegister,
  CertificateRegisterItem,
} from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { visibleOr404 } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';
import type { OrgsService } from '../orgs/orgs.service';
import { canListCertificatesOf, certificateListScope } from './certificates.policy';
import type {
  CertificateFilter as RowFilter,
  CertificateRow,
  CertificatesRepository,
} from './certificates.repository';
import { toCertificate } from './certificate-facts';

export interface CertificateRegisterDeps {
  db: Db;
  repository: CertificatesRepository;
  orgs: OrgsService;
  publicBaseUrl: string;
}

/** A serial as typed so far: digits, letters and hyphens, at least one digit. */
const serialStart = /^(?=.*\d)[0-9A-Za-z\s-]+$/;

/** What `q` searches: a whole serial exactly, the start of one, or else part of a name. */
function searchOf(q: string | undefined): Pick<RowFilter, 'holderNameContains' | 'serialPrefix'> {
  if (q === undefined) return {};
  const serial = parseCertificateSerial(q);
  if (serial) return { serialPrefix: serial.serial };
  if (serialStart.test(q)) return { serialPrefix: q.toUpperCase().replace(/\s+/g, '-') };
  return { holderNameContains: q };
}

/** The register's filter in the caller's certificate:read subtree; 404 for an org outside it. */
export async function registerFilterOf(
  deps: CertificateRegisterDeps,
  actor: Actor,
  query: CertificateFilter,
): Promise<Omit<RowFilter, 'after' | 'limit'>> {
  let unitPath: string | undefined;
  if (query.unitId) {
    const org = visibleOr404(
      await deps.orgs.findInScope(actor, query.unitId).catch(() => undefined),
      canListCertificatesOf,
      actor,
      { what: 'organisation', details: { unitId: query.unitId } },
    );
    unitPath = org.path;
  }
  return {
    scope: certificateListScope(actor),
    ...(unitPath ? { unitPath } : {}),
    ...(query.year === undefined ? {} : { year: query.year }),
    ...(query.status === undefined ? {} : { revoked: query.status === 'revoked' }),
    ...searchOf(query.q),
  };
}

export function toRegisterItem(
  row: CertificateRow,
  publicBaseUrl: string,
): CertificateRegisterItem {
  return {
    ...toCertificate(row, publicBaseUrl),
    revokedReason: row.revokedReason,
    verificationCount: row.verificationCount,
    lastVerifiedAt: row.lastVerifiedAt?.toISOString() ?? null,
  };
}

/** One page of the register by serial, with the total on the first page. */
export async function listCertificates(
  deps: CertificateRegisterDeps,
  actor: Actor,
  query: CertificateListQuery,
): Promise<CertificateRegister> {
  const filter = await registerFilterOf(deps, actor, query);
  const after = query.after ? String(decodeCursor(query.after, 1)[0]) : undefined;
  const rows = await deps.repository.page(deps.db, {
    ...filter,
    ...(after ? { after } : {}),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toRegisterItem(r, deps.publicBaseUrl)),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.serial]) : null,
    total: after ? null : await deps.repository.count(deps.db, filter),
  };
}

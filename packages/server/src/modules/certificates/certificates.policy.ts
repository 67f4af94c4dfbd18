import type { Actor } from '../../platform/auth/actor';
import { isWithinScope, scopeOf } from '../../platform/auth/actor';
import type { Policy } from '../../platform/auth/policy';

type Issued = { unitPath: string; ownerUserId: string | null };

/** Read by its holder (certificate:read_own) or by an admin over the certificate's unit. */
export const canReadCertificate: Policy<Actor, Issued> = (actor, certificate) =>
  (certificate.ownerUserId === actor.userId && actor.permissions.has('certificate:read_own')) ||
  isWithinScope(scopeOf(actor, 'certificate:read'), certificate.unitPath);

/** Managing (revoking) is for admins only: the holder has no say. */
export const canManageCertificate: Policy<Actor, Issued> = (actor, certificate) =>
  isWithinScope(scopeOf(actor, 'certificate:manage'), certificate.unitPath);

export const certificatePolicy: Readonly<
  Record<'certificate:read' | 'certificate:manage', Policy<Actor, Issued>>
> = { 'certificate:read': canReadCertificate, 'certificate:manage': canManageCertificate };

/** A list narrowed to a unit: the unit must lie inside the certificate:read subtree. */
export const canListCertificatesOf: Policy<Actor, { path: string }> = (actor, unit) =>
  isWithinScope(scopeOf(actor, 'certificate:read'), unit.path);

export const certificateListScope = (actor: Actor): string[] => scopeOf(actor, 'certificate:read');

/** Issuing a subtree's PDFs (a job) is for admins who manage its certificates. */
export const canIssuePdfsIn: Policy<Actor, { path: string }> = (actor, org) =>
  isWithinScope(scopeOf(actor, 'certificate:manage'), org.path);

/** Where a PDF job goes when no organisation is named: the actor's first managed subtree. */
export const pdfJobRootOf = (actor: Actor): string | undefined =>
  scopeOf(actor, 'certificate:manage')[0];

import type { Actor } from '../../platform/auth/actor';
import { isWithinScope, scopeOf } from '../../platform/auth/actor';
import type { Policy } from '../../platform/auth/policy';

type Placed = { path: string };

export type AuditPermission = 'audit:read' | 'audit:manage' | 'audit:report' | 'audit:review';
export type AuditUnitPermission = 'audit:read' | 'audit:report' | 'audit:manage';

/**
 * Whether `actor` holds `permission` anywhere in the province, above or below: a city or a
 * hospital takes part in its province's audit, so it sees that audit (its own units only).
 */
const touches = (actor: Actor, permission: AuditPermission, province: Placed) =>
  scopeOf(actor, permission).some(
    (root) => root.startsWith(province.path) || province.path.startsWith(root),
  );

/** A province's audit is opened and run (and its deadlines set) by who manages it there. */
export const canManageAuditOf: Policy<Actor, Placed & { kind: string }> = (actor, province) =>
  province.kind === 'province' && isWithinScope(scopeOf(actor, 'audit:manage'), province.path);

/**
 * The audit of a province, reached under `permission`: managing needs the whole province,
 * reading, reporting and reviewing only a part of it. Callers name the permission they act
 * under; each maps to its predicate.
 */
export const auditPolicy: Readonly<Record<AuditPermission, Policy<Actor, Placed>>> = {
  'audit:read': (actor, province) => touches(actor, 'audit:read', province),
  'audit:manage': (actor, province) => isWithinScope(scopeOf(actor, 'audit:manage'), province.path),
  'audit:report': (actor, province) => touches(actor, 'audit:report', province),
  'audit:review': (actor, province) => touches(actor, 'audit:review', province),
};

/** A unit's report and results, reached under `permission` over that unit itself. */
export const auditUnitPolicy: Readonly<Record<AuditUnitPermission, Policy<Actor, Placed>>> = {
  'audit:read': (actor, unit) => isWithinScope(scopeOf(actor, 'audit:read'), unit.path),
  'audit:report': (actor, unit) => isWithinScope(scopeOf(actor, 'audit:report'), unit.path),
  'audit:manage': (actor, unit) => isWithinScope(scopeOf(actor, 'audit:manage'), unit.path),
};

/** A reviewing body of a report's (or request's) chain acts at its step and the ones below. */
export const canReviewAuditStep: Policy<Actor, Placed> = (actor, step) =>
  isWithinScope(scopeOf(actor, 'audit:review'), step.path);

/** Reviewers of any step of a chain see the report; others get the 404 of a missing one. */
export const reviewsAnAuditStepOf: Policy<Actor, readonly Placed[]> = (actor, steps) =>
  steps.some((step) => canReviewAuditStep(actor, step));

/** An early request is seen by its unit's readers and by the body it waits at. */
export const canSeeEarlyRequest: Policy<
  Actor,
  { unit?: Placed | undefined; reviewer?: Placed | undefined }
> = (actor, request) =>
  (request.unit !== undefined && auditUnitPolicy['audit:read'](actor, request.unit)) ||
  (request.reviewer !== undefined && canReviewAuditStep(actor, request.reviewer));

/** Fraud voids a person's credits only inside the province admin's audit:manage subtree. */
export const canVoidCreditsOf: Policy<Actor, { unitPath: string }> = (actor, person) =>
  isWithinScope(scopeOf(actor, 'audit:manage'), person.unitPath);

/** Reports waiting for review: canReviewAuditStep, applied in SQL. */
export const auditReviewScope = (actor: Actor): string[] => scopeOf(actor, 'audit:review');

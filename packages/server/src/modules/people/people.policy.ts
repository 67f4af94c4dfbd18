import type { Actor } from '../../platform/auth/actor';
import { isWithinScope, scopeOf } from '../../platform/auth/actor';
import type { Policy } from '../../platform/auth/policy';

type PersonAt = { unitPath: string };
type Placed = { path: string };

export type PersonPermission = 'person:read' | 'person:manage' | 'person:reveal_id';

export const canReadPerson: Policy<Actor, PersonAt> = (actor, person) =>
  isWithinScope(scopeOf(actor, 'person:read'), person.unitPath);

export const canManagePerson: Policy<Actor, PersonAt> = (actor, person) =>
  isWithinScope(scopeOf(actor, 'person:manage'), person.unitPath);

export const canRevealPersonId: Policy<Actor, PersonAt> = (actor, person) =>
  isWithinScope(scopeOf(actor, 'person:reveal_id'), person.unitPath);

/** Callers name the permission they act under; each maps to its predicate. */
export const personPolicy: Readonly<Record<PersonPermission, Policy<Actor, PersonAt>>> = {
  'person:read': canReadPerson,
  'person:manage': canManagePerson,
  'person:reveal_id': canRevealPersonId,
};

/** People are registered at (and imported into) units the actor manages people of. */
export const canRegisterPeopleAt: Policy<Actor, Placed> = (actor, unit) =>
  isWithinScope(scopeOf(actor, 'person:manage'), unit.path);

/**
 * A list may be narrowed to an org that overlaps the reader's scope either way: a city
 * reader narrows to one of its hospitals, a hospital reader may name its own city.
 */
export const canListPeopleUnder: Policy<Actor, Placed> = (actor, org) =>
  scopeOf(actor, 'person:read').some(
    (root) => org.path.startsWith(root) || root.startsWith(org.path),
  );

/** Lists: canReadPerson, applied in SQL. */
export const personListScope = (actor: Actor): string[] => scopeOf(actor, 'person:read');

import type { Actor } from '../../platform/auth/actor';
import { isWithinScope, scopeOf } from '../../platform/auth/actor';
import type { Policy } from '../../platform/auth/policy';

/** A province's calendar is set (and read for setting) by whoever manages its audit. */
export const canSetCalendarOf: Policy<Actor, { path: string; kind: string }> = (actor, province) =>
  province.kind === 'province' && isWithinScope(scopeOf(actor, 'audit:manage'), province.path);

/** The province an actor belongs to: the root of the tree their first role sits in. */
export function provinceIdOf(actor: Actor): string | null {
  const path = actor.grants[0]?.orgPath ?? '';
  const root = path.split('/')[1];
  return root === undefined || root === '' ? null : root;
}

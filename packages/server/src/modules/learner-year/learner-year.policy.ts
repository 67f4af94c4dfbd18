import type { Actor } from '../../platform/auth/actor';
import { isWithinScope, scopeOf } from '../../platform/auth/actor';
import type { Policy } from '../../platform/auth/policy';

/** A unit's yearly progress is read by those who may read its people. */
export const canReadUnitProgress: Policy<Actor, { path: string }> = (actor, unit) =>
  isWithinScope(scopeOf(actor, 'person:read'), unit.path);

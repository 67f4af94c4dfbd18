import type { Role } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';

/** Whether any of the roles must sign in with two factors (`JIJIAO_MFA_REQUIRED_ROLES`). */
export const isTwoFactorRequired = (
  roles: readonly Role[],
  requiredRoles: ReadonlySet<Role>,
): boolean => roles.some((role) => requiredRoles.has(role));

/** A user may turn the second factor off only where no role requires it. */
export const canDisableTwoFactor = (actor: Actor): boolean =>
  actor.twoFactor.enrolled && !actor.twoFactor.required;

/** Replacing the app (a new phone) needs proof of the current one when there is one. */
export const needsProofToEnrol = (actor: Actor): boolean => actor.twoFactor.enrolled;

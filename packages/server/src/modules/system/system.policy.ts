import type { Actor } from '../../platform/auth/actor';
import { scopeOf } from '../../platform/auth/actor';

/**
 * The database is the whole installation's, not a subtree's: its health is shown to who
 * watches the system (system:monitor) from a root of the tree (a province, or above).
 */
export const canMonitorInstance = (actor: Actor): boolean =>
  scopeOf(actor, 'system:monitor').some((root) => root.split('/').filter(Boolean).length === 1);

/**
 * Backups hold the whole installation: only who watches the system from a root of the tree
 * (a system administrator at the province, or above) lists, writes or checks them.
 */
export const canManageBackups = (actor: Actor): boolean => canMonitorInstance(actor);

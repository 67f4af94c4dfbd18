import type { Actor } from '../../platform/auth/actor';
import { canMonitorInstance } from './system.policy';

/**
 * Backups hold the whole installation: only who watches the system from a root of the tree
 * (a system administrator at the province, or above) lists, writes or checks them.
 */
export const canManageBackups = (actor: Actor): boolean => canMonitorInstance(actor);

import { rolePermissions, roles, type Permission, type Role } from '@jijiao/contracts';
import type { ReminderRule } from '@jijiao/domain';

const holding = (permission: Permission): Role[] =>
  roles.filter((role) => rolePermissions[role].includes(permission));

/**
 * Who a rule tells, by the role they hold at the org it is about (ADR 0039): a learner is
 * told about their own standing; a unit's staff and audit go to who reports its audit;
 * waiting claims to who reviews at that org; a finished project to who manages its host.
 */
export const reminderRecipientRoles: Readonly<Record<ReminderRule, readonly Role[]>> = {
  learner_behind: ['learner'],
  unit_staff_behind: holding('audit:report'),
  unit_audit_due: holding('audit:report'),
  reviews_waiting: holding('credit:review'),
  host_unreported: holding('award:manage'),
};

import type { Actor } from '../../platform/auth/actor';
import { isWithinScope, scopeOf } from '../../platform/auth/actor';
import type { Policy } from '../../platform/auth/policy';

/**
 * An entry is read inside the audit_log:read subtree of the org it was recorded at; entries
 * tied to no org (sign-ins under unknown names) only from a root of the tree. The list
 * query (audit-log.repository.ts) says the same in SQL over auditLogScope.
 */
export const canReadAuditEntry: Policy<Actor, { orgPath: string | null }> = (actor, entry) => {
  const scope = auditLogScope(actor);
  return entry.orgPath === null
    ? scope.some((root) => root.split('/').filter(Boolean).length === 1)
    : isWithinScope(scope, entry.orgPath);
};

export const auditLogScope = (actor: Actor): string[] => scopeOf(actor, 'audit_log:read');

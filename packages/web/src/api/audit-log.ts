import { auditLogListSchema, type AuditLogList } from '@jijiao/contracts';
import { request } from './client';

export interface AuditLogFilters {
  action?: string;
  actor?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

/** The audit log within the caller's subtree, newest first; `before` pages on. */
export function listAuditLog(
  filters: AuditLogFilters & { limit?: number; before?: number | undefined },
): Promise<AuditLogList> {
  return request('GET', '/api/v1/audit-log', auditLogListSchema, { query: { ...filters } });
}

import type { PolicyRegistry } from '@jijiao/domain';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { AuditLogService } from '../audit-log/audit-log.service';
import type { CertificatesService } from '../certificates/certificates.service';
import type { HrPushService } from '../hr-push/hr-push.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { OrgsService } from '../orgs/orgs.service';
import type { StandingsService } from '../standings/standings.service';
import type { AuditRepository } from './audit.repository';

/** What the audit services and their use cases are handed (services.ts wires one object). */
export interface AuditDeps {
  db: Db;
  clock: Clock;
  repository: AuditRepository;
  orgs: OrgsService;
  certificates: CertificatesService;
  hrPush: HrPushService;
  auditLog: AuditLogService;
  policies: PolicyRegistry;
  /** The stored standings the run snapshots (ADR 0018). */
  standings: Pick<StandingsService, 'ensureYear'>;
  /** Tells a unit its report was returned (ADR 0038). */
  notifications?: Pick<NotificationsService, 'notifyOrgHolders'>;
}

import type { AwardRole } from '@jijiao/contracts';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { AuditLogService } from '../audit-log/audit-log.service';
import type { ClaimReview } from '../credits/claim-review.service';
import type { ClaimsService } from '../credits/claims.service';
import type { CreditIntake } from '../credits/credit-intake.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { OrgsService } from '../orgs/orgs.service';
import type { PeopleService } from '../people/people.service';
import type { ProjectsService } from '../projects/projects.service';
import type { LineValuer } from './award-line-value';
import type { AwardsRepository } from './awards.repository';

/** What services.ts hands the awards service. */
export interface AwardsServiceDeps {
  db: Db;
  clock: Clock;
  repository: AwardsRepository;
  /** Reads the claim behind a line (award-claims.ts); changes go through `claimReview`. */
  claims: ClaimsService;
  projects: ProjectsService;
  people: PeopleService;
  orgs: OrgsService;
  intake: CreditIntake;
  claimReview: ClaimReview;
  auditLog: AuditLogService;
  /** Tells the host its batch came back (ADR 0038). */
  notifications?: Pick<NotificationsService, 'notifyOrgHolders'>;
  /** The check-in feature's attendance, judged by the project's rule (absent: no check-in). */
  attendance?: AttendanceSource;
}

/**
 * What each use case is handed: the service's deps and its one line valuer, shared so that
 * its cache of province codes lives as long as the service.
 */
export interface AwardsDeps extends AwardsServiceDeps {
  valuer: LineValuer;
}

/** Who qualifies for a project's credits by attendance (the check-in feature). */
export interface AttendanceSource {
  attendanceForAward(projectId: string): Promise<readonly AttendanceLine[]>;
}

/** One line the check-in feature hands over when a project ends. */
export interface AttendanceLine {
  personId: string;
  role: AwardRole;
  hours: number | null;
  sessionsAttended: number | null;
}

import { AuditPeopleRepository } from './audit-people.repository';
import { AuditRecordsRepository } from './audit-records.repository';
import { AuditReportsRepository } from './audit-reports.repository';
import { AuditResultsRepository } from './audit-results.repository';

/**
 * The SQL of the annual audit, split by concern into four repositories held by this one so
 * that the services keep one dependency: `records` (audits and their runs), `people` (what
 * the evaluation reads, set-based: one query per batch of people), `results` and `reports`
 * (unit reports and early requests).
 */
export class AuditRepository {
  readonly records = new AuditRecordsRepository();
  readonly people = new AuditPeopleRepository();
  readonly results = new AuditResultsRepository();
  readonly reports = new AuditReportsRepository();
}

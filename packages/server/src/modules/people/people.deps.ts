import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { IdNumberCipher } from '../../platform/crypto/id-number-cipher';
import type { AuditLogService } from '../audit-log/audit-log.service';
import type { OrgsService } from '../orgs/orgs.service';
import type { StandingsService } from '../standings/standings.service';
import type { UsersService } from '../users/users.service';
import type { PeopleRepository } from './people.repository';

export interface PeopleDeps {
  db: Db;
  clock: Clock;
  cipher: IdNumberCipher;
  repository: PeopleRepository;
  orgs: OrgsService;
  users: UsersService;
  auditLog: AuditLogService;
  /** Queues the standings a person's change makes stale (unit, profession, title, name). */
  standings: Pick<StandingsService, 'peopleChanged'>;
}

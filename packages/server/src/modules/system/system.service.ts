import type { SystemDashboard } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { AccountsService } from '../accounts/accounts.service';
import type { AuditLogService } from '../audit-log/audit-log.service';
import type { HrPushService } from '../hr-push/hr-push.service';
import { canMonitorInstance } from './system.policy';
import { databaseFacts, shippedMigrations } from './system.repository';

interface Deps {
  db: Db;
  clock: Clock;
  engine: 'pglite' | 'postgres';
  hrPush: HrPushService;
  accounts: AccountsService;
  auditLog: AuditLogService;
}

/**
 * 工作台 of the system administrator: the database, the HR push outbox, locked accounts
 * and failed sign-ins. Each module answers for its own part, scoped by its own policy.
 */
export class SystemService {
  readonly #deps: Deps;

  constructor(deps: Deps) {
    this.#deps = deps;
  }

  async dashboard(actor: Actor): Promise<SystemDashboard> {
    const { db, clock, engine, hrPush, accounts, auditLog } = this.#deps;
    const dayAgo = new Date(clock.now().getTime() - 86_400_000);
    return {
      database: canMonitorInstance(actor) ? await this.database(db, engine) : null,
      hrPush: await hrPush.health(actor),
      lockedAccounts: await accounts.countLocked(actor),
      failedSignIns: {
        last24h: await auditLog.countSince(actor, 'sign_in.failed', dayAgo),
        byDay: await auditLog.countPerDay(actor, 'sign_in.failed', 7),
      },
    };
  }

  private async database(db: Db, engine: 'pglite' | 'postgres') {
    const facts = await databaseFacts(db, engine);
    const shipped = shippedMigrations();
    return {
      engine,
      sizeBytes: facts.sizeBytes,
      connections: facts.connections,
      migrationsApplied: facts.migrationsApplied,
      migrationsKnown: shipped.length,
      latestMigration: shipped.find((m) => m.when === facts.lastMigrationAt)?.tag ?? null,
    };
  }
}

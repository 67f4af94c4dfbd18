import type { Readiness, SystemDashboard } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { AccountsService } from '../accounts/accounts.service';
import type { AuditLogService } from '../audit-log/audit-log.service';
import type { HrPushService } from '../hr-push/hr-push.service';
import { canMonitorInstance } from './system.policy';
import {
  databaseFacts,
  lastAppliedMigrationAt,
  ping,
  shippedMigrations,
} from './system.repository';

/** Rejects after `ms` unless `work` settles first; the timer never holds the process. */
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no answer within ${String(ms)} ms`));
    }, ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

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

  /**
   * The readiness probe (ADR 0040): not while shutting down; then the database must answer
   * a trivial query within `timeoutMs` and hold exactly this version's migrations.
   */
  async readiness(draining: boolean, timeoutMs: number): Promise<Readiness> {
    if (draining)
      return { status: 'not_ready', reason: 'shutting_down', message: 'The process is stopping' };
    const { db } = this.#deps;
    try {
      await within(timeoutMs, ping(db));
    } catch (error) {
      return {
        status: 'not_ready',
        reason: 'database_unavailable',
        message: `The database did not answer: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    // No journal table at all: a database never migrated.
    const appliedAt = await within(timeoutMs, lastAppliedMigrationAt(db)).catch(() => null);
    const shipped = shippedMigrations();
    const latest = shipped.at(-1)?.when ?? null;
    if (appliedAt === latest) return { status: 'ready' };
    if (appliedAt !== null && latest !== null && appliedAt > latest)
      return {
        status: 'not_ready',
        reason: 'database_newer',
        message: 'The database holds migrations newer than this version: upgrade this process',
      };
    return {
      status: 'not_ready',
      reason: 'migrations_pending',
      message: 'Migrations of this version are not applied yet: run jijiao migrate',
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

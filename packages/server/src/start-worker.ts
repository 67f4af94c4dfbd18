import pino from 'pino';
import { startBackgroundWork } from './background-work';
import type { Config } from './platform/config/config';
import { openDatabase } from './platform/db/database';
import { argon2Hasher } from './platform/auth/password-hasher';
import { systemClock } from './platform/clock';
import { AppError } from './platform/errors/app-error';
import { stopWithin } from './platform/http/lifecycle';
import { loggerOptions } from './platform/logging/logger';
import { buildServices } from './services';

export interface RunningWorker {
  /** Stops taking work, waits for the work in hand (bounded), closes the pool. */
  shutdown(): Promise<'closed' | 'timed_out'>;
}

/**
 * `jijiao worker` (ADR 0040): the background work of `jijiao start` without the HTTP
 * listener, on PostgreSQL only (PGlite is one process: its work runs in `jijiao start`).
 * It does not migrate: it refuses a database whose migrations are not this version's.
 */
export async function startWorker(
  config: Config,
  options: { logTo?: { write(text: string): unknown } } = {},
): Promise<RunningWorker> {
  if (config.database.kind !== 'postgres')
    throw new AppError(
      'invalid_state',
      'jijiao worker needs DATABASE_URL: the embedded database (PGlite) serves one process, whose background work `jijiao start` runs',
    );
  const database = await openDatabase(config.database, 'jijiao worker');
  try {
    const services = buildServices({ config, database, clock: systemClock, hasher: argon2Hasher });
    const readiness = await services.system.readiness(false, 5000);
    if (readiness.status === 'not_ready')
      throw new AppError('invalid_state', `The database is not ready: ${readiness.message}`);
    const { stream, ...logOptions } = loggerOptions(
      config.logLevel,
      options.logTo,
    ) as pino.LoggerOptions & {
      stream?: pino.DestinationStream;
    };
    const log = stream === undefined ? pino(logOptions) : pino(logOptions, stream);
    const work = startBackgroundWork(services, { config, clock: systemClock, log });
    log.info({ database: 'postgres' }, 'worker started');
    return {
      shutdown: () =>
        stopWithin(config.shutdown.timeoutMs, async () => {
          await work.stop();
          await database.close();
        }),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

import {
  AppError,
  ConfigError,
  loadConfig,
  type Config,
  type ConfigOverrides,
} from '@jijiao/server';
import { CliError } from './cli-error';

/** Every command reads the same environment as the server (JIJIAO_DATA_DIR, DATABASE_URL, …). */
export function cliConfig(overrides: ConfigOverrides = {}): Config {
  try {
    return loadConfig(process.env, overrides);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, 2);
    throw error;
  }
}

export function describeDatabase(config: Config): string {
  return config.database.kind === 'pglite'
    ? `embedded PGlite in ${config.database.dataDir}`
    : `PostgreSQL at ${new URL(config.database.url).host}${
        config.database.replicaUrl
          ? `; dashboards and lists read from the replica at ${new URL(config.database.replicaUrl).host} (within ${String(config.replicaMaxLagSeconds)} s of lag)`
          : ''
      }`;
}

/** Expected failures (a locked data directory, say) become one clear line, not a stack. */
export async function withCliErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.message, 1);
    throw error;
  }
}

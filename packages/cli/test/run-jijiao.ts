import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The `jijiao` command as installed (`packages/cli/bin/jijiao.mjs`). */
export const jijiaoBin = path.resolve(import.meta.dirname, '../bin/jijiao.mjs');

export interface JijiaoRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `jijiao ARGS` to its end, as a person would in a terminal, on the embedded database
 * (the caller's DATABASE_URL is left out unless `env` gives one) and without log lines
 * (`JIJIAO_LOG_LEVEL=silent`). `dataDir` becomes JIJIAO_DATA_DIR.
 */
export function runJijiao(
  args: readonly string[],
  {
    dataDir,
    env = {},
    input,
    timeoutMs = 120_000,
  }: { dataDir?: string; env?: Record<string, string>; input?: string; timeoutMs?: number } = {},
): JijiaoRun {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  const result = spawnSync(process.execPath, [jijiaoBin, ...args], {
    encoding: 'utf8',
    env: {
      ...rest,
      JIJIAO_LOG_LEVEL: 'silent',
      ...(dataDir === undefined ? {} : { JIJIAO_DATA_DIR: dataDir }),
      ...env,
    },
    ...(input === undefined ? {} : { input }),
    timeout: timeoutMs,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

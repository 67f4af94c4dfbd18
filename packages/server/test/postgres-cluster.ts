import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const binDir = process.env.JIJIAO_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PostgresCluster {
  /** Connection URL of the `postgres` database; derive others with `urlFor`. */
  url: string;
  /** The loopback port it listens on. */
  port: number;
  urlFor(database: string): string;
  stop(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

/** initdb and postgres refuse to run as root: run them as the `postgres` user then. */
function runAsOwner(command: string, args: string[]): void {
  const isRoot = process.getuid?.() === 0;
  const [file, argv] = isRoot
    ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
    : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${command} failed (${String(result.status)}):\n${result.stdout}\n${result.stderr}`,
    );
  }
}

/**
 * Starts a throwaway PostgreSQL 15 cluster (no fsync: it is thrown away) on a free
 * loopback port, with extra `name=value` settings if given, and returns how to reach it.
 * `stop()` shuts it down and deletes it.
 */
export async function startPostgresCluster(
  settings: readonly string[] = [],
): Promise<PostgresCluster> {
  const initdb = path.join(binDir, 'initdb');
  if (!fs.existsSync(initdb)) {
    throw new Error(
      `PostgreSQL 15 server binaries not found in ${binDir}: apt-get install -y postgresql-15 (or set JIJIAO_PG_BIN)`,
    );
  }
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-pg-'));
  fs.chmodSync(base, 0o755);
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', base]);
  const dataDir = path.join(base, 'data');
  runAsOwner(initdb, [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  return startServer(base, dataDir, settings);
}

/**
 * Starts a streaming standby of `primary` (`pg_basebackup -R`: the copy, then
 * `standby.signal` and `primary_conninfo`), hot (it answers reads), on a port of its own.
 */
export async function startStandby(primary: PostgresCluster): Promise<PostgresCluster> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-pg-standby-'));
  fs.chmodSync(base, 0o755);
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', base]);
  const dataDir = path.join(base, 'data');
  runAsOwner(path.join(binDir, 'pg_basebackup'), [
    '-D',
    dataDir,
    '-R',
    '-X',
    'stream',
    '-c',
    'fast',
    '-h',
    '127.0.0.1',
    '-p',
    String(primary.port),
    '-U',
    'postgres',
    '--no-sync',
  ]);
  return startServer(base, dataDir, ['hot_standby=on']);
}

async function startServer(
  base: string,
  dataDir: string,
  settings: readonly string[],
): Promise<PostgresCluster> {
  const pgCtl = path.join(binDir, 'pg_ctl');
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${base}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
    ...settings.map((setting) => `-c ${setting}`),
  ].join(' ');
  runAsOwner(pgCtl, [
    '-D',
    dataDir,
    '-o',
    options,
    '-l',
    path.join(base, 'server.log'),
    '-w',
    '-t',
    '60',
    'start',
  ]);
  const urlFor = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    url: urlFor('postgres'),
    port,
    urlFor,
    stop() {
      try {
        runAsOwner(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(base, { recursive: true, force: true });
      }
    },
  };
}

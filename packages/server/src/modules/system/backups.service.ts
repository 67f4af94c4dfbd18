import fs from 'node:fs';
import path from 'node:path';
import type { Backup, BackupList } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { msUntilChinaMinute, type Clock } from '../../platform/clock';
import type { Config } from '../../platform/config/config';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import {
  keyFingerprint,
  openBackup,
  readBackupManifest,
  restoreBackup,
  writeBackup,
  type RestoreResult,
  type BackupManifest,
} from '../../platform/backup';
import { actorEvent, type AuditLogService } from '../audit-log/audit-log.service';
import { canManageBackups } from './system.policy';

interface Deps {
  database: Database;
  clock: Clock;
  config: Pick<Config, 'backup' | 'idKeys'>;
  appVersion: string;
  auditLog: AuditLogService;
}

interface Log {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

const backupName = /^jijiao-backup-\d{8}T\d{6}Z\.tar$/;
const checkSuffix = '.check.json';

/**
 * Backups of the installation (ADR 0032): written on request or daily into the backup
 * directory, each checked once written, the oldest beyond `keep` removed by the schedule.
 * One backup at a time per server process.
 */
export { msUntilChinaMinute };

export class BackupsService {
  readonly #deps: Deps;
  #running: Promise<Backup> | null = null;

  constructor(deps: Deps) {
    this.#deps = deps;
  }

  get directory(): string {
    return this.#deps.config.backup.dir;
  }

  async list(actor: Actor): Promise<BackupList> {
    this.#authorise(actor);
    const { backup } = this.#deps.config;
    const names = (await this.#names()).reverse();
    const at = backup.dailyAtMinute;
    return {
      directory: backup.dir,
      dailyAt:
        at === null
          ? null
          : `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`,
      keep: backup.keep,
      running: this.#running !== null,
      backups: await Promise.all(names.map((name) => this.#describe(name))),
    };
  }

  /** Writes a backup now, checks it, and records both in the audit log. */
  async create(actor: Actor, ip: string | null): Promise<Backup> {
    this.#authorise(actor);
    const backup = await this.#write(actorEvent(actor, 'backup.created', ip));
    return backup;
  }

  /** Re-reads a backup and checks every table against its manifest. */
  async check(actor: Actor, name: string, ip: string | null): Promise<Backup> {
    this.#authorise(actor);
    const file = this.#fileOf(name);
    if (!fs.existsSync(file)) throw new AppError('not_found', `backup ${name} does not exist`);
    const check = await this.#checkFile(file);
    await this.#deps.auditLog.record(
      actorEvent(actor, 'backup.checked', ip, {
        details: {
          fileName: name,
          status: check.ok ? 'ok' : 'failed',
          ...(check.problem ? { error: check.problem } : {}),
        },
      }),
    );
    return this.#describe(name);
  }

  /** `jijiao backup --out FILE`: a backup anywhere, recorded as the command line's. */
  async backupTo(outFile: string): Promise<BackupManifest> {
    const { database, clock, config, appVersion, auditLog } = this.#deps;
    const manifest = await writeBackup({
      database,
      outFile,
      appVersion,
      keyFingerprint: keyFingerprint(config.idKeys),
      now: clock.now(),
    });
    await auditLog.record({
      action: 'backup.created',
      actorUsername: 'cli',
      details: {
        fileName: path.basename(outFile),
        count: manifest.tables.reduce((sum, t) => sum + t.rows, 0),
      },
    });
    return manifest;
  }

  /**
   * `jijiao restore FILE`: into an empty database (or any, when forced); the restore is
   * then recorded in the restored audit log.
   */
  async restoreFrom(file: string, options: { force: boolean }): Promise<RestoreResult> {
    const { database, config, auditLog } = this.#deps;
    const result = await restoreBackup({
      database,
      file,
      keyFingerprint: keyFingerprint(config.idKeys),
      force: options.force,
    });
    await auditLog.record({
      action: 'backup.restored',
      actorUsername: 'cli',
      details: {
        fileName: path.basename(file),
        count: result.rows,
        version: result.manifest.appVersion,
      },
    });
    return result;
  }

  /** The scheduled backup: written, checked, and the oldest beyond `keep` removed. */
  async runScheduled(log: Log): Promise<void> {
    try {
      const backup = await this.#write({ action: 'backup.created', actorUsername: 'system' });
      const removed = await this.#prune();
      log.info({ backup: backup.name, removed }, 'scheduled backup written');
    } catch (error) {
      log.error({ err: error }, 'scheduled backup failed');
    }
  }

  async #write(event: Parameters<AuditLogService['record']>[0]): Promise<Backup> {
    if (this.#running)
      throw new AppError('conflict', 'a backup is being written: wait for it to finish');
    const run = this.#writeOnce(event);
    this.#running = run;
    try {
      return await run;
    } finally {
      this.#running = null;
    }
  }

  async #writeOnce(event: Parameters<AuditLogService['record']>[0]): Promise<Backup> {
    const { database, clock, config, appVersion, auditLog } = this.#deps;
    const now = clock.now();
    const name = `jijiao-backup-${now
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z')}.tar`;
    const file = this.#fileOf(name);
    let manifest: BackupManifest;
    try {
      manifest = await writeBackup({
        database,
        outFile: file,
        appVersion,
        keyFingerprint: keyFingerprint(config.idKeys),
        now,
      });
    } catch (error) {
      await auditLog.record({
        ...event,
        action: 'backup.failed',
        details: { fileName: name, error: error instanceof Error ? error.message : String(error) },
      });
      throw error;
    }
    const check = await this.#checkFile(file);
    await auditLog.record({
      ...event,
      details: {
        fileName: name,
        count: manifest.tables.reduce((sum, t) => sum + t.rows, 0),
        status: check.ok ? 'ok' : 'failed',
      },
    });
    return this.#describe(name);
  }

  async #checkFile(
    file: string,
  ): Promise<{ ok: boolean; checkedAt: string; problem: string | null }> {
    const checkedAt = this.#deps.clock.now().toISOString();
    let result: { ok: boolean; checkedAt: string; problem: string | null };
    try {
      const opened = await openBackup(file);
      await opened.close();
      result = { ok: true, checkedAt, problem: null };
    } catch (error) {
      result = {
        ok: false,
        checkedAt,
        problem: error instanceof Error ? error.message : String(error),
      };
    }
    await fs.promises.writeFile(`${file}${checkSuffix}`, `${JSON.stringify(result)}\n`);
    return result;
  }

  async #describe(name: string): Promise<Backup> {
    const file = this.#fileOf(name);
    const { size } = await fs.promises.stat(file);
    const manifest = await readBackupManifest(file).catch(() => null);
    const check = await fs.promises
      .readFile(`${file}${checkSuffix}`, 'utf8')
      .then((text) => JSON.parse(text) as Backup['check'])
      .catch(() => null);
    return {
      name,
      sizeBytes: size,
      createdAt: manifest?.createdAt ?? null,
      appVersion: manifest?.appVersion ?? null,
      migration: manifest?.migrations.at(-1) ?? null,
      tables: manifest?.tables.length ?? null,
      rows: manifest ? manifest.tables.reduce((sum, t) => sum + t.rows, 0) : null,
      files: manifest?.files.count ?? null,
      check,
    };
  }

  /** The backups of the directory, oldest first (their names sort by time). */
  async #names(): Promise<string[]> {
    const entries = await fs.promises.readdir(this.directory).catch(() => [] as string[]);
    return entries.filter((name) => backupName.test(name)).sort();
  }

  async #prune(): Promise<string[]> {
    const names = await this.#names();
    const removed = names.slice(0, Math.max(0, names.length - this.#deps.config.backup.keep));
    for (const name of removed) {
      await fs.promises.rm(this.#fileOf(name), { force: true });
      await fs.promises.rm(`${this.#fileOf(name)}${checkSuffix}`, { force: true });
    }
    return removed;
  }

  #fileOf(name: string): string {
    if (!backupName.test(name)) throw new AppError('not_found', `no backup is named ${name}`);
    return path.join(this.directory, name);
  }

  #authorise(actor: Actor): void {
    if (!canManageBackups(actor))
      throw new AppError(
        'forbidden',
        'backups are managed by a system administrator at a province',
      );
  }
}

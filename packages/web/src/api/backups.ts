import { backupListSchema, backupSchema, type Backup, type BackupList } from '@jijiao/contracts';
import { request } from './client';

/** The installation's backups (system administrator at a root of the tree; ADR 0032). */
export function listBackups(): Promise<BackupList> {
  return request('GET', '/api/v1/system/backups', backupListSchema);
}

export function createBackup(): Promise<Backup> {
  return request('POST', '/api/v1/system/backups', backupSchema);
}

export function checkBackup(name: string): Promise<Backup> {
  return request('POST', `/api/v1/system/backups/${encodeURIComponent(name)}/check`, backupSchema);
}

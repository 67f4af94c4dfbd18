export { keyFingerprint } from './key-fingerprint';
export type { BackupManifest } from './manifest';
export { checkBackupFile, openBackup, readBackupManifest } from './open-backup';
export { restoreBackup, type RestoreResult } from './restore-backup';
export { writeBackup } from './write-backup';

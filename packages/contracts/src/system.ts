import { z } from 'zod';

export const healthSchema = z.object({ status: z.literal('ok') });

/** Why a process is not ready to take traffic (ADR 0040). */
export const notReadyReasonSchema = z.enum([
  'shutting_down',
  'database_unavailable',
  'migrations_pending',
  'database_newer',
]);
export type NotReadyReason = z.infer<typeof notReadyReasonSchema>;

export const readinessSchema = z.object({ status: z.literal('ready') });
export const notReadySchema = z.object({
  status: z.literal('not_ready'),
  reason: notReadyReasonSchema,
  message: z.string().describe('What is wrong (English, for the operator)'),
});
export type Readiness = z.infer<typeof readinessSchema> | z.infer<typeof notReadySchema>;

export const appInfoSchema = z.object({
  name: z.literal('jijiao'),
  version: z.string(),
  demo: z.boolean().describe('Demo mode: demo data and demo accounts exist; the UI shows a banner'),
  defaultLocale: z.enum(['zh-CN', 'en-US']),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** The name of a backup the server wrote: `jijiao-backup-<UTC time>.tar`. */
export const backupNameSchema = z
  .string()
  .regex(/^jijiao-backup-\d{8}T\d{6}Z\.tar$/, 'a backup name: jijiao-backup-YYYYMMDDTHHMMSSZ.tar');

/** The last check of a backup: every table's checksum against the manifest. */
export const backupCheckSchema = z.object({
  ok: z.boolean(),
  checkedAt: z.iso.datetime(),
  problem: z.string().nullable().describe('What is wrong, when not ok (English, for the operator)'),
});

export const backupSchema = z.object({
  name: backupNameSchema,
  sizeBytes: z.number().int(),
  createdAt: z.iso.datetime().nullable().describe('From the manifest; null: unreadable'),
  appVersion: z.string().nullable(),
  migration: z.string().nullable().describe('The last migration of the database backed up'),
  tables: z.number().int().nullable(),
  rows: z.number().int().nullable(),
  files: z.number().int().nullable().describe('Stored files (evidence scans) in the backup'),
  check: backupCheckSchema.nullable().describe('null: never checked'),
});
export type Backup = z.infer<typeof backupSchema>;

/** `GET /api/v1/system/backups`: the backups in the backup directory, newest first. */
export const backupListSchema = z.object({
  directory: z.string(),
  dailyAt: z
    .string()
    .nullable()
    .describe('The scheduled daily backup, HH:MM China time; null: none scheduled'),
  keep: z.number().int().describe('How many backups the schedule keeps'),
  running: z.boolean().describe('A backup is being written now'),
  backups: z.array(backupSchema),
});
export type BackupList = z.infer<typeof backupListSchema>;

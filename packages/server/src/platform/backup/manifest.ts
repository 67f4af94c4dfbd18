import { z } from 'zod';

/** What a backup archive holds, written last and read first: the root of every check. */
export const backupManifestSchema = z.object({
  format: z.literal('jijiao-backup'),
  formatVersion: z.literal(1),
  appVersion: z.string(),
  createdAt: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  /** The migrations applied to the database it was taken from, in order (drizzle's tags). */
  migrations: z.array(z.string()),
  /** A fingerprint of the ID-number keys: rows encrypted under other keys cannot be read. */
  keyFingerprint: z.string(),
  tables: z.array(
    z.object({
      name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
      file: z.string().regex(/^tables\/[a-z_][a-z0-9_]*\.ndjson\.gz$/),
      rows: z.number().int().nonnegative(),
      /** Bytes and SHA-256 of the uncompressed ndjson (one `to_jsonb` row per line). */
      bytes: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string().nullable() })),
  /** The stored files (evidence scans), checked against their own content after a restore. */
  files: z.object({
    count: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;

export const manifestEntry = 'manifest.json';
export const backupFormat = { format: 'jijiao-backup', formatVersion: 1 } as const;

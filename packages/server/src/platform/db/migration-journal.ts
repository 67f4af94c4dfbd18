import { readFileSync } from 'node:fs';
import path from 'node:path';
import { migrationsFolder } from './database';

export interface ShippedMigration {
  tag: string;
  /** drizzle-kit's `when`: stored as `created_at` in `drizzle.__drizzle_migrations`. */
  when: number;
}

/** The migrations in a folder (drizzle-kit's journal), in order: by default, this version's. */
export function shippedMigrations(folder: string = migrationsFolder): ShippedMigration[] {
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8')) as {
    entries: ShippedMigration[];
  };
  return journal.entries.map((e) => ({ tag: e.tag, when: e.when }));
}

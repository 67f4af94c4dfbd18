import { like, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** `path` lies inside one of the scope's subtrees (materialised paths, prefix match). */
export function pathWithin(path: AnyPgColumn, scope: readonly string[]): SQL {
  return or(...scope.map((root) => like(path, `${root}%`))) ?? sql`false`;
}

/** Escapes LIKE wildcards in user text, for `%text%` searches. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

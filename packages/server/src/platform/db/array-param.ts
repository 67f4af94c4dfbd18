import { sql, type SQL } from 'drizzle-orm';

/**
 * Lists of keys go to the database as one array parameter (`= any(…)`, `unnest(…)`), never
 * as one bind or one row constructor per element. PGlite 0.5 has been seen to answer a
 * `(a, b) in ((…), (…), …)` list of a few hundred pairs with no rows at all, at random
 * (the standings verify missed a tampered row that way); arrays are also cheaper to plan.
 */
function arrayLiteral(values: readonly (string | number)[]): string {
  for (const v of values)
    if (typeof v === 'number' ? !Number.isSafeInteger(v) : !/^[0-9A-Za-z-]+$/.test(v))
      throw new Error('array literal of an unchecked value');
  return `{${values.join(',')}}`;
}

/** `{…}::uuid[]` of ids (or other `[0-9A-Za-z-]` words with `type` 'text'). */
export function textArray(values: readonly string[], type: 'uuid' | 'text' = 'uuid'): SQL {
  return sql`${arrayLiteral(values)}::${sql.raw(type)}[]`;
}

/** `{…}::int[]` of safe integers. */
export function intArray(values: readonly number[]): SQL {
  return sql`${arrayLiteral(values)}::int[]`;
}

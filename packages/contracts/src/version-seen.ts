import { z } from 'zod';

/**
 * The version of a row the caller saw (optimistic concurrency): another one answers 409
 * `stale_state`. Versions are PostgreSQL integers counting up from 1, so anything outside
 * that range is refused here rather than overflowing in the query that compares it.
 */
export const versionSeenSchema = z
  .number()
  .int()
  .min(1)
  .max(2_147_483_647)
  .describe('The version the caller saw; another one answers 409 stale_state');

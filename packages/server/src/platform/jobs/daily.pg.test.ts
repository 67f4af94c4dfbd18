import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-app';
import { claimDailyRun } from './daily';

const t = await buildTestApp();
const at = new Date('2026-12-07T00:00:00Z');

describe('daily runs are claimed once per day (ADR 0040)', () => {
  it('gives the day to exactly one of many claimants at once', async () => {
    const claims = await Promise.all(
      Array.from({ length: 8 }, () => claimDailyRun(t.database.db, 'backup', '2026-12-07', at)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimDailyRun(t.database.db, 'backup', '2026-12-07', at)).toBe(false);
  });

  it('claims each task and each day apart', async () => {
    expect(await claimDailyRun(t.database.db, 'reminders', '2026-12-07', at)).toBe(true);
    expect(await claimDailyRun(t.database.db, 'backup', '2026-12-08', at)).toBe(true);
  });
});

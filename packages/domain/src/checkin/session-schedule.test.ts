import { describe, expect, it } from 'vitest';
import { checkSession } from './session-schedule';

const project = { startDate: '2026-04-10', endDate: '2026-04-12' };
const session = { date: '2026-04-10', startTime: '08:30', endTime: '12:00', hours: 3 };

describe('checkSession', () => {
  it.each([
    [{}, null],
    [{ date: '2026-04-12' }, null],
    [{ date: '2026-04-09' }, 'date'],
    [{ date: '2026-04-13' }, 'date'],
    [{ endTime: '08:30' }, 'endTime'],
    [{ endTime: '08:00' }, 'endTime'],
    [{ hours: 3.5 }, null],
    [{ hours: 3.6 }, 'hours'],
  ])('%j → %s', (overrides, field) => {
    expect(checkSession({ ...session, ...overrides }, project)?.field ?? null).toBe(field);
  });
});

import { describe, expect, it } from 'vitest';
import { checkProjectAction } from './project-lifecycle';

const dates = { startDate: '2026-05-10', endDate: '2026-05-12' };

describe('checkProjectAction', () => {
  it.each([
    ['draft', 'edit', '2026-05-11', null],
    ['filed', 'edit', '2026-04-01', 'wrong_status'],
    ['draft', 'file', '2026-05-09', null],
    ['draft', 'file', '2026-05-10', 'starts_too_soon'],
    ['filed', 'file', '2026-04-01', 'wrong_status'],
    ['filed', 'finish', '2026-05-13', null],
    ['filed', 'finish', '2026-05-12', 'not_ended_yet'],
    ['draft', 'finish', '2026-06-01', 'wrong_status'],
    ['draft', 'cancel', '2026-06-01', null],
    ['filed', 'cancel', '2026-05-11', null],
    ['finished', 'cancel', '2026-06-01', 'wrong_status'],
    ['cancelled', 'file', '2026-04-01', 'wrong_status'],
  ] as const)('%s + %s on %s → %s', (status, action, today, problem) => {
    expect(checkProjectAction(status, action, dates, today)).toBe(problem);
  });
});

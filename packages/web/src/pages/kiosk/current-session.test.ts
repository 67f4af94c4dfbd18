import { describe, expect, it } from 'vitest';
import type { ProjectSession } from '@jijiao/contracts';
import { currentSession } from './current-session';

function session(id: string, date: string, startTime: string, endTime: string): ProjectSession {
  return {
    id,
    projectId: 'p',
    date,
    startTime,
    endTime,
    hours: 1,
    place: '报告厅',
    registrationRequired: false,
    checkInCount: 0,
  };
}

const sessions = [
  session('yesterday', '2026-12-04', '09:00', '11:00'),
  session('morning', '2026-12-05', '08:30', '11:30'),
  session('afternoon', '2026-12-05', '14:00', '17:00'),
];
const at = (time: string) => new Date(`2026-12-05T${time}:00`);

describe('currentSession', () => {
  it.each([
    ['07:45', 'morning'], // an hour before the start: people arrive early
    ['10:00', 'morning'],
    ['12:00', 'afternoon'], // between sessions: the next one
    ['13:10', 'afternoon'],
    ['18:00', 'afternoon'], // after the last: still the last of today
  ])('at %s picks the %s session', (time, id) => {
    expect(currentSession(sessions, at(time))?.id).toBe(id);
  });

  it('falls back to the first session on a day without any, and to nothing when empty', () => {
    expect(currentSession(sessions, new Date('2026-12-09T10:00:00'))?.id).toBe('yesterday');
    expect(currentSession([], at('10:00'))).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateAttendance, type AttendanceRule } from './attendance';

const sessions = [
  { id: 'a', hours: 3 },
  { id: 'b', hours: 3 },
  { id: 'c', hours: 1.5 },
];
const everyone = [
  { personId: 'all', sessionIds: ['a', 'b', 'c'] },
  { personId: 'twice-a', sessionIds: ['a', 'a', 'b'] },
  { personId: 'short', sessionIds: ['c'] },
  { personId: 'stranger', sessionIds: ['x'] },
];

function run(rule: AttendanceRule) {
  return evaluateAttendance({ rule, sessions, attendees: everyone });
}

describe('evaluateAttendance', () => {
  it('all sessions: only who attended every session qualifies', () => {
    const report = run({ kind: 'all_sessions' });
    expect(report).toMatchObject({ sessionCount: 3, totalHours: 7.5 });
    expect(report.attendees).toEqual([
      {
        personId: 'all',
        sessionsAttended: 3,
        hoursAttended: 7.5,
        qualifies: true,
        shortfall: null,
      },
      {
        personId: 'twice-a',
        sessionsAttended: 2,
        hoursAttended: 6,
        qualifies: false,
        shortfall: { kind: 'missed_sessions', missed: 1 },
      },
      {
        personId: 'short',
        sessionsAttended: 1,
        hoursAttended: 1.5,
        qualifies: false,
        shortfall: { kind: 'missed_sessions', missed: 2 },
      },
      {
        personId: 'stranger',
        sessionsAttended: 0,
        hoursAttended: 0,
        qualifies: false,
        shortfall: { kind: 'missed_sessions', missed: 3 },
      },
    ]);
  });

  it('a share of the hours: 80 % of 7.5 h is 6 h', () => {
    const report = run({ kind: 'share_of_hours', minShare: 0.8 });
    expect(report.attendees.map((a) => [a.personId, a.qualifies])).toEqual([
      ['all', true],
      ['twice-a', true],
      ['short', false],
      ['stranger', false],
    ]);
    expect(report.attendees[2]?.shortfall).toEqual({ kind: 'hours', needed: 4.5 });
  });

  it('nobody qualifies for a project without sessions', () => {
    const report = evaluateAttendance({
      rule: { kind: 'share_of_hours', minShare: 0 },
      sessions: [],
      attendees: [{ personId: 'p', sessionIds: [] }],
    });
    expect(report.attendees[0]).toMatchObject({
      qualifies: false,
      shortfall: { kind: 'no_sessions' },
    });
  });

  it('hours attended never exceed the total, and all sessions implies every share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 80 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (tenthHours, attended, share) => {
          const list = tenthHours.map((h, i) => ({ id: `s${i}`, hours: h / 10 }));
          const ids = list.filter((_, i) => attended[i]).map((s) => s.id);
          const attendees = [{ personId: 'p', sessionIds: ids }];
          const byShare = evaluateAttendance({
            rule: { kind: 'share_of_hours', minShare: share },
            sessions: list,
            attendees,
          });
          const byAll = evaluateAttendance({
            rule: { kind: 'all_sessions' },
            sessions: list,
            attendees,
          });
          const result = byShare.attendees[0]!;
          expect(result.hoursAttended).toBeLessThanOrEqual(byShare.totalHours);
          if (byAll.attendees[0]!.qualifies) expect(result.qualifies).toBe(true);
        },
      ),
    );
  });
});

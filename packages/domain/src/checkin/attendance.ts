/**
 * Attendance to credits: who attended enough of a project to be awarded its credits.
 * `all_sessions`: every session; `share_of_hours`: at least `minShare` of the project's
 * session hours (0.8 = 80 %).
 */
export type AttendanceRule =
  { kind: 'all_sessions' } | { kind: 'share_of_hours'; minShare: number };

export const defaultAttendanceRule: AttendanceRule = { kind: 'all_sessions' };

export interface AttendanceSession {
  id: string;
  hours: number;
}

export interface AttendeeSwipes {
  personId: string;
  sessionIds: readonly string[];
}

export interface AttendeeResult {
  personId: string;
  sessionsAttended: number;
  hoursAttended: number;
  qualifies: boolean;
  /** Why not, when not. */
  shortfall:
    | { kind: 'no_sessions' }
    | { kind: 'missed_sessions'; missed: number }
    | { kind: 'hours'; needed: number }
    | null;
}

export interface AttendanceReport {
  sessionCount: number;
  totalHours: number;
  attendees: AttendeeResult[];
}

/** Hours as tenths, so that sums of 1.5 + 1.5 + … stay exact. */
const tenths = (hours: number) => Math.round(hours * 10);

/** Applies a project's rule to its sessions and the sessions each person checked in to. */
export function evaluateAttendance(input: {
  rule: AttendanceRule;
  sessions: readonly AttendanceSession[];
  attendees: readonly AttendeeSwipes[];
}): AttendanceReport {
  const hoursOf = new Map(input.sessions.map((s) => [s.id, tenths(s.hours)]));
  const total = [...hoursOf.values()].reduce((a, b) => a + b, 0);
  const attendees = input.attendees.map((a): AttendeeResult => {
    const attended = [...new Set(a.sessionIds)].filter((id) => hoursOf.has(id));
    const hours = attended.reduce((sum, id) => sum + (hoursOf.get(id) ?? 0), 0);
    let shortfall: AttendeeResult['shortfall'] = null;
    if (input.sessions.length === 0) {
      shortfall = { kind: 'no_sessions' };
    } else if (input.rule.kind === 'all_sessions') {
      const missed = input.sessions.length - attended.length;
      if (missed > 0) shortfall = { kind: 'missed_sessions', missed };
    } else {
      const needed = Math.ceil(total * input.rule.minShare - 1e-9);
      if (hours < needed) shortfall = { kind: 'hours', needed: (needed - hours) / 10 };
    }
    return {
      personId: a.personId,
      sessionsAttended: attended.length,
      hoursAttended: hours / 10,
      qualifies: shortfall === null,
      shortfall,
    };
  });
  return { sessionCount: input.sessions.length, totalHours: total / 10, attendees };
}

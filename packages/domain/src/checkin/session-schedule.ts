/** A project session (场次): one date, a start and an end time, the hours it counts for. */
export interface SessionInput {
  date: string;
  startTime: string;
  endTime: string;
  hours: number;
}

export type SessionProblem =
  | { field: 'date'; problem: 'outside_project' }
  | { field: 'endTime'; problem: 'not_after_start' }
  | { field: 'hours'; problem: 'longer_than_session' };

function minutesOf(time: string): number {
  const [h = '0', m = '0'] = time.split(':');
  return Number(h) * 60 + Number(m);
}

/**
 * A session's date lies within the project's dates, it ends after it starts, and it
 * counts no more hours than it lasts (training hours are never more than clock time).
 */
export function checkSession(
  session: SessionInput,
  project: { startDate: string; endDate: string },
): SessionProblem | null {
  if (session.date < project.startDate || session.date > project.endDate)
    return { field: 'date', problem: 'outside_project' };
  const length = minutesOf(session.endTime) - minutesOf(session.startTime);
  if (length <= 0) return { field: 'endTime', problem: 'not_after_start' };
  if (session.hours * 60 > length) return { field: 'hours', problem: 'longer_than_session' };
  return null;
}

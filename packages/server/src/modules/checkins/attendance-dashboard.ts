import type { AttendanceDashboard } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { chinaDay, type Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import {
  sessionsBetween,
  sessionsUpTo,
  type DashboardSessionRow,
} from './attendance-dashboard.repository';
import { sessionListScope } from './checkins.policy';

const listed = 10;

function toSession(row: DashboardSessionRow) {
  return {
    sessionId: row.sessionId,
    projectId: row.projectId,
    projectName: row.projectName,
    date: row.date,
    startTime: row.startTime,
    endTime: row.endTime,
    place: row.place,
  };
}

/**
 * 工作台: sessions of the next 30 days, and the check-ins of the latest 10 sessions up to
 * today (oldest first, as a chart reads), of projects in the caller's subtree.
 */
export async function attendanceDashboard(
  deps: { db: Db; clock: Clock },
  actor: Actor,
): Promise<AttendanceDashboard> {
  const now = deps.clock.now();
  const from = chinaDay(now);
  const until = chinaDay(now, 30);
  const scope = sessionListScope(actor);
  const [upcoming, recent] = await Promise.all([
    sessionsBetween(deps.db, { scope, first: from, last: until, limit: listed }),
    sessionsUpTo(deps.db, { scope, last: from, limit: listed }),
  ]);
  return {
    from,
    until,
    upcomingCount: upcoming[0]?.total ?? 0,
    upcoming: upcoming.map(toSession),
    recent: recent.reverse().map((row) => ({ ...toSession(row), checkInCount: row.checkInCount })),
  };
}

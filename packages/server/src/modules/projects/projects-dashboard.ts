import type { ProjectDashboard, ProjectStatus } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { chinaDay, type Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { projectListScope } from './projects.policy';
import type { ProjectsRepository } from './projects.repository';

/** How far ahead the 工作台 looks, in days. */
export const dashboardDays = 30;

/** 工作台: the projects of the caller's subtree starting in the next 30 days. */
export async function projectDashboard(
  deps: { db: Db; clock: Clock; repository: ProjectsRepository },
  actor: Actor,
): Promise<ProjectDashboard> {
  const now = deps.clock.now();
  const from = chinaDay(now);
  const until = chinaDay(now, dashboardDays);
  const { rows, total } = await deps.repository.startingBetween(deps.db, {
    scope: projectListScope(actor),
    from,
    until,
    limit: 10,
  });
  return {
    from,
    until,
    upcomingCount: total,
    upcoming: rows.map((p) => ({
      id: p.id,
      number: p.number,
      name: p.name,
      hostName: p.hostName,
      startDate: p.startDate,
      endDate: p.endDate,
      status: p.status as ProjectStatus,
    })),
  };
}

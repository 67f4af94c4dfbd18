/**
 * Filed-project checks (备案): where the pack names project levels in `filedProjects`, a
 * claimed project of those levels must be found in the registry of filed projects, by its
 * number or by its name and dates, and is then valued from the registry, not as typed.
 */
import type { ProjectActivity } from '../rules/activity-schema';
import type { PolicyRules } from '../rules/policy-schema';
import type { ProjectLevel } from '../rules/vocabulary';

/** What the registry says of one filed project. */
export interface FiledProject {
  number: string;
  name: string;
  level: ProjectLevel;
  startDate: string;
  endDate: string;
  hours: number;
  attendeeCredits: number;
  speakerCredits: number;
}

/** How the registry is asked about a claimed project: the number, else the name and date. */
export type FiledProjectQuery =
  { by: 'number'; number: string } | { by: 'name_and_dates'; name: string; date: string };

export type FiledProjectCheck =
  | { status: 'not_required' }
  | { status: 'matched'; project: FiledProject; activity: ProjectActivity }
  | { status: 'unmatched'; query: FiledProjectQuery | null };

/** Whether the rules want this activity found among the filed projects. */
export function requiresFiledProject(
  rules: PolicyRules,
  activity: { type: string; level?: unknown },
) {
  return (
    rules.filedProjects !== null &&
    activity.type === 'project' &&
    rules.filedProjects.levels.some((level) => level === activity.level)
  );
}

/** What to look for in the registry; null when the claim names neither a number nor a name. */
export function filedProjectQueryOf(activity: ProjectActivity): FiledProjectQuery | null {
  const number = activity.projectNumber?.trim();
  if (number) return { by: 'number', number };
  if (activity.projectName)
    return { by: 'name_and_dates', name: activity.projectName, date: activity.date };
  return null;
}

function matches(query: FiledProjectQuery, project: FiledProject): boolean {
  if (query.by === 'number') return project.number.trim() === query.number;
  return (
    project.name.trim() === query.name.trim() &&
    project.startDate <= query.date &&
    query.date <= project.endDate
  );
}

/**
 * The check, given the filed projects the registry answered for the query: matched, the
 * activity takes the registry's number, level, hours and the credits of its role.
 */
export function checkFiledProject(
  rules: PolicyRules,
  activity: ProjectActivity,
  candidates: readonly FiledProject[],
): FiledProjectCheck {
  if (!requiresFiledProject(rules, activity)) return { status: 'not_required' };
  const query = filedProjectQueryOf(activity);
  const project = query ? candidates.find((p) => matches(query, p)) : undefined;
  if (!query || !project) return { status: 'unmatched', query };
  return {
    status: 'matched',
    project,
    activity: {
      ...activity,
      projectNumber: project.number,
      projectName: project.name,
      level: project.level,
      hours: project.hours,
      awardedCredits:
        activity.role === 'speaker' ? project.speakerCredits : project.attendeeCredits,
    },
  };
}

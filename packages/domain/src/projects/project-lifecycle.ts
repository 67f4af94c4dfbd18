/**
 * A project's lifecycle: draft → filed (备案, by the province, before the start date) →
 * finished (the host reports execution after the end date); draft or filed → cancelled.
 */
export type ProjectStatusCode = 'draft' | 'filed' | 'finished' | 'cancelled';
export type ProjectAction = 'edit' | 'file' | 'finish' | 'cancel';
export type ProjectActionProblem = 'wrong_status' | 'starts_too_soon' | 'not_ended_yet';

export interface ProjectDates {
  startDate: string;
  endDate: string;
}

const from: Readonly<Record<ProjectAction, readonly ProjectStatusCode[]>> = {
  edit: ['draft'],
  file: ['draft'],
  finish: ['filed'],
  cancel: ['draft', 'filed'],
};

export const nextStatus: Readonly<Record<ProjectAction, ProjectStatusCode>> = {
  edit: 'draft',
  file: 'filed',
  finish: 'finished',
  cancel: 'cancelled',
};

/** Whether `action` may happen to a project in `status` on `today` (YYYY-MM-DD). */
export function checkProjectAction(
  status: ProjectStatusCode,
  action: ProjectAction,
  dates: ProjectDates,
  today: string,
): ProjectActionProblem | null {
  if (!from[action].includes(status)) return 'wrong_status';
  if (action === 'file' && today >= dates.startDate) return 'starts_too_soon';
  if (action === 'finish' && today <= dates.endDate) return 'not_ended_yet';
  return null;
}

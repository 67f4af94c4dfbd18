import type { AttendanceDashboard, ProjectAttendance } from '@jijiao/contracts';
import { defaultAttendanceRule, evaluateAttendance, type AttendanceRule } from '@jijiao/domain';
import type { Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { attendanceDashboard } from './attendance-dashboard';
import type { ProjectsService } from '../projects/projects.service';
import type { CheckinsRepository } from './checkins.repository';
import { toSession } from './sessions.service';

/**
 * One line of a host award batch made from attendance: the shape of the awards feature's
 * `createBatchFromAttendance(tx, { projectId, lines, actor })`. Check-ins only ever make
 * attendees; speakers and organisers are added to the batch by hand.
 */
export interface AttendanceAwardLine {
  personId: string;
  role: 'attendee';
  hours: number;
  sessionsAttended: number;
}

interface AttendanceDeps {
  db: Db;
  clock: Clock;
  repository: CheckinsRepository;
  projects: ProjectsService;
}

/** Attendance per project and person, judged by the project's rule (domain: evaluateAttendance). */
export class AttendanceService {
  readonly #deps: AttendanceDeps;

  constructor(deps: AttendanceDeps) {
    this.#deps = deps;
  }

  /** 工作台: sessions ahead and check-ins of the latest sessions, in the caller's subtree. */
  dashboard(actor: Actor): Promise<AttendanceDashboard> {
    return attendanceDashboard(this.#deps, actor);
  }

  async ruleOf(projectId: string): Promise<AttendanceRule> {
    const row = await this.#deps.repository.ruleOf(this.#deps.db, projectId);
    if (row?.kind === 'share_of_hours' && row.minShare !== null)
      return { kind: 'share_of_hours', minShare: row.minShare };
    return defaultAttendanceRule;
  }

  /** The whole picture, without a scope check: callers decide who may see it. */
  async attendanceOf(projectId: string): Promise<ProjectAttendance> {
    const [rule, sessions, rows] = await Promise.all([
      this.ruleOf(projectId),
      this.#deps.repository.sessionsOf(this.#deps.db, projectId),
      this.#deps.repository.attendanceOf(this.#deps.db, projectId),
    ]);
    const report = evaluateAttendance({
      rule,
      sessions: sessions.map((s) => ({ id: s.id, hours: s.hours })),
      attendees: rows.map((r) => ({ personId: r.person_id, sessionIds: r.session_ids })),
    });
    const attendees = report.attendees.map((a, i) => {
      const row = rows[i];
      if (!row) throw new Error('attendance rows out of step');
      return {
        ...a,
        name: row.name,
        idNumberMasked: row.id_number_masked,
        unitName: row.unit_name,
        sessionIds: row.session_ids,
      };
    });
    return {
      projectId,
      rule,
      sessionCount: report.sessionCount,
      totalHours: report.totalHours,
      sessions: sessions.map(toSession),
      attendees,
      qualifyingCount: attendees.filter((a) => a.qualifies).length,
    };
  }

  /** `GET /api/v1/projects/:id/attendance`: the host (or the province) of the project. */
  async projectAttendance(actor: Actor, projectId: string): Promise<ProjectAttendance> {
    await this.#deps.projects.findInScope(actor, projectId, ['project:manage', 'project:file']);
    return this.attendanceOf(projectId);
  }

  /**
   * Who qualifies for the project's credits under its attendance rule, with the hours and
   * sessions they attended: the lines of a host award batch (awards feature), in name order.
   * No scope check: the caller (the project's end, the host's "make batch" action) has one.
   */
  async attendanceForAward(projectId: string): Promise<AttendanceAwardLine[]> {
    const { attendees } = await this.attendanceOf(projectId);
    return attendees
      .filter((a) => a.qualifies)
      .map((a) => ({
        personId: a.personId,
        role: 'attendee' as const,
        hours: a.hoursAttended,
        sessionsAttended: a.sessionsAttended,
      }));
  }
}

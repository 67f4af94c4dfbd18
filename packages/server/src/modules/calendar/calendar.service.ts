import type { CalendarSet, MyDeadlines, ProvinceCalendar } from '@jijiao/contracts';
import {
  calendarProblems,
  calendarRefusal,
  deadlinesFor,
  type CalendarAct,
  type ProvinceCalendarDays,
} from '@jijiao/domain';
import type { Actor } from '../../platform/auth/actor';
import { notFound, visibleOr404 } from '../../platform/auth/policy';
import { chinaDay, chinaYear, type Clock } from '../../platform/clock';
import type { Db, DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { actorEvent, type AuditLogService } from '../audit-log/audit-log.service';
import type { OrgsService } from '../orgs/orgs.service';
import { canSetCalendarOf, provinceIdOf } from './calendar.policy';
import type { CalendarRepository, CalendarRow } from './calendar.repository';

export interface CalendarDeps {
  db: Db;
  clock: Clock;
  repository: CalendarRepository;
  orgs: OrgsService;
  auditLog: AuditLogService;
}

function daysOf(row: CalendarRow): ProvinceCalendarDays {
  return {
    year: row.year,
    entryCloses: row.entryCloses,
    unitAuditDue: row.unitAuditDue,
    cityAuditDue: row.cityAuditDue,
    provinceFiling: row.provinceFiling,
    earlyAuditOpens: row.earlyAuditOpens,
    earlyAuditCloses: row.earlyAuditCloses,
  };
}

function viewOf(row: CalendarRow, provinceName: string): ProvinceCalendar {
  return {
    ...daysOf(row),
    provinceId: row.provinceId,
    provinceName,
    note: row.note,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const refusalWords = {
  entry_closed: (year: number, day: string) => `credit entry for ${String(year)} closed on ${day}`,
  review_closed: (year: number, day: string) =>
    `review of ${String(year)} claims closed on ${day} (the unit audit date)`,
} as const;

/**
 * The province's calendar (ADR 0039): set by the provincial office, shown to everyone it
 * concerns with days left, and the gate the claim lifecycle asks before entry and review.
 */
export class CalendarService {
  readonly #deps: CalendarDeps;

  constructor(deps: CalendarDeps) {
    this.#deps = deps;
  }

  /**
   * Refuses `act` on claims of these units and years when their province's calendar has
   * closed it today (422 `entry_closed` / `review_closed`, naming the last day it was open).
   */
  async assertOpen(
    tx: DbOrTx,
    act: CalendarAct,
    claims: readonly { unitId: string; year: number }[],
  ): Promise<void> {
    if (claims.length === 0) return;
    const unitIds = [...new Set(claims.map((c) => c.unitId))];
    const years = [...new Set(claims.map((c) => c.year))];
    const found = await this.#deps.repository.forUnits(tx, unitIds, years);
    if (found.length === 0) return;
    const today = chinaDay(this.#deps.clock.now());
    const wanted = new Set(claims.map((c) => `${c.unitId}:${String(c.year)}`));
    for (const calendar of found) {
      if (!wanted.has(`${calendar.unitId}:${String(calendar.year)}`)) continue;
      const refusal = calendarRefusal(calendar, act, today);
      if (refusal)
        throw new AppError(
          refusal.code,
          refusalWords[refusal.code](refusal.year, refusal.closedOn),
          { year: refusal.year, day: refusal.closedOn, act },
        );
    }
  }

  async get(actor: Actor, provinceId: string, year: number): Promise<ProvinceCalendar> {
    const province = await this.#provinceFor(actor, provinceId);
    const row = await this.#deps.repository.find(this.#deps.db, province.id, year);
    if (!row) throw notFound({ what: 'calendar', details: { provinceId, year } });
    return viewOf(row, province.name);
  }

  async set(
    actor: Actor,
    provinceId: string,
    year: number,
    input: CalendarSet,
    ip: string,
  ): Promise<ProvinceCalendar> {
    const province = await this.#provinceFor(actor, provinceId);
    const days: ProvinceCalendarDays = {
      year,
      entryCloses: input.entryCloses,
      unitAuditDue: input.unitAuditDue,
      cityAuditDue: input.cityAuditDue,
      provinceFiling: input.provinceFiling,
      earlyAuditOpens: input.earlyAuditOpens ?? null,
      earlyAuditCloses: input.earlyAuditCloses ?? null,
    };
    const problems = calendarProblems(days);
    if (problems.length > 0)
      throw new AppError(
        'validation_failed',
        problems.map((p) => `${p.field}: ${p.message}`).join('; '),
        undefined,
        problems.map((p) => ({ path: p.field, message: p.message })),
      );
    const row = await this.#deps.db.transaction(async (tx) => {
      const saved = await this.#deps.repository.upsert(tx, {
        ...days,
        provinceId: province.id,
        note: input.note ?? null,
        updatedBy: actor.userId,
        updatedAt: this.#deps.clock.now(),
      });
      await this.#deps.auditLog.record(
        actorEvent(actor, 'calendar.set', ip, {
          targetType: 'province_calendar',
          targetId: province.id,
          orgPath: province.path,
          details: { ...days },
        }),
        tx,
      );
      return saved;
    });
    return viewOf(row, province.name);
  }

  /** The dates of the actor's province this year that concern their roles, with days left. */
  async mine(actor: Actor, year?: number): Promise<MyDeadlines> {
    const now = this.#deps.clock.now();
    const today = chinaDay(now);
    const forYear = year ?? chinaYear(now);
    const provinceId = provinceIdOf(actor);
    const row = provinceId
      ? await this.#deps.repository.find(this.#deps.db, provinceId, forYear)
      : undefined;
    if (!row || !provinceId) return { today, year: forYear, calendar: null, days: [] };
    const province = await this.#deps.orgs.findAny(provinceId);
    const roles = actor.grants.map((g) => g.role);
    return {
      today,
      year: forYear,
      calendar: viewOf(row, province?.name ?? ''),
      days: deadlinesFor(daysOf(row), roles, today),
    };
  }

  /** Calendars still running on `asOf` (their unit audit day not passed): what reminders read. */
  async current(
    db: DbOrTx,
    asOf: string,
  ): Promise<(ProvinceCalendarDays & { provinceId: string })[]> {
    const rows = await this.#deps.repository.current(db, asOf);
    return rows.map((row) => ({ ...daysOf(row), provinceId: row.provinceId }));
  }

  async #provinceFor(actor: Actor, provinceId: string) {
    return visibleOr404(await this.#deps.orgs.findAny(provinceId), canSetCalendarOf, actor, {
      what: 'province',
      details: { provinceId },
    });
  }
}

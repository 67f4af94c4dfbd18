import type { SQL } from 'drizzle-orm';
import {
  auditReminderOffsetsDays,
  dueMilestone,
  entryReminderOffsetsDays,
  overdueBefore,
  reminderRules,
  type ReminderKind,
  type ReminderRule,
} from '@jijiao/domain';
import { chinaDay, type Clock } from '../../platform/clock';
import type { Db, DbOrTx } from '../../platform/db/database';
import type { CalendarService } from '../calendar/calendar.service';
import type { OrgsService } from '../orgs/orgs.service';
import { reminderRecipientRoles } from './reminders.policy';
import type { RemindersRepository } from './reminders.repository';

/** Where reminders go: the notifications service's set-based write (ON CONFLICT DO NOTHING). */
export interface ReminderSink {
  notifyFromSelect(tx: DbOrTx, select: SQL): Promise<number>;
}

export interface RemindersDeps {
  db: Db;
  clock: Clock;
  repository: RemindersRepository;
  calendar: Pick<CalendarService, 'current'>;
  orgs: Pick<OrgsService, 'findAnyOf'>;
  notifications: ReminderSink;
  reviewWaitingDays: number;
}

export interface ReminderRuleCount {
  rule: ReminderRule;
  kind: ReminderKind;
  /** Province and year for the calendar's rules; absent for the every-day ones. */
  province?: string;
  year?: number;
  /** The milestone day (or cut-off) the rule fired for. */
  on: string;
  /** Rows newly created (a dry run: that would be). */
  created: number;
  /** How long the rule's statement took. */
  ms: number;
}

export interface BehindLearner {
  province: string;
  name: string;
  idNumberMasked: string;
  unitName: string;
  /** `code:credits;…` (domain `needsLineZh` words it). */
  needs: string;
}

export interface ReminderRunReport {
  asOf: string;
  dryRun: boolean;
  rules: ReminderRuleCount[];
  /** For a dry run: the learners behind that the learner rule reaches, first ones only. */
  behind: BehindLearner[];
  /** Per province and year whose learner rule was due: people behind without an account. */
  unreachable: { province: string; year: number; people: number }[];
  /** The whole run, in the database (the CLI's start not included). */
  seconds: number;
}

export interface ReminderRunOptions {
  asOf?: string | undefined;
  dryRun?: boolean | undefined;
  /** How many learners behind a dry run lists (per province). */
  listLimit?: number | undefined;
}

class DryRunRollback extends Error {}

/**
 * The reminder rules (ADR 0039), run for a day: for each province calendar still running,
 * the learner and unit rules at their milestones; every day, reviewers with claims waiting
 * and hosts with unreported projects. All rows go through the notifications service in one
 * transaction; a dry run writes them and rolls back, so its counts are exactly what a run
 * would create.
 */
export class RemindersService {
  readonly #deps: RemindersDeps;

  constructor(deps: RemindersDeps) {
    this.#deps = deps;
  }

  async run(options: ReminderRunOptions = {}): Promise<ReminderRunReport> {
    const { db, clock } = this.#deps;
    const asOf = options.asOf ?? chinaDay(clock.now());
    const dryRun = options.dryRun === true;
    const started = performance.now();
    const report: ReminderRunReport = {
      asOf,
      dryRun,
      rules: [],
      behind: [],
      unreachable: [],
      seconds: 0,
    };
    try {
      await db.transaction(async (tx) => {
        await this.#apply(tx, asOf, report, dryRun ? (options.listLimit ?? 50) : 0);
        if (dryRun) throw new DryRunRollback();
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
    report.seconds = Math.round(performance.now() - started) / 1000;
    return report;
  }

  async #apply(tx: DbOrTx, asOf: string, report: ReminderRunReport, listLimit: number) {
    const { repository, calendar, notifications } = this.#deps;
    const fire = async (count: Omit<ReminderRuleCount, 'kind' | 'created' | 'ms'>, select: SQL) => {
      const started = performance.now();
      const created = await notifications.notifyFromSelect(tx, select);
      const ms = Math.round(performance.now() - started);
      report.rules.push({ ...count, kind: reminderRules[count.rule], created, ms });
    };
    const calendars = await calendar.current(tx, asOf);
    const provinces = await this.#deps.orgs.findAnyOf(
      calendars.map((c) => c.provinceId),
      tx,
    );
    const nameOf = (id: string) => provinces.find((p) => p.id === id)?.name ?? id;
    for (const c of calendars) {
      const at = { provinceId: c.provinceId, year: c.year };
      const where = { province: nameOf(c.provinceId), year: c.year };
      const entry = dueMilestone(c.entryCloses, asOf, entryReminderOffsetsDays);
      if (entry) {
        await fire(
          { rule: 'learner_behind', ...where, on: entry.on },
          repository.learnersBehind(at, entry),
        );
        await fire(
          { rule: 'unit_staff_behind', ...where, on: entry.on },
          repository.unitsWithStaffBehind(at, entry, reminderRecipientRoles.unit_staff_behind),
        );
        const people = await repository.countBehindWithoutAccount(tx, at);
        if (people > 0) report.unreachable.push({ ...where, people });
        if (listLimit > 0)
          for (const learner of await repository.describeBehind(tx, at, listLimit))
            report.behind.push({ province: where.province, ...learner });
      }
      const audit = dueMilestone(c.unitAuditDue, asOf, auditReminderOffsetsDays);
      if (audit)
        await fire(
          { rule: 'unit_audit_due', ...where, on: audit.on },
          repository.unitsWithAuditDue(at, audit, reminderRecipientRoles.unit_audit_due),
        );
    }
    const days = this.#deps.reviewWaitingDays;
    const before = overdueBefore(asOf, days);
    await fire(
      { rule: 'reviews_waiting', on: before },
      repository.reviewsWaiting(before, days, reminderRecipientRoles.reviews_waiting),
    );
    await fire(
      { rule: 'host_unreported', on: asOf },
      repository.hostsUnreported(asOf, reminderRecipientRoles.host_unreported),
    );
  }
}

import type {
  ComplianceStatistics,
  PendingCredit,
  StaffProgress,
  UnitProgress,
  UnitProgressExportQuery,
  UnitProgressQuery,
  YearList,
  YearReportView,
} from '@jijiao/contracts';
import { tallyCompliance, type PolicyRegistry } from '@jijiao/domain';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { Actor } from '../../platform/auth/actor';
import { visibleOr404 } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors/app-error';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';
import type { OrgsService } from '../orgs/orgs.service';
import type { OrgRow } from '../orgs/orgs.service';
import type { PeopleService } from '../people/people.service';
import type { PersonView } from '../people/people.service';
import { placeOfUnit, type UnitPlace } from '../credits/claim-place';
import { toClaimSummary } from '../credits/claim-view';
import type { CreditIntake } from '../credits/credit-intake.service';
import type { ClaimsService } from '../credits/claims.service';
import {
  pendingStatuses,
  type LearnerYearRepository,
  type StaffRow,
  type YearClaimRow,
} from './learner-year.repository';
import { canReadUnitProgress } from './learner-year.policy';
import { evaluateClaims, policyFor, reportView, type YearPolicy } from './year-report';

export interface LearnerYearDeps {
  db: Db;
  clock: Clock;
  repository: LearnerYearRepository;
  claims: ClaimsService;
  intake: CreditIntake;
  people: PeopleService;
  orgs: OrgsService;
  policies: PolicyRegistry;
  /** The most staff one progress request evaluates (JIJIAO_PROGRESS_MAX_STAFF). */
  maxStaff: number;
}

/** One staff member's year, with what the export needs beyond the list. */
export type StaffYear = StaffProgress & {
  classCredits: Record<string, number>;
  titleGrade: string;
};

const isPending = (c: YearClaimRow) => (pendingStatuses as readonly string[]).includes(c.status);

/** Behind first (largest shortfall first), then by name. */
function compareStaff(a: StaffYear, b: StaffYear): number {
  if (a.compliant !== b.compliant) return a.compliant ? 1 : -1;
  if (a.shortfall !== b.shortfall) return b.shortfall - a.shortfall;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0;
}

const cursorOf = (s: StaffYear) =>
  encodeCursor([s.compliant ? 1 : 0, s.shortfall, s.name, s.personId]);

/**
 * The learner's year at a glance (the rules engine over their effective claims, pending
 * ones beside it) and a unit's staff progress. Reads only; one query for a unit's claims.
 */
export class LearnerYearService {
  readonly #deps: LearnerYearDeps;

  constructor(deps: LearnerYearDeps) {
    this.#deps = deps;
  }

  /** The credit year of today (China time). */
  currentYear(): number {
    return new Date(this.#deps.clock.now().getTime() + 8 * 3_600_000).getUTCFullYear();
  }

  private async ownPerson(actor: Actor) {
    const person = await this.#deps.people.findByUserId(actor.userId);
    if (!person) throw new AppError('not_found', 'Your account has no person record');
    return person;
  }

  async myYears(actor: Actor): Promise<YearList> {
    const person = await this.ownPerson(actor);
    const { db, repository, intake, policies } = this.#deps;
    const { where } = await intake.personAndPlace(db, person.id, person);
    const claims = await repository.allClaimsOf(db, person.id);
    const currentYear = this.currentYear();
    const years = [...new Set([currentYear, ...claims.map((c) => c.year)])].sort((a, b) => b - a);
    const items = years.map((year) => {
      const yp = policyFor(policies, where, year);
      const report = evaluateClaims(yp, where, year, claims);
      return {
        year,
        totalCredits: report.totalCredits,
        compliant: report.compliant,
        pendingCount: claims.filter((c) => c.year === year && isPending(c)).length,
      };
    });
    return { personId: person.id, personName: person.name, currentYear, items };
  }

  async myYear(actor: Actor, year: number): Promise<YearReportView> {
    return this.personYear(await this.ownPerson(actor), year);
  }

  /** A person in the caller's person:read subtree, else 404. */
  async staffYear(actor: Actor, personId: string, year: number): Promise<YearReportView> {
    return this.personYear(
      await this.#deps.people.findInScope(actor, personId, 'person:read'),
      year,
    );
  }

  private async personYear(person: PersonView, year: number): Promise<YearReportView> {
    const { db, repository, intake, policies, claims: claimViews } = this.#deps;
    const { where } = await intake.personAndPlace(db, person.id, person);
    const yp = policyFor(policies, where, year);
    const claims = await repository.claimsOf(db, [person.id], yp.fromYear, year);
    const report = evaluateClaims(yp, where, year, claims);
    const thisYear = claims.filter((c) => c.year === year);
    const channels = await repository.channelsOf(
      db,
      thisYear.map((c) => c.id),
    );
    const pendingClaims = thisYear.filter(isPending);
    const views = await claimViews.viewsOf(
      pendingClaims.map((c) => c.id),
      db,
    );
    const returnReasons = await repository.returnReasonsOf(
      db,
      pendingClaims.filter((c) => c.status === 'returned').map((c) => c.id),
    );
    const pending: PendingCredit[] = views
      .sort((a, b) =>
        a.activityDate === b.activityDate
          ? a.id.localeCompare(b.id)
          : a.activityDate.localeCompare(b.activityDate),
      )
      .map((v) => ({
        ...toClaimSummary(v),
        channels: (channels.get(v.id) ?? [v.channel]) as PendingCredit['channels'],
        reasons: v.valuationReasons,
        returnReason: v.status === 'returned' ? (returnReasons.get(v.id) ?? null) : null,
      }));
    return { ...reportView(person, year, report, claims, channels), pending };
  }

  /** An org in the caller's person:read subtree, else 404. */
  private async unitInScope(actor: Actor, unitId: string): Promise<OrgRow> {
    return visibleOr404(await this.#deps.orgs.findAny(unitId), canReadUnitProgress, actor, {
      what: 'organisation',
      details: { id: unitId },
    });
  }

  /** Where each unit of the staff is for the rules engine, with two queries in all. */
  private async placesOf(staff: readonly StaffRow[]): Promise<Map<string, UnitPlace>> {
    const pathIds = (path: string) => path.split('/').filter(Boolean);
    const ids = new Set(staff.flatMap((s) => pathIds(s.unitPath)));
    const byId = new Map((await this.#deps.orgs.findAnyOf([...ids])).map((o) => [o.id, o]));
    const places = new Map<string, UnitPlace>();
    for (const s of staff) {
      if (places.has(s.unitId)) continue;
      const unit = byId.get(s.unitId);
      if (!unit) throw new Error(`unit ${s.unitId} not found`);
      const ancestors = pathIds(unit.path)
        .slice(0, -1)
        .reverse()
        .flatMap((id) => byId.get(id) ?? []);
      places.set(s.unitId, placeOfUnit(unit, ancestors));
    }
    return places;
  }

  /**
   * Every staff member's year: one query for the staff, one for the places, one for all
   * their claims; then the pure rules engine per person.
   */
  async staffYears(actor: Actor, unitId: string, year: number): Promise<StaffYear[]> {
    const { db, repository, policies } = this.#deps;
    const unit = await this.unitInScope(actor, unitId);
    const staff = await repository.staffWithin(db, unit.path);
    if (staff.length > this.#deps.maxStaff) {
      throw new AppError(
        'scope_too_large',
        `${unit.name} has ${String(staff.length)} staff; progress is computed for at most ${String(this.#deps.maxStaff)} at a time: choose a unit below it`,
        { orgId: unit.id, staffCount: staff.length, maxStaff: this.#deps.maxStaff },
      );
    }
    const places = await this.placesOf(staff);
    const policyByUnit = new Map<string, YearPolicy>();
    for (const [id, where] of places) policyByUnit.set(id, policyFor(policies, where, year));
    const fromYear = Math.min(year, ...[...policyByUnit.values()].map((p) => p.fromYear));
    const claims = await repository.claimsOf(
      db,
      staff.map((s) => s.id),
      fromYear,
      year,
    );
    const byPerson = new Map<string, YearClaimRow[]>();
    for (const c of claims) {
      const mine = byPerson.get(c.personId);
      if (mine) mine.push(c);
      else byPerson.set(c.personId, [c]);
    }
    return staff.map((s) => {
      const where = places.get(s.unitId);
      const yp = policyByUnit.get(s.unitId);
      if (!where || !yp) throw new Error(`no place for unit ${s.unitId}`);
      const mine = byPerson.get(s.id) ?? [];
      const report = evaluateClaims(yp, where, year, mine);
      const total = report.requirements.find((r) => r.code === 'annual_total');
      return {
        personId: s.id,
        name: s.name,
        idNumberMasked: s.idNumberMasked,
        profession: s.profession,
        titleGrade: s.titleGrade,
        unitId: s.unitId,
        unitName: s.unitName,
        totalCredits: report.totalCredits,
        required: total?.required ?? 0,
        shortfall: total?.shortfall ?? 0,
        unmet: report.requirements.filter((r) => !r.met).map((r) => r.code),
        requirements: report.requirements,
        compliant: report.compliant,
        pendingCount: mine.filter((c) => c.year === year && isPending(c)).length,
        classCredits: report.classCredits,
      };
    });
  }

  /** Sorted behind first, optionally only those behind. */
  async sortedStaff(
    actor: Actor,
    unitId: string,
    query: UnitProgressExportQuery,
  ): Promise<{ year: number; all: StaffYear[]; shown: StaffYear[] }> {
    const year = query.year ?? this.currentYear();
    const all = (await this.staffYears(actor, unitId, year)).sort(compareStaff);
    return { year, all, shown: query.behind ? all.filter((s) => !s.compliant) : all };
  }

  async unitProgress(
    actor: Actor,
    unitId: string,
    query: UnitProgressQuery,
  ): Promise<UnitProgress> {
    const { year, all, shown } = await this.sortedStaff(actor, unitId, query);
    let start = 0;
    if (query.after) {
      const [compliant, shortfall, name, id] = decodeCursor(query.after, 4);
      const probe = {
        compliant: compliant === 1,
        shortfall: Number(shortfall),
        name: String(name),
        personId: String(id),
      } as StaffYear;
      start = shown.findIndex((s) => compareStaff(s, probe) > 0);
      if (start < 0) start = shown.length;
    }
    const page = shown.slice(start, start + query.limit);
    const last = page.at(-1);
    return {
      unitId,
      year,
      staffCount: all.length,
      behindCount: all.filter((s) => !s.compliant).length,
      items: page.map(({ classCredits: _c, titleGrade: _g, ...item }) => item),
      nextCursor: start + query.limit < shown.length && last ? cursorOf(last) : null,
    };
  }

  /** 统计报表: the unit's compliance for a year, overall and by profession, grade and unit. */
  async statistics(
    actor: Actor,
    unitId: string,
    query: { year?: number | undefined },
  ): Promise<ComplianceStatistics> {
    const year = query.year ?? this.currentYear();
    const staff = await this.staffYears(actor, unitId, year);
    const names = new Map(staff.map((s) => [s.unitId, s.unitName]));
    const { overall, by } = tallyCompliance(
      staff.map((s) => ({
        compliant: s.compliant,
        totalCredits: s.totalCredits,
        groups: { profession: s.profession, titleGrade: s.titleGrade, unit: s.unitId },
      })),
      ['profession', 'titleGrade', 'unit'],
    );
    return {
      unitId,
      year,
      overall,
      byProfession: by.profession,
      byTitleGrade: by.titleGrade,
      byUnit: by.unit.map((g) => ({ ...g, name: names.get(g.key) ?? '' })),
    };
  }
}

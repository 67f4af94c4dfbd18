import { creditChannels } from '@jijiao/contracts';
import type {
  ComplianceStatistics,
  CreditChannel,
  PendingCredit,
  StaffProgress,
  UnitProgress,
  UnitProgressExportQuery,
  UnitProgressQuery,
  YearCredit,
  YearList,
  YearReportView,
} from '@jijiao/contracts';
import { byAttention, isPendingStatus, pendingClaimStatuses, tallyOfCounts } from '@jijiao/domain';
import type { PolicyRegistry } from '@jijiao/domain';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { ReadRouting } from '../../platform/db/read-routing';
import type { Actor } from '../../platform/auth/actor';
import { visibleOr404 } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors/app-error';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';
import type { OrgsService } from '../orgs/orgs.service';
import type { OrgRow } from '../orgs/orgs.service';
import type { PeopleService } from '../people/people.service';
import type { PersonView } from '../people/people.service';
import { toClaimSummary } from '../credits/claim-view';
import type { CreditIntake } from '../credits/credit-intake.service';
import type { ClaimsService } from '../credits/claims.service';
import type {
  GroupCount,
  ProgressAfter,
  ProgressFilter,
  ProgressRow,
  ProgressSortKey,
  StandingRow,
  StandingsService,
} from '../standings/standings.service';
import type { LearnerYearRepository, YearClaimLine, YearClaimRow } from './learner-year.repository';

/** What the year page shows of a stored standing (the columns `ownYear` reads). */
type YearStanding = Pick<
  StandingRow,
  | 'packs'
  | 'compliant'
  | 'totalCredits'
  | 'classCredits'
  | 'requirements'
  | 'activities'
  | 'certificateHours'
  | 'stage'
  | 'fullYear'
>;
import { canReadUnitProgress } from './learner-year.policy';
import { evaluateClaims, policyFor, reportView } from './year-report';

export interface LearnerYearDeps {
  db: Db;
  /** Where the year pages and lists read (the replica in a routed request, ADR 0041). */
  reads?: ReadRouting;
  clock: Clock;
  repository: LearnerYearRepository;
  claims: ClaimsService;
  intake: CreditIntake;
  people: PeopleService;
  orgs: OrgsService;
  policies: PolicyRegistry;
  standings: StandingsService;
}

/** The sort of a progress query, with each sort's default order. */
function sortKeyOf(query: Pick<UnitProgressQuery, 'sort' | 'order'>): ProgressSortKey {
  switch (query.sort) {
    case 'shortfall':
      return { sort: 'shortfall' };
    case 'name':
      return { sort: 'name', order: query.order ?? 'asc' };
    case 'credits':
      return { sort: 'credits', order: query.order ?? 'desc' };
  }
}

const cursorLength = { shortfall: 4, name: 2, credits: 2 } as const;

function toStaffProgress(r: ProgressRow): StaffProgress {
  return {
    personId: r.personId,
    name: r.name,
    idNumberMasked: r.idNumberMasked,
    profession: r.profession,
    titleGrade: r.titleGrade,
    unitId: r.unitId,
    unitName: r.unitName,
    totalCredits: r.totalCredits,
    required: r.required,
    shortfall: r.shortfall,
    unmet: r.unmet,
    requirements: r.requirements as StaffProgress['requirements'],
    compliant: r.compliant,
    pendingCount: r.pendingCount,
    pendingCredits: r.pendingCredits,
    computedAt: r.computedAt.toISOString(),
  };
}

/** A progress row as the xlsx export writes it. */
export type ProgressExportRow = StaffProgress & { classCredits: Record<string, number> };

const freshness = (stale: { count: number; since: Date | null }) => ({
  staleCount: stale.count,
  asOf: stale.count > 0 && stale.since ? stale.since.toISOString() : null,
});

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
    return this.#deps.standings.currentYear();
  }

  /** The database for a read of a year page or list: the routed one (ADR 0041). */
  #reader(): Db {
    return this.#deps.reads?.db() ?? this.#deps.db;
  }

  private async ownPerson(actor: Actor) {
    const person = await this.#deps.people.findByUserId(actor.userId);
    if (!person) throw new AppError('not_found', 'Your account has no person record');
    return person;
  }

  /** Every year the learner has a standing of (this year always), from the stored standings. */
  async myYears(actor: Actor): Promise<YearList> {
    const person = await this.ownPerson(actor);
    const currentYear = this.currentYear();
    const rows = await this.#deps.standings.freshOf(person.id, [currentYear]);
    const items = rows
      .map((r) => ({
        year: r.year,
        totalCredits: r.totalCredits,
        compliant: r.compliant,
        pendingCount: r.pendingCount,
      }))
      .sort((a, b) => b.year - a.year);
    return { personId: person.id, personName: person.name, currentYear, items };
  }

  /**
   * The caller's own year: one statement reads their person, stored standing and claims;
   * a standing that is missing or has a change waiting is computed first (as `personYear`).
   */
  async myYear(actor: Actor, year: number): Promise<YearReportView> {
    const { repository } = this.#deps;
    const own = await repository.ownYear(this.#reader(), actor.userId, year);
    if (!own) throw new AppError('not_found', 'Your account has no person record');
    if (!own.standing || own.queued) return this.personYear(await this.ownPerson(actor), year);
    return this.yearView(
      { id: own.personId, name: own.personName },
      year,
      own.standing,
      own.claims,
    );
  }

  /** A person in the caller's person:read subtree, else 404. */
  async staffYear(actor: Actor, personId: string, year: number): Promise<YearReportView> {
    return this.personYear(
      await this.#deps.people.findInScope(actor, personId, 'person:read'),
      year,
    );
  }

  /**
   * A person's year from their stored standing (ADR 0018), current (computed now if a
   * change waits), with the year's claims in one query; the rules engine on read only for
   * a year without a standing.
   */
  private async personYear(person: PersonView, year: number): Promise<YearReportView> {
    const standing = await this.#deps.standings.yearOf(person.id, year);
    if (!standing) return this.evaluatedYear(person, year);
    const { repository } = this.#deps;
    return this.yearView(
      person,
      year,
      standing,
      await repository.yearClaims(this.#reader(), person.id, year, pendingClaimStatuses),
    );
  }

  /** The year page from a stored standing and the year's claims (effective and pending). */
  private async yearView(
    person: { id: string; name: string },
    year: number,
    standing: YearStanding,
    claims: readonly YearClaimLine[],
  ): Promise<YearReportView> {
    // Each counted activity carries what the page lists of its claim (ADR 0021); one
    // stored before that is listed from its claim.
    const older = standing.activities.some((a) => a.activityType === undefined);
    const byId = new Map<string, YearClaimLine>(
      older
        ? (
            await this.#deps.repository.yearClaims(this.#reader(), person.id, year, ['effective'])
          ).map((c) => [c.id, c])
        : [],
    );
    const credits: YearCredit[] = standing.activities.flatMap((a) => {
      const claim = byId.get(a.claimId) ?? {
        id: a.claimId,
        activityType: a.activityType ?? '',
        activityDate: a.activityDate ?? '',
        projectNumber: a.projectNumber ?? null,
        channels: a.channels ?? [],
      };
      if (!claim.activityType) return [];
      return [
        {
          claimId: claim.id,
          activityType: claim.activityType as YearCredit['activityType'],
          activityDate: claim.activityDate,
          projectNumber: claim.projectNumber,
          channels: claim.channels as YearCredit['channels'],
          status: 'effective' as const,
          credits: a.credits,
          faceCredits: a.faceCredits,
          class: a.class as YearCredit['class'],
          reasons: a.reasons,
        },
      ];
    });
    const channels = new Map(claims.map((c) => [c.id, c.channels]));
    return {
      personId: person.id,
      personName: person.name,
      year,
      packs: standing.packs,
      compliant: standing.compliant,
      totalCredits: standing.totalCredits,
      classCredits: standing.classCredits,
      requirements: standing.requirements as YearReportView['requirements'],
      credits,
      pending: await this.pendingOf(
        claims.filter((c) => isPendingStatus(c.status)),
        channels,
      ),
      ...(standing.certificateHours === null
        ? {}
        : { certificateHours: standing.certificateHours }),
      ...(standing.stage ? { stage: standing.stage as YearReportView['stage'] } : {}),
      ...(standing.fullYear ? { fullYear: standing.fullYear as YearReportView['fullYear'] } : {}),
    };
  }

  /** A year without rules in force answers 400 here; any other year is evaluated on read. */
  private async evaluatedYear(person: PersonView, year: number): Promise<YearReportView> {
    const { repository, intake, policies } = this.#deps;
    const db = this.#reader();
    const { where } = await intake.personAndPlace(db, person.id, person);
    const yp = policyFor(policies, where, year);
    const claims = await repository.claimsOf(db, [person.id], yp.fromYear, year);
    const report = evaluateClaims(yp, where, year, claims);
    const thisYear = claims.filter((c) => c.year === year);
    const channels = await repository.channelsOf(
      db,
      thisYear.map((c) => c.id),
    );
    const pending = await this.pendingOf(
      thisYear.filter((c) => isPendingStatus(c.status)),
      channels,
    );
    return { ...reportView(person, year, report, claims, channels), pending };
  }

  /** The year's pending claims as the page lists them (none: no query). */
  private async pendingOf(
    pendingClaims: readonly Pick<YearClaimRow, 'id' | 'status'>[],
    channels: ReadonlyMap<string, string[]>,
  ): Promise<PendingCredit[]> {
    if (pendingClaims.length === 0) return [];
    const { repository, claims: claimViews } = this.#deps;
    const db = this.#reader();
    const views = await claimViews.viewsOf(
      pendingClaims.map((c) => c.id),
      db,
    );
    const returned = pendingClaims.filter((c) => c.status === 'returned').map((c) => c.id);
    const returnReasons =
      returned.length > 0
        ? await repository.returnReasonsOf(db, returned)
        : new Map<string, string>();
    return views
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
  }

  /** An org in the caller's person:read subtree, else 404. */
  private async unitInScope(actor: Actor, unitId: string): Promise<OrgRow> {
    return visibleOr404(await this.#deps.orgs.findAny(unitId), canReadUnitProgress, actor, {
      what: 'organisation',
      details: { id: unitId },
    });
  }

  /** The filter of a progress query within an org the caller may read. */
  private async progressFilter(
    actor: Actor,
    unitId: string,
    query: UnitProgressExportQuery,
  ): Promise<{ org: OrgRow; filter: ProgressFilter }> {
    const org = await this.unitInScope(actor, unitId);
    const year = query.year ?? this.currentYear();
    const compliant = query.behind ? false : query.compliant;
    return {
      org,
      filter: {
        path: org.path,
        year,
        ...(compliant === undefined ? {} : { compliant }),
        ...(query.profession ? { profession: query.profession } : {}),
        ...(query.titleGrade ? { titleGrade: query.titleGrade } : {}),
        ...(query.shortfallMin === undefined ? {} : { shortfallMin: query.shortfallMin }),
        ...(query.shortfallMax === undefined ? {} : { shortfallMax: query.shortfallMax }),
      },
    };
  }

  /**
   * 人员学分进度 of any subtree, however large: a keyset page of the stored standings with
   * the counts, and how current they are (ADR 0018).
   */
  async unitProgress(
    actor: Actor,
    unitId: string,
    query: UnitProgressQuery,
  ): Promise<UnitProgress> {
    const { filter } = await this.progressFilter(actor, unitId, query);
    const key = sortKeyOf(query);
    let after: ProgressAfter | undefined;
    if (query.after) {
      const decoded = decodeCursor(query.after, cursorLength[key.sort]);
      // The cursor carries `compliant` as 1/0; the keyset compares a boolean.
      after = key.sort === 'shortfall' ? [decoded[0] === 1, ...decoded.slice(1)] : decoded;
    }
    const page = await this.#deps.standings.progressPage(filter, key, after, query.limit);
    return {
      unitId,
      year: filter.year,
      staffCount: page.counts?.staff ?? null,
      behindCount: page.counts?.behind ?? null,
      total: page.counts?.total ?? null,
      ...freshness(page.stale),
      items: page.rows.map(toStaffProgress),
      nextCursor: page.next
        ? encodeCursor(page.next.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v)))
        : null,
    };
  }

  /** Every matching row of a progress query, in order, streamed from the database (xlsx). */
  async progressRows(
    actor: Actor,
    unitId: string,
    query: UnitProgressExportQuery,
  ): Promise<{ year: number; org: OrgRow; rows: AsyncGenerator<ProgressExportRow> }> {
    const { org, filter } = await this.progressFilter(actor, unitId, query);
    await this.#deps.standings.freshWithin(filter.path, filter.year);
    const source = this.#deps.standings.progressRows(filter, sortKeyOf(query));
    async function* rows() {
      for await (const r of source) yield { ...toStaffProgress(r), classCredits: r.classCredits };
    }
    return { year: filter.year, org, rows: rows() };
  }

  /**
   * 统计报表 of any subtree for a year: overall, by child organisation, profession, title
   * grade and unit level; the distribution of credits; this year against last year by month.
   * One grouped pass over the stored standings, however large the subtree.
   */
  async statistics(
    actor: Actor,
    unitId: string,
    query: { year?: number | undefined },
  ): Promise<ComplianceStatistics> {
    const org = await this.unitInScope(actor, unitId);
    const year = query.year ?? this.currentYear();
    const { standings, orgs } = this.#deps;
    const stale = await standings.talliesFreshWithin(org.path, year);
    const depth = org.path.split('/').filter(Boolean).length;
    const [{ groups: counts, sums: thisYear }, lastYear] = await Promise.all([
      standings.yearSummary(org.path, year, depth),
      standings.yearSums(org.path, year - 1),
    ]);
    const groups = (dimension: GroupCount['dimension']) =>
      counts
        .filter((c) => c.dimension === dimension && c.key !== null && c.key !== '')
        .map((c) => ({ key: c.key ?? '', ...tallyOfCounts(c) }))
        .sort(byAttention);
    const children = groups('child');
    const childOrgs = new Map(
      (await orgs.findAnyOf(children.map((c) => c.key))).map((o) => [o.id, o]),
    );
    const distribution = Array.from({ length: 9 }, (_, i) => ({
      from: i * 5,
      to: i === 8 ? null : (i + 1) * 5,
      staff: thisYear.buckets[i] ?? 0,
    }));
    const cumulativeMean = (m: { staff: number; months: number[] }) => {
      let sum = 0;
      return m.months.map((credits) => {
        sum += credits;
        return m.staff === 0 ? 0 : Math.round((sum / m.staff) * 10) / 10;
      });
    };
    return {
      unitId,
      year,
      ...freshness(stale),
      overall: tallyOfCounts(thisYear),
      byChild: children.map((c) => ({
        ...c,
        name: childOrgs.get(c.key)?.name ?? '',
        kind: childOrgs.get(c.key)?.kind ?? '',
      })),
      byProfession: groups('profession'),
      byTitleGrade: groups('titleGrade'),
      byUnitLevel: groups('unitLevel'),
      distribution,
      byChannel: creditChannels.map((channel: CreditChannel, i) => ({
        channel,
        credits: Math.round((thisYear.channels[i] ?? 0) * 10) / 10,
      })),
      trend: {
        months: Array.from({ length: 12 }, (_, i) => i + 1),
        thisYear: cumulativeMean(thisYear),
        lastYear: cumulativeMean(lastYear),
      },
    };
  }
}

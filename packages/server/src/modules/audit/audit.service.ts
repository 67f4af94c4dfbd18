import type {
  Audit,
  AuditDeadlines,
  AuditList,
  AuditOpen,
  AuditProgress,
  AuditResult,
  AuditRun,
  UnitAudit,
} from '@jijiao/contracts';
import type { PolicyRegistry } from '@jijiao/domain';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { Actor } from '../../platform/auth/actor';
import { isWithinScope, scopeOf } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors/app-error';
import { isUniqueViolation } from '../../platform/db/pg-errors';
import { actorEvent, type AuditLogService } from '../audit-log/audit-log.service';
import type { OrgsService } from '../orgs/orgs.service';
import type { OrgRow } from '../orgs/orgs.repository';
import type { CertificatesService } from '../certificates/certificates.service';
import type { HrPushService } from '../hr-push/hr-push.service';
import type { AuditRepository } from './audit.repository';
import type { AuditRow } from './audit-records.repository';
import { AuditPolicies, evaluatePerson, type AuditEvaluation } from './audit-evaluate';
import { chinaDay, toAudit, toResult, toRun, toUnitReport, cityOf } from './audit-view';

export interface AuditDeps {
  db: Db;
  clock: Clock;
  repository: AuditRepository;
  orgs: OrgsService;
  certificates: CertificatesService;
  hrPush: HrPushService;
  auditLog: AuditLogService;
  policies: PolicyRegistry;
}

/** People read per SQL pass, and result rows per INSERT. */
export const jobBatch = { read: 2000, write: 1000 } as const;

/**
 * A running run whose job has not beaten for this long is taken as dead (its process
 * stopped) and may be replaced. A batch of 2000 people takes well under a second.
 */
export const runLeaseMs = 5 * 60_000;

export type RunProgress = (run: AuditRun) => void;

/** Units grouped so that each group has about `size` people (a big unit is a group alone). */
export function cutBatches(
  counts: readonly { unitId: string; people: number }[],
  size: number,
): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let people = 0;
  for (const c of counts) {
    if (current.length > 0 && people + c.people > size) {
      batches.push(current);
      current = [];
      people = 0;
    }
    current.push(c.unitId);
    people += c.people;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * The annual audit: opening, the evaluation job (set-based reads, the pure rules engine
 * per person, batched writes) and what the levels see. The chain: audit-chain.service.ts.
 */
export class AuditService {
  /** Jobs running in this process, by audit id. */
  private readonly running = new Map<string, Promise<AuditRun>>();

  constructor(readonly deps: AuditDeps) {}

  /** The credit year of today (China time); only years before it can be audited. */
  currentYear(): number {
    return Number(chinaDay(this.deps.clock.now()).slice(0, 4));
  }

  /** Whether `actor` holds `permission` somewhere in the province (above or below). */
  private touches(actor: Actor, permission: Parameters<typeof scopeOf>[1], path: string) {
    return scopeOf(actor, permission).some((r) => r.startsWith(path) || path.startsWith(r));
  }

  /** The audit, when the actor holds `permission` in its province; else 404. */
  async auditFor(
    actor: Actor,
    id: string,
    permission: 'audit:read' | 'audit:manage' | 'audit:report' | 'audit:review' = 'audit:read',
  ): Promise<{ audit: AuditRow; province: OrgRow }> {
    const audit = await this.deps.repository.records.findAudit(this.deps.db, id);
    const province = audit ? await this.deps.orgs.findAny(audit.provinceId) : undefined;
    const allowed =
      province &&
      (permission === 'audit:manage'
        ? isWithinScope(scopeOf(actor, permission), province.path)
        : this.touches(actor, permission, province.path));
    if (!audit || !province || !allowed) {
      throw new AppError('not_found', 'No such audit', { id });
    }
    return { audit, province };
  }

  async view(audit: AuditRow, province: OrgRow): Promise<Audit> {
    const runs = await this.deps.repository.records.lastRuns(this.deps.db, [audit.id]);
    return toAudit(audit, province.name, runs.get(audit.id));
  }

  async get(actor: Actor, id: string): Promise<Audit> {
    const { audit, province } = await this.auditFor(actor, id);
    return this.view(audit, province);
  }

  async list(actor: Actor): Promise<AuditList> {
    const provinceIds = [
      ...new Set(
        actor.grants.map((g) => g.orgPath.split('/').filter(Boolean)[0]).filter((id) => !!id),
      ),
    ] as string[];
    const provinces = await this.deps.orgs.findAnyOf(provinceIds);
    const visible = provinces.filter((p) => this.touches(actor, 'audit:read', p.path));
    const rows = await this.deps.repository.records.auditsOfProvinces(
      this.deps.db,
      visible.map((p) => p.id),
    );
    const runs = await this.deps.repository.records.lastRuns(
      this.deps.db,
      rows.map((r) => r.id),
    );
    const names = new Map(visible.map((p) => [p.id, p.name]));
    return {
      items: rows.map((r) => toAudit(r, names.get(r.provinceId) ?? '', runs.get(r.id))),
    };
  }

  /** Opens the audit of an ended year; one open audit per province; never a year twice. */
  async open(actor: Actor, input: AuditOpen, ip: string): Promise<Audit> {
    const province = await this.deps.orgs.findAny(input.provinceId);
    if (
      !province ||
      province.kind !== 'province' ||
      !isWithinScope(scopeOf(actor, 'audit:manage'), province.path)
    ) {
      throw new AppError('not_found', 'No such province', { provinceId: input.provinceId });
    }
    if (input.year >= this.currentYear()) {
      throw new AppError('invalid_state', `year: ${String(input.year)} has not ended`, {
        year: input.year,
        currentYear: this.currentYear(),
      });
    }
    const { db, repository, clock } = this.deps;
    const row = await db.transaction(async (tx) => {
      const same = await repository.records.findByProvinceYear(tx, province.id, input.year);
      if (same) {
        throw new AppError('conflict', `The audit of ${String(input.year)} already exists`, {
          auditId: same.id,
          status: same.status,
        });
      }
      const open = await repository.records.openAuditOf(tx, province.id);
      if (open) {
        throw new AppError('conflict', `The audit of ${String(open.year)} is still open`, {
          auditId: open.id,
          year: open.year,
        });
      }
      const created = await repository.records.insertAudit(tx, {
        provinceId: province.id,
        year: input.year,
        status: 'open',
        reportDeadline: input.reportDeadline ?? null,
        earlyDeadline: input.earlyDeadline ?? null,
        openedBy: actor.userId,
        openedAt: clock.now(),
      });
      await this.deps.auditLog.record(
        actorEvent(actor, 'audit.opened', ip, {
          targetType: 'audit',
          targetId: created.id,
          orgPath: province.path,
          details: { year: input.year },
        }),
        tx,
      );
      return created;
    });
    return this.view(row, province);
  }

  /**
   * The audit of `year` for the province with `regionCode` (or the actor's only province),
   * opened when there is none yet: what `jijiao audit run` works on.
   */
  async findOrOpen(actor: Actor, year: number, regionCode?: string): Promise<Audit> {
    const roots = [...new Set(actor.grants.map((g) => g.orgPath.split('/').filter(Boolean)[0]))];
    const provinces = (
      await this.deps.orgs.findAnyOf(roots.filter((id) => !!id) as string[])
    ).filter(
      (o) =>
        o.kind === 'province' &&
        isWithinScope(scopeOf(actor, 'audit:manage'), o.path) &&
        (regionCode === undefined || o.regionCode === regionCode),
    );
    const [province] = provinces;
    if (!province || provinces.length > 1) {
      const message = province ? 'several provinces: name one' : 'no such province';
      throw new AppError('validation_failed', `province: ${message}`, undefined, [
        { path: 'province', message },
      ]);
    }
    const existing = await this.deps.repository.records.findByProvinceYear(
      this.deps.db,
      province.id,
      year,
    );
    if (existing) return this.view(existing, province);
    return this.open(actor, { provinceId: province.id, year }, '');
  }

  async setDeadlines(actor: Actor, id: string, body: AuditDeadlines, ip: string) {
    const { audit, province } = await this.auditFor(actor, id, 'audit:manage');
    if (audit.status !== 'open') throw new AppError('invalid_state', 'The audit is filed');
    const row = await this.deps.db.transaction(async (tx) => {
      const updated = await this.deps.repository.records.updateAuditIfVersion(
        tx,
        id,
        body.version,
        {
          ...(body.reportDeadline === undefined ? {} : { reportDeadline: body.reportDeadline }),
          ...(body.earlyDeadline === undefined ? {} : { earlyDeadline: body.earlyDeadline }),
        },
      );
      if (!updated) throw staleAudit(audit);
      await this.deps.auditLog.record(
        actorEvent(actor, 'audit.deadlines_set', ip, {
          targetType: 'audit',
          targetId: id,
          orgPath: province.path,
          details: { reportDeadline: updated.reportDeadline, earlyDeadline: updated.earlyDeadline },
        }),
        tx,
      );
      return updated;
    });
    return this.view(row, province);
  }

  /** Starts the evaluation job in the background; its progress is read by `lastRun`. */
  async startRun(actor: Actor, id: string, ip: string): Promise<AuditRun> {
    const { audit, province } = await this.auditFor(actor, id, 'audit:manage');
    const run = await this.createRun(actor, audit, province, ip);
    const job = this.execute(audit, province, run.id).finally(() => this.running.delete(audit.id));
    this.running.set(audit.id, job);
    job.catch(() => undefined); // the failure is recorded on the run
    return toRun(run);
  }

  /** Runs the job to the end (the CLI), reporting progress after each batch. */
  async run(actor: Actor, id: string, onProgress?: RunProgress): Promise<AuditRun> {
    const { audit, province } = await this.auditFor(actor, id, 'audit:manage');
    const run = await this.createRun(actor, audit, province, '');
    const job = this.execute(audit, province, run.id, onProgress).finally(() =>
      this.running.delete(audit.id),
    );
    this.running.set(audit.id, job);
    return job;
  }

  /** Waits for a background job of this process (tests); the last run otherwise. */
  async settled(actor: Actor, id: string): Promise<AuditRun | null> {
    await this.running.get(id)?.catch(() => undefined);
    return (await this.get(actor, id)).lastRun;
  }

  async lastRun(actor: Actor, id: string): Promise<AuditRun | null> {
    return (await this.get(actor, id)).lastRun;
  }

  private async createRun(actor: Actor, audit: AuditRow, province: OrgRow, ip: string) {
    if (audit.status !== 'open') throw new AppError('invalid_state', 'The audit is filed');
    if (this.running.has(audit.id)) {
      throw new AppError('conflict', 'The evaluation of this audit is already running');
    }
    const { db, repository, clock } = this.deps;
    if ((await repository.reports.reportsBeyondUnit(db, audit.id)) > 0) {
      throw new AppError(
        'invalid_state',
        'Units have reported already: their reports must be returned before a re-run',
      );
    }
    const now = clock.now();
    const staleBefore = new Date(now.getTime() - runLeaseMs);
    return db.transaction(async (tx) => {
      await repository.records.failInterruptedRuns(tx, audit.id, now, staleBefore);
      // The partial unique index admits one running run per audit: a run started by
      // another process (the CLI beside the server, a second server) answers 409 here.
      const run = await repository.records
        .insertRun(tx, {
          auditId: audit.id,
          status: 'running',
          startedBy: actor.userId,
          startedAt: now,
          heartbeatAt: now,
        })
        .catch((error: unknown) => {
          if (!isUniqueViolation(error)) throw error;
          throw new AppError(
            'conflict',
            'The evaluation of this audit is already running (started by another process)',
          );
        });
      await this.deps.auditLog.record(
        actorEvent(actor, 'audit.run_started', ip, {
          targetType: 'audit',
          targetId: audit.id,
          orgPath: province.path,
          details: { runId: run.id, year: audit.year },
        }),
        tx,
      );
      return run;
    });
  }

  /**
   * The job. Each batch: one SQL pass over a batch of people with their effective claims
   * (aggregated per person), the rules engine per person in memory, one multi-row upsert
   * per 1000 results, then the progress. Batches commit on their own so that progress is
   * visible; the end (stale rows, unit totals, status) is one transaction. Re-running is
   * idempotent: results are keyed by audit and person, notes are kept.
   */
  private async execute(
    audit: AuditRow,
    province: OrgRow,
    runId: string,
    onProgress?: RunProgress,
  ): Promise<AuditRun> {
    const { db, repository, clock } = this.deps;
    try {
      const orgRows = await repository.people.orgsWithin(db, province.path);
      const policies = new AuditPolicies(this.deps.policies, orgRows, audit.year);
      const units = orgRows.filter((o) => o.kind === 'unit').map((o) => o.id);
      const fromYear = policies.fromYearOf(units);
      const counts = await repository.people.staffCounts(db, province.path);
      const total = counts.reduce((sum, c) => sum + c.people, 0);
      await repository.records.updateRun(db, runId, { total });
      let done = 0;
      let compliant = 0;
      const batches = cutBatches(counts, jobBatch.read);
      const read = (unitIds: string[]) =>
        repository.people.peopleWithClaims(db, { unitIds, fromYear, year: audit.year });
      // The next batch is read while this one is evaluated and written: the database and
      // the rules engine work at the same time instead of taking turns.
      let reading = batches[0] ? read(batches[0]) : undefined;
      for (const [index, unitIds] of batches.entries()) {
        if (!reading) throw new Error(`batch ${index} (${unitIds.length} units) was not read`);
        const batch = await reading;
        const nextIds = batches[index + 1];
        reading = nextIds ? read(nextIds) : undefined;
        // Its failure surfaces when it is awaited; if this batch fails first, not unhandled.
        reading?.catch(() => undefined);
        const results: AuditEvaluation[] = batch.map((p) =>
          evaluatePerson(policies, audit.year, p),
        );
        const at = clock.now();
        for (let i = 0; i < results.length; i += jobBatch.write) {
          await repository.results.upsertResults(
            db,
            audit.id,
            runId,
            at,
            results.slice(i, i + jobBatch.write),
          );
        }
        done += results.length;
        compliant += results.filter((r) => r.compliant).length;
        await repository.records.updateRun(db, runId, {
          done,
          compliant,
          total: Math.max(total, done),
          heartbeatAt: clock.now(),
        });
        onProgress?.({
          ...toRun({
            id: runId,
            auditId: audit.id,
            status: 'running',
            total: Math.max(total, done),
            done,
            compliant,
            startedBy: null,
            startedAt: at,
            heartbeatAt: at,
            finishedAt: null,
            error: null,
          }),
        });
      }
      await db.transaction(async (tx) => {
        await repository.results.deleteStaleResults(tx, audit.id, runId);
        await repository.reports.refreshUnitReports(tx, audit.id, clock.now());
        await repository.records.updateRun(tx, runId, {
          status: 'succeeded',
          done,
          total: done,
          compliant,
          finishedAt: clock.now(),
        });
        await this.deps.auditLog.record(
          {
            action: 'audit.run_finished',
            targetType: 'audit',
            targetId: audit.id,
            orgPath: province.path,
            details: { runId, people: done, compliant },
          },
          tx,
        );
      });
    } catch (error) {
      await repository.records.updateRun(db, runId, {
        status: 'failed',
        error: error instanceof Error ? error.message.slice(0, 500) : 'failed',
        finishedAt: clock.now(),
      });
      throw error;
    }
    const run = await repository.records.findRun(db, runId);
    if (!run) throw new Error('run vanished');
    return toRun(run);
  }

  /** Per unit and per city: who has reported, who is late; within the caller's scope. */
  async progress(actor: Actor, id: string): Promise<AuditProgress> {
    const { audit, province } = await this.auditFor(actor, id);
    const { db, repository, clock } = this.deps;
    const byId = new Map(
      (await repository.people.orgsWithin(db, province.path)).map((o) => [o.id, o]),
    );
    const scope = scopeOf(actor, 'audit:read');
    const now = clock.now();
    const units = (await repository.reports.reportsOf(db, audit.id))
      .filter((r) => {
        const unit = byId.get(r.unitId);
        return unit && isWithinScope(scope, unit.path);
      })
      .map((r) => toUnitReport(r, audit, byId, now))
      .sort(
        (a, b) =>
          (a.cityName ?? '').localeCompare(b.cityName ?? '') ||
          a.unitName.localeCompare(b.unitName),
      );
    const cities = new Map<string, AuditProgress['cities'][number]>();
    for (const u of units) {
      const unit = byId.get(u.unitId);
      const city = unit ? cityOf(unit, byId) : undefined;
      const key = city?.id ?? '';
      const c = cities.get(key) ?? {
        cityId: city?.id ?? null,
        cityName: city?.name ?? null,
        units: 0,
        reported: 0,
        approved: 0,
        pending: 0,
        late: 0,
        people: 0,
        compliant: 0,
      };
      c.units += 1;
      if (['reported', 'approved', 'filed'].includes(u.status)) c.reported += 1;
      else c.pending += 1;
      if (u.status === 'approved' || u.status === 'filed') c.approved += 1;
      if (u.late) c.late += 1;
      c.people += u.people;
      c.compliant += u.compliant;
      cities.set(key, c);
    }
    return { audit: await this.view(audit, province), cities: [...cities.values()], units };
  }

  /** A unit's report and its staff's results, for a caller with audit:read over the unit. */
  async unitAudit(actor: Actor, id: string, unitId: string): Promise<UnitAudit> {
    const { audit, province } = await this.auditFor(actor, id);
    const { db, repository, clock } = this.deps;
    const unit = await this.unitIn(actor, province, unitId, 'audit:read');
    const report = await repository.reports.findReport(db, audit.id, unit.id);
    if (!report) throw new AppError('not_found', 'The unit has no results in this audit (run it)');
    const byId = await this.orgMapFor([unit, ...report.chainSteps.map((s) => s)]);
    const results = await repository.results.resultsOfUnit(db, audit.id, unit.id);
    return {
      report: toUnitReport(report, audit, byId, clock.now()),
      results: results.map(toResult),
    };
  }

  /** The unit (and its ancestors) as an id map, with the chain's orgs. */
  async orgMapFor(items: readonly (OrgRow | string)[]): Promise<Map<string, OrgRow>> {
    const ids = new Set<string>();
    for (const item of items) {
      if (typeof item === 'string') ids.add(item);
      else for (const id of item.path.split('/').filter(Boolean)) ids.add(id);
    }
    return new Map((await this.deps.orgs.findAnyOf([...ids])).map((o) => [o.id, o]));
  }

  /** A unit of the province inside the caller's `permission` subtree; else 404. */
  async unitIn(
    actor: Actor,
    province: OrgRow,
    unitId: string,
    permission: 'audit:read' | 'audit:report' | 'audit:manage',
  ): Promise<OrgRow> {
    const unit = await this.deps.orgs.findAny(unitId);
    if (
      !unit ||
      !unit.path.startsWith(province.path) ||
      !isWithinScope(scopeOf(actor, permission), unit.path)
    ) {
      throw new AppError('not_found', 'No such unit', { unitId });
    }
    return unit;
  }

  async setNote(
    actor: Actor,
    id: string,
    unitId: string,
    personId: string,
    note: string | null,
    ip: string,
  ): Promise<AuditResult> {
    const { audit, province } = await this.auditFor(actor, id, 'audit:report');
    const unit = await this.unitIn(actor, province, unitId, 'audit:report');
    if (audit.status !== 'open') throw new AppError('invalid_state', 'The audit is filed');
    const { db, repository } = this.deps;
    const current = await repository.results.resultOf(db, audit.id, personId);
    if (!current || current.unitId !== unit.id) {
      throw new AppError('not_found', 'No such person in this unit’s results', { personId });
    }
    await db.transaction(async (tx) => {
      await repository.results.setNote(tx, audit.id, personId, note);
      await this.deps.auditLog.record(
        actorEvent(actor, 'audit.note_set', ip, {
          targetType: 'person',
          targetId: personId,
          orgPath: unit.path,
          details: { auditId: audit.id },
        }),
        tx,
      );
    });
    const updated = await repository.results.resultOf(db, audit.id, personId);
    if (!updated) throw new Error('result vanished');
    return toResult(updated);
  }
}

export function staleAudit(audit: AuditRow): AppError {
  return new AppError('stale_state', 'The audit was changed by someone else: reload it', {
    id: audit.id,
  });
}

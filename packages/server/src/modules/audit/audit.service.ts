import type {
  Audit,
  AuditDashboard,
  AuditDeadlines,
  AuditList,
  AuditOpen,
  AuditProgress,
  AuditResult,
  AuditRun,
  UnitAudit,
} from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import type { OrgRow } from '../orgs/orgs.service';
import { auditFor, auditView, currentYear, orgMapFor, unitIn } from './audit-access';
import { auditDashboard } from './audit-dashboard';
import type { AuditDeps } from './audit-deps';
import type { AuditPermission } from './audit.policy';
import { findOrOpenAudit, openAudit, setAuditDeadlines } from './audit-open';
import { auditProgress, getAudit, listAudits } from './audit-queries';
import type { AuditRow } from './audit-records.repository';
import type { RunProgress } from './audit-run-job';
import { AuditRunner } from './audit-runner';
import { setResultNote, unitAudit } from './audit-unit-results';

/**
 * The annual audit: opening, the evaluation job (audit-runner.ts, audit-run-job.ts) and
 * what the levels see. A façade over one file per use case. The chain:
 * audit-chain.service.ts; early audit and voiding: their own services.
 */
export class AuditService {
  readonly #deps: AuditDeps;
  readonly #runner: AuditRunner;

  constructor(deps: AuditDeps) {
    this.#deps = deps;
    this.#runner = new AuditRunner(deps);
  }

  /** The credit year of today (China time); only years before it can be audited. */
  currentYear(): number {
    return currentYear(this.#deps);
  }

  /** The audit, when the actor holds `permission` in its province; else 404. */
  auditFor(
    actor: Actor,
    id: string,
    permission: AuditPermission = 'audit:read',
  ): Promise<{ audit: AuditRow; province: OrgRow }> {
    return auditFor(this.#deps, actor, id, permission);
  }

  view(audit: AuditRow, province: OrgRow): Promise<Audit> {
    return auditView(this.#deps, audit, province);
  }

  /** 工作台: the caller's latest audit as its units stand, the late ones first. */
  dashboard(actor: Actor): Promise<AuditDashboard> {
    return auditDashboard(this.#deps, actor);
  }

  get(actor: Actor, id: string): Promise<Audit> {
    return getAudit(this.#deps, actor, id);
  }

  list(actor: Actor): Promise<AuditList> {
    return listAudits(this.#deps, actor);
  }

  open(actor: Actor, input: AuditOpen, ip: string): Promise<Audit> {
    return openAudit(this.#deps, actor, input, ip);
  }

  /** The audit of `year` (opened if need be) for `jijiao audit run`. */
  findOrOpen(actor: Actor, year: number, regionCode?: string): Promise<Audit> {
    return findOrOpenAudit(this.#deps, actor, year, regionCode);
  }

  setDeadlines(actor: Actor, id: string, body: AuditDeadlines, ip: string): Promise<Audit> {
    return setAuditDeadlines(this.#deps, actor, id, body, ip);
  }

  /** Starts the evaluation job in the background; its progress is read by `lastRun`. */
  async startRun(actor: Actor, id: string, ip: string): Promise<AuditRun> {
    const { audit, province } = await this.auditFor(actor, id, 'audit:manage');
    return this.#runner.start(actor, audit, province, ip);
  }

  /** Runs the job to the end (the CLI), reporting progress after each batch. */
  async run(actor: Actor, id: string, onProgress?: RunProgress): Promise<AuditRun> {
    const { audit, province } = await this.auditFor(actor, id, 'audit:manage');
    return this.#runner.run(actor, audit, province, onProgress);
  }

  /** Waits for a background job of this process (tests); the last run otherwise. */
  async settled(actor: Actor, id: string): Promise<AuditRun | null> {
    await this.#runner.settle(id);
    return (await this.get(actor, id)).lastRun;
  }

  async lastRun(actor: Actor, id: string): Promise<AuditRun | null> {
    return (await this.get(actor, id)).lastRun;
  }

  progress(actor: Actor, id: string): Promise<AuditProgress> {
    return auditProgress(this.#deps, actor, id);
  }

  unitAudit(actor: Actor, id: string, unitId: string): Promise<UnitAudit> {
    return unitAudit(this.#deps, actor, id, unitId);
  }

  /** The unit (and its ancestors) as an id map, with the chain's orgs. */
  orgMapFor(items: readonly (OrgRow | string)[]): Promise<Map<string, OrgRow>> {
    return orgMapFor(this.#deps, items);
  }

  /** A unit of the province inside the caller's `permission` subtree; else 404. */
  unitIn(
    actor: Actor,
    province: OrgRow,
    unitId: string,
    permission: 'audit:read' | 'audit:report' | 'audit:manage',
  ): Promise<OrgRow> {
    return unitIn(this.#deps, actor, province, unitId, permission);
  }

  setNote(
    actor: Actor,
    id: string,
    unitId: string,
    personId: string,
    note: string | null,
    ip: string,
  ): Promise<AuditResult> {
    return setResultNote(this.#deps, actor, id, unitId, personId, note, ip);
  }
}

import type {
  AwardBatch,
  AwardBatchList,
  AwardBatchListQuery,
  AwardBatchVersion,
  AwardDashboard,
  AwardLineCreate,
  AwardPerson,
  AwardReturn,
  ImportReport,
} from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import type { DbOrTx } from '../../platform/db/database';
import type { ClaimActor } from '../credits/claim-lifecycle';
import { hostProject } from './award-access';
import { createBatchFromAttendance, createFromProjectAttendance } from './award-attendance';
import { createBatch } from './award-batch-create';
import { batchDashboard, getBatch, listBatches, searchAwardPeople } from './award-batch-queries';
import type { AttendanceLine, AwardsDeps, AwardsServiceDeps } from './award-deps';
import type { ProjectView } from '../projects/projects.service';
import { lineValuer, type LineInput } from './award-line-value';
import { addLine, addLines, removeLine } from './award-lines';
import { approveBatch, returnLines } from './award-review';
import { importRoster } from './award-roster';
import { submitBatch, submitInTx } from './award-submit';

/**
 * 学分授予: a host's award batches for its filed or finished projects, and their review by
 * the province's CME office (approve all, or return single lines). Lines become credit
 * claims (channel `host_award`) through the CreditIntake when the batch is submitted.
 *
 * A façade: each use case lives in its own file (award-*.ts) as functions of the deps.
 */
export class AwardsService {
  readonly #deps: AwardsDeps;

  constructor(deps: AwardsServiceDeps) {
    this.#deps = { ...deps, valuer: lineValuer(deps) };
  }

  /** A project of the caller's own host org (award:manage), else 404. */
  hostProject(actor: Actor, projectId: string): Promise<ProjectView> {
    return hostProject(this.#deps, actor, projectId);
  }

  // ---- reading -----------------------------------------------------------------------

  get(actor: Actor, id: string, db: DbOrTx = this.#deps.db): Promise<AwardBatch> {
    return getBatch(this.#deps, actor, id, db);
  }

  list(actor: Actor, query: AwardBatchListQuery): Promise<AwardBatchList> {
    return listBatches(this.#deps, actor, query);
  }

  /** 工作台: the batches the caller sees, per status. */
  dashboard(actor: Actor): Promise<AwardDashboard> {
    return batchDashboard(this.#deps, actor);
  }

  searchPeople(actor: Actor, projectId: string, q: string): Promise<AwardPerson[]> {
    return searchAwardPeople(this.#deps, actor, projectId, q);
  }

  // ---- the host's side ---------------------------------------------------------------

  create(actor: Actor, projectId: string, ip: string): Promise<AwardBatch> {
    return createBatch(this.#deps, actor, projectId, ip);
  }

  createFromProjectAttendance(actor: Actor, projectId: string, ip: string): Promise<AwardBatch> {
    return createFromProjectAttendance(this.#deps, actor, projectId, ip);
  }

  /** For the check-in feature and the demo seed: no scope checks, the caller's transaction. */
  createBatchFromAttendance(
    tx: DbOrTx,
    input: { projectId: string; lines: readonly AttendanceLine[]; actor: ClaimActor },
  ): Promise<{ batchId: string; lines: number; credits: number }> {
    return createBatchFromAttendance(this.#deps, tx, input);
  }

  addLine(actor: Actor, batchId: string, body: AwardLineCreate, ip: string): Promise<AwardBatch> {
    return addLine(this.#deps, actor, batchId, body, ip);
  }

  addLines(
    actor: Actor,
    batchId: string,
    inputs: readonly (LineInput & { sourceRef?: string })[],
    options: { source: 'hand' | 'roster'; ip: string; dryRun?: boolean },
  ): Promise<number> {
    return addLines(this.#deps, actor, batchId, inputs, options);
  }

  importRoster(
    actor: Actor,
    batchId: string,
    file: Buffer,
    options: { dryRun: boolean; maxBytes: number; fileName: string },
    ip: string,
  ): Promise<ImportReport> {
    return importRoster(this.#deps, actor, batchId, file, options, ip);
  }

  removeLine(actor: Actor, batchId: string, lineId: string, ip: string): Promise<AwardBatch> {
    return removeLine(this.#deps, actor, batchId, lineId, ip);
  }

  submit(actor: Actor, batchId: string, body: AwardBatchVersion, ip: string): Promise<AwardBatch> {
    return submitBatch(this.#deps, actor, batchId, body, ip);
  }

  /** The submission without scope checks, in the caller's transaction (the demo seed). */
  submitInTx(tx: DbOrTx, batchId: string, actor: ClaimActor, version?: number): Promise<void> {
    return submitInTx(this.#deps, tx, batchId, actor, version);
  }

  // ---- the province's side -----------------------------------------------------------

  approve(actor: Actor, batchId: string, body: AwardBatchVersion, ip: string): Promise<AwardBatch> {
    return approveBatch(this.#deps, actor, batchId, body, ip);
  }

  returnLines(actor: Actor, batchId: string, body: AwardReturn, ip: string): Promise<AwardBatch> {
    return returnLines(this.#deps, actor, batchId, body, ip);
  }
}

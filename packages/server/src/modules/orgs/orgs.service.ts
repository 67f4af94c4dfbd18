import type {
  Org,
  OrgCreate,
  OrgKind,
  OrgList,
  OrgListQuery,
  OrgUpdate,
  ReviewChain,
  UnitType,
} from '@jijiao/contracts';
import {
  canNest,
  checkReviewChain,
  defaultReviewChain,
  isRegionWithin,
  parseCreditCode,
  type ChainOrg,
} from '@jijiao/domain';
import type { Clock } from '../../platform/clock';
import type { Db, DbOrTx } from '../../platform/db/database';
import type { Actor } from '../../platform/auth/actor';
import { visibleOr404 } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors/app-error';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';
import { actorEvent, type AuditLogService } from '../audit-log/audit-log.service';
import { orgPolicy, orgScope } from './orgs.policy';
import type { OrgRow, OrgsRepository } from './orgs.repository';
import type { StandingsService } from '../standings/standings.service';

/** The row other modules see (they never import this module's repository). */
export type { OrgRow } from './orgs.repository';

export function toOrg(row: OrgRow): Org {
  return {
    id: row.id,
    parentId: row.parentId,
    kind: row.kind as OrgKind,
    unitType: row.unitType as UnitType | null,
    name: row.name,
    regionCode: row.regionCode,
    creditCode: row.creditCode,
    depth: row.depth,
  };
}

function toChainOrg(row: OrgRow): ChainOrg {
  return { id: row.id, kind: row.kind as OrgKind, path: row.path };
}

const creditCodeMessages = {
  length: '位数错误',
  format: '格式错误',
  check_digit: '校验位错误',
} as const;

function checkCreditCode(code: string | undefined): void {
  if (code === undefined) return;
  const parsed = parseCreditCode(code);
  if (!parsed.ok) {
    throw new AppError(
      'validation_failed',
      `creditCode: ${creditCodeMessages[parsed.problem]}`,
      undefined,
      [{ path: 'creditCode', message: creditCodeMessages[parsed.problem] }],
    );
  }
}

interface Deps {
  db: Db;
  clock: Clock;
  repository: OrgsRepository;
  auditLog: AuditLogService;
  /** A unit's region code or type decides its people's rules: their standings go stale. */
  standings: Pick<StandingsService, 'unitChanged'>;
}

/** The organisation tree and the units' review chains, always seen through the actor's subtree. */
export class OrgsService {
  readonly #deps: Deps;

  constructor(deps: Deps) {
    this.#deps = deps;
  }

  /** An org inside the actor's scope for `permission`, else 404 (never 403). */
  async findInScope(
    actor: Actor,
    id: string,
    permission: 'org:read' | 'org:manage' = 'org:read',
    db: DbOrTx = this.#deps.db,
  ): Promise<OrgRow> {
    return visibleOr404(
      await this.#deps.repository.findById(db, id),
      orgPolicy[permission],
      actor,
      {
        what: 'organisation',
        details: { id },
      },
    );
  }

  /** Without a scope check: for services that decide scope themselves (credits). */
  async findAny(id: string, db: DbOrTx = this.#deps.db): Promise<OrgRow | undefined> {
    return this.#deps.repository.findById(db, id);
  }

  /** Without a scope check: an org and its ancestors, nearest first; undefined if none. */
  async findWithAncestors(
    id: string,
    db: DbOrTx = this.#deps.db,
  ): Promise<{ org: OrgRow; ancestors: OrgRow[] } | undefined> {
    const rows = await this.#deps.repository.findWithAncestors(db, id);
    const org = rows.find((o) => o.id === id);
    if (!org) return undefined;
    const byId = new Map(rows.map((o) => [o.id, o]));
    const ancestorIds = org.path.split('/').filter(Boolean).slice(0, -1).reverse();
    return { org, ancestors: ancestorIds.flatMap((a) => byId.get(a) ?? []) };
  }

  /** Without a scope check: several orgs by id, in no particular order. */
  async findAnyOf(ids: readonly string[], db: DbOrTx = this.#deps.db): Promise<OrgRow[]> {
    return this.#deps.repository.findByIds(db, ids);
  }

  async get(actor: Actor, id: string): Promise<Org> {
    return toOrg(await this.findInScope(actor, id));
  }

  /** Children of `parentId`, or without it the orgs at which the actor's scope begins (or, with `q`, any match in scope). */
  async list(actor: Actor, query: OrgListQuery): Promise<OrgList> {
    const scope = orgScope(actor, 'org:read');
    if (query.parentId) await this.findInScope(actor, query.parentId);
    const rootIds = scope.map((p) => p.split('/').filter(Boolean).at(-1) ?? '');
    const after = query.after ? decodeCursor(query.after, 2) : undefined;
    const filter = {
      ...(query.parentId ? { parentId: query.parentId } : query.q ? {} : { ids: rootIds }),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.q ? { nameContains: query.q } : {}),
    };
    const rows = await this.#deps.repository.page(this.#deps.db, scope, {
      ...filter,
      ...(after ? { after: { name: String(after[0]), id: String(after[1]) } } : {}),
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const more = rows.length > query.limit;
    return {
      items: page.map(toOrg),
      nextCursor: more && last ? encodeCursor([last.name, last.id]) : null,
      // The first page counts the rest only when there is more than it holds.
      total: after
        ? null
        : more
          ? await this.#deps.repository.countMatching(this.#deps.db, scope, filter)
          : page.length,
    };
  }

  async create(actor: Actor, input: OrgCreate, ip: string): Promise<Org> {
    const parent = await this.findInScope(actor, input.parentId, 'org:manage');
    if (!canNest(parent.kind as OrgKind, input.kind)) {
      throw new AppError(
        'validation_failed',
        `kind: a ${input.kind} cannot be placed under a ${parent.kind}`,
        undefined,
        [{ path: 'kind', message: `不能设在${parent.kind}之下` }],
      );
    }
    checkCreditCode(input.creditCode);
    if (
      input.regionCode &&
      parent.regionCode &&
      !isRegionWithin(parent.regionCode, input.regionCode)
    ) {
      throw new AppError(
        'validation_failed',
        `regionCode: ${input.regionCode} is not inside ${parent.regionCode}`,
        undefined,
        [{ path: 'regionCode', message: `不在上级行政区划 ${parent.regionCode} 之内` }],
      );
    }
    return this.#deps.db.transaction(async (tx) => {
      const row = await this.#deps.repository.insert(tx, {
        parentId: parent.id,
        parentPath: parent.path,
        kind: input.kind,
        unitType: input.kind === 'unit' ? (input.unitType ?? 'other') : null,
        name: input.name,
        regionCode: input.regionCode ?? parent.regionCode,
        creditCode: input.creditCode ?? null,
      });
      await this.#deps.auditLog.record(
        actorEvent(actor, 'org.created', ip, {
          targetType: 'org',
          targetId: row.id,
          orgPath: row.path,
        }),
        tx,
      );
      return toOrg(row);
    });
  }

  /**
   * The first organisation of an empty database (`jijiao bootstrap`): the province's root,
   * inside the caller's transaction. Refused (409) once any organisation exists: a tree
   * has one root per province, and the others are made under it from the web.
   */
  async createRoot(
    tx: DbOrTx,
    input: { name: string; regionCode: string },
    /** Who ran it: the CLI, no user. */
    by: { username: string },
  ): Promise<Org & { path: string }> {
    if ((await this.#deps.repository.count(tx)) > 0)
      throw new AppError(
        'conflict',
        'The database already holds organisations: bootstrap is for an empty one',
      );
    const row = await this.#deps.repository.insert(tx, {
      parentId: null,
      parentPath: null,
      kind: 'province',
      name: input.name,
      regionCode: input.regionCode,
    });
    await this.#deps.auditLog.record(
      {
        action: 'org.created',
        actorUserId: null,
        actorUsername: by.username,
        ip: null,
        orgPath: row.path,
        targetType: 'org',
        targetId: row.id,
      },
      tx,
    );
    return { ...toOrg(row), path: row.path };
  }

  async update(actor: Actor, id: string, patch: OrgUpdate, ip: string): Promise<Org> {
    const org = await this.findInScope(actor, id, 'org:manage');
    checkCreditCode(patch.creditCode);
    return this.#deps.db.transaction(async (tx) => {
      const row = await this.#deps.repository.update(tx, org.id, patch);
      if (
        (patch.regionCode !== undefined && patch.regionCode !== org.regionCode) ||
        (patch.unitType !== undefined && patch.unitType !== org.unitType)
      )
        await this.#deps.standings.unitChanged(tx, row.path);
      await this.#deps.auditLog.record(
        actorEvent(actor, 'org.updated', ip, {
          targetType: 'org',
          targetId: id,
          orgPath: row.path,
          details: { fields: Object.keys(patch) },
        }),
        tx,
      );
      return toOrg(row);
    });
  }

  /** The chain in force for a unit: the latest version, or the derived default (version 0). */
  async reviewChainOf(actor: Actor, unitId: string): Promise<ReviewChain> {
    const unit = await this.findInScope(actor, unitId);
    return this.chainInForce(this.#deps.db, unit);
  }

  /** Without scope checks: for services that route a claim through the chain. */
  async chainInForce(db: DbOrTx, unit: OrgRow): Promise<ReviewChain> {
    const { repository } = this.#deps;
    const latest = await repository.latestChain(db, unit.id);
    let stepRows: OrgRow[];
    if (latest) {
      const byId = new Map((await repository.findByIds(db, latest.steps)).map((r) => [r.id, r]));
      stepRows = latest.steps.flatMap((id) => byId.get(id) ?? []);
    } else {
      const ancestorIds = unit.path.split('/').filter(Boolean).slice(0, -1).reverse();
      const byId = new Map((await repository.findByIds(db, ancestorIds)).map((r) => [r.id, r]));
      const ancestors = ancestorIds.flatMap((id) => byId.get(id) ?? []);
      const rootId = ancestorIds.at(-1);
      const office = rootId
        ? (await repository.page(db, [`/${rootId}/`], { kind: 'cme_office', limit: 1 }))[0]
        : undefined;
      const chosen = defaultReviewChain(
        ancestors.map(toChainOrg),
        office ? toChainOrg(office) : undefined,
      );
      const rows = new Map([...ancestors, ...(office ? [office] : [])].map((r) => [r.id, r]));
      stepRows = chosen.flatMap((c) => rows.get(c.id) ?? []);
    }
    return {
      unitId: unit.id,
      version: latest?.version ?? 0,
      effectiveFrom: (latest?.effectiveFrom ?? unit.createdAt).toISOString(),
      steps: stepRows.map((r, i) => ({
        level: i + 1,
        orgId: r.id,
        orgName: r.name,
        orgKind: r.kind as OrgKind,
      })),
    };
  }

  /** A new version of the unit's chain; claims submitted before keep theirs. */
  async setReviewChain(
    actor: Actor,
    unitId: string,
    stepIds: readonly string[],
    ip: string,
  ): Promise<ReviewChain> {
    const unit = await this.findInScope(actor, unitId, 'org:manage');
    const found = new Map(
      (await this.#deps.repository.findByIds(this.#deps.db, stepIds)).map((r) => [r.id, r]),
    );
    const missing = stepIds.findIndex((id) => !found.has(id));
    if (missing >= 0) {
      throw new AppError('validation_failed', `steps.${missing}: no such organisation`, undefined, [
        { path: `steps.${missing}`, message: 'no such organisation' },
      ]);
    }
    const steps = stepIds.map((id) => found.get(id)).filter((r): r is OrgRow => r !== undefined);
    const problems = checkReviewChain(toChainOrg(unit), steps.map(toChainOrg));
    if (problems.length > 0) {
      const issues = problems.map((p) => ({
        path: p.step > 0 ? `steps.${p.step - 1}` : 'steps',
        message: p.problem,
      }));
      throw new AppError(
        'validation_failed',
        issues.map((i) => `${i.path}: ${i.message}`).join('; '),
        undefined,
        issues,
      );
    }
    await this.#deps.db.transaction(async (tx) => {
      const latest = await this.#deps.repository.latestChain(tx, unit.id);
      const version = (latest?.version ?? 0) + 1;
      await this.#deps.repository.insertChain(tx, {
        unitId: unit.id,
        version,
        effectiveFrom: this.#deps.clock.now(),
        steps: [...stepIds],
        createdBy: actor.userId,
      });
      await this.#deps.auditLog.record(
        actorEvent(actor, 'review_chain.changed', ip, {
          targetType: 'org',
          targetId: unit.id,
          orgPath: unit.path,
          details: { version, steps: stepIds },
        }),
        tx,
      );
    });
    return this.chainInForce(this.#deps.db, unit);
  }

  /** For imports: a unit named by its exact name or credit code, inside the actor's scope. */
  async findUnitByNameOrCreditCode(
    actor: Actor,
    text: string,
    permission: 'org:read' | 'person:manage' | 'credit:enter' = 'org:read',
  ): Promise<Org | undefined> {
    const rows = await this.#deps.repository.findUnitByNameOrCreditCode(
      this.#deps.db,
      orgScope(actor, permission),
      text.trim(),
    );
    return rows.length === 1 && rows[0] ? toOrg(rows[0]) : undefined;
  }

  /** A unit anywhere in the province of `path` (transfer targets lie outside the requester's scope). */
  async findAnyUnitInProvinceOf(path: string, unitId: string): Promise<OrgRow | undefined> {
    const row = await this.#deps.repository.findById(this.#deps.db, unitId);
    const province = `/${path.split('/').filter(Boolean)[0] ?? ''}/`;
    return row && row.kind === 'unit' && row.path.startsWith(province) ? row : undefined;
  }

  /** Without a scope check: the CME office of the province of `path` (the system routes to it). */
  async findCmeOfficeInProvinceOf(
    path: string,
    db: DbOrTx = this.#deps.db,
  ): Promise<OrgRow | undefined> {
    const province = `/${path.split('/').filter(Boolean)[0] ?? ''}/`;
    return (await this.#deps.repository.page(db, [province], { kind: 'cme_office', limit: 1 }))[0];
  }

  /** A province-wide directory of units (names are not sensitive), for choosing a transfer target. */
  async unitDirectory(actor: Actor, q: string | undefined, limit: number) {
    const provinces = [
      ...new Set(actor.grants.map((g) => `/${g.orgPath.split('/').filter(Boolean)[0] ?? ''}/`)),
    ];
    const rows = await this.#deps.repository.page(this.#deps.db, provinces, {
      kind: 'unit',
      ...(q ? { nameContains: q } : {}),
      limit,
    });
    const parents = new Map(
      (
        await this.#deps.repository.findByIds(
          this.#deps.db,
          rows.flatMap((r) => (r.parentId ? [r.parentId] : [])),
        )
      ).map((p) => [p.id, p.name]),
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        regionCode: r.regionCode,
        parentName: r.parentId ? (parents.get(r.parentId) ?? null) : null,
      })),
    };
  }
}

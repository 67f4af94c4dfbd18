import type { Org, OrgKind, OrgList, OrgListQuery } from '@jijiao/contracts';
import type { Db } from '../../platform/db/database';
import type { Actor } from '../../platform/auth/actor';
import { isWithinScope, scopeOf } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors/app-error';
import type { OrgRow, OrgsRepository } from './orgs.repository';

function toOrg(row: OrgRow): Org {
  return {
    id: row.id,
    parentId: row.parentId,
    kind: row.kind as OrgKind,
    name: row.name,
    regionCode: row.regionCode,
    creditCode: row.creditCode,
    depth: row.depth,
  };
}

function encodeCursor(row: OrgRow): string {
  return Buffer.from(JSON.stringify([row.name, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { name: string; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { name: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through
  }
  throw new AppError('validation_failed', 'after: not a cursor from this list', undefined, [
    { path: 'after', message: 'not a cursor from this list' },
  ]);
}

/** The organisation tree, always seen through the actor's subtree. */
export class OrgsService {
  constructor(private readonly deps: { db: Db; repository: OrgsRepository }) {}

  /** Outside the actor's subtree an org does not exist for them: 404, never 403. */
  async get(actor: Actor, id: string): Promise<Org> {
    const row = await this.deps.repository.findById(this.deps.db, id);
    if (!row || !isWithinScope(scopeOf(actor, 'org:read'), row.path)) {
      throw new AppError('not_found', 'No such organisation', { id });
    }
    return toOrg(row);
  }

  /** Children of `parentId`, or without it the orgs at which the actor's scope begins. */
  async list(actor: Actor, query: OrgListQuery): Promise<OrgList> {
    const scope = scopeOf(actor, 'org:read');
    if (query.parentId) await this.get(actor, query.parentId);
    const rootIds = scope.map((p) => p.split('/').filter(Boolean).at(-1) ?? '');
    const rows = await this.deps.repository.page(this.deps.db, scope, {
      ...(query.parentId ? { parentId: query.parentId } : { ids: rootIds }),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.after ? { after: decodeCursor(query.after) } : {}),
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toOrg),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    };
  }
}

import { createHash, randomBytes } from 'node:crypto';
import type { Platform, PlatformKey, PlatformKeyIssued, PlatformList } from '@jijiao/contracts';
import type { Actor, PlatformCaller } from '../../platform/auth/actor';
import { notFound, visibleOr404 } from '../../platform/auth/policy';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { actorEvent, type AuditLogService } from '../audit-log/audit-log.service';
import type { OrgRow } from '../orgs/orgs.service';
import type { OrgsService } from '../orgs/orgs.service';
import { canManagePlatform, platformListScope } from './provider.policy';
import type { PlatformKeyRow, ProviderRepository } from './provider.repository';

export interface PlatformKeysDeps {
  db: Db;
  clock: Clock;
  repository: ProviderRepository;
  orgs: OrgsService;
  auditLog: AuditLogService;
}

/** The stored form of a secret: its SHA-256, hex. The secret itself is never stored. */
export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A new API key: `jjk_` and 32 random bytes in base64url (47 characters). */
export function newApiKey(): string {
  return `jjk_${randomBytes(32).toString('base64url')}`;
}

export const keyPrefixOf = (secret: string): string => secret.slice(0, 8);

function toKey(row: PlatformKeyRow): PlatformKey {
  return {
    id: row.id,
    prefix: row.keyPrefix,
    label: row.label,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/**
 * Online platforms' API keys and trusted flag (province admins, `platform:manage`, inside
 * their subtree), and the key check of the open API.
 */
export class PlatformKeysService {
  readonly #deps: PlatformKeysDeps;

  constructor(deps: PlatformKeysDeps) {
    this.#deps = deps;
  }

  /** A platform inside the actor's `platform:manage` subtree, else 404. */
  private async platformInScope(actor: Actor, id: string): Promise<OrgRow> {
    return visibleOr404(await this.#deps.orgs.findAny(id), canManagePlatform, actor, {
      what: 'platform',
      details: { id },
    });
  }

  async list(actor: Actor): Promise<PlatformList> {
    const { db, repository } = this.#deps;
    const platforms = await repository.platformsIn(db, platformListScope(actor));
    const keys = await repository.keysOf(
      db,
      platforms.map((p) => p.id),
    );
    return {
      items: platforms.map((p): Platform => ({
        id: p.id,
        name: p.name,
        parentId: p.parentId,
        trusted: p.trusted,
        keys: keys.filter((k) => k.platformOrgId === p.id).map(toKey),
      })),
    };
  }

  async get(actor: Actor, id: string): Promise<Platform> {
    await this.platformInScope(actor, id);
    const platform = (await this.list(actor)).items.find((p) => p.id === id);
    if (!platform) throw notFound({ what: 'platform', details: { id } });
    return platform;
  }

  async issueKey(actor: Actor, id: string, label: string, ip: string): Promise<PlatformKeyIssued> {
    const org = await this.platformInScope(actor, id);
    const secret = newApiKey();
    const { db, repository, auditLog, clock } = this.#deps;
    return db.transaction(async (tx) => {
      const row = await repository.insertKey(tx, {
        platformOrgId: org.id,
        keyHash: hashApiKey(secret),
        keyPrefix: keyPrefixOf(secret),
        label,
        createdBy: actor.userId,
        createdAt: clock.now(),
      });
      await auditLog.record(
        actorEvent(actor, 'platform_key.issued', ip, {
          targetType: 'platform_api_key',
          targetId: row.id,
          orgPath: org.path,
          details: { platformId: org.id, prefix: row.keyPrefix, label },
        }),
        tx,
      );
      return { key: toKey(row), secret };
    });
  }

  async revokeKey(actor: Actor, id: string, keyId: string, ip: string): Promise<PlatformKey> {
    const org = await this.platformInScope(actor, id);
    const { db, repository, auditLog, clock } = this.#deps;
    return db.transaction(async (tx) => {
      const key = await repository.findKey(tx, org.id, keyId);
      if (!key) throw notFound({ what: 'key', details: { keyId } });
      if (key.revokedAt) throw new AppError('invalid_state', 'The key is already revoked');
      const revoked = await repository.revokeKey(tx, key.id, clock.now());
      if (!revoked) throw new AppError('invalid_state', 'The key is already revoked');
      await auditLog.record(
        actorEvent(actor, 'platform_key.revoked', ip, {
          targetType: 'platform_api_key',
          targetId: key.id,
          orgPath: org.path,
          details: { platformId: org.id, prefix: key.keyPrefix, label: key.label },
        }),
        tx,
      );
      return toKey(revoked);
    });
  }

  async setTrusted(actor: Actor, id: string, trusted: boolean, ip: string): Promise<Platform> {
    const org = await this.platformInScope(actor, id);
    const { db, repository, auditLog, clock } = this.#deps;
    await db.transaction(async (tx) => {
      const before = await repository.isTrusted(tx, org.id);
      await repository.setTrusted(tx, org.id, trusted, clock.now());
      await auditLog.record(
        actorEvent(actor, 'platform.trust_changed', ip, {
          targetType: 'org',
          targetId: org.id,
          orgPath: org.path,
          details: { from: before, to: trusted },
        }),
        tx,
      );
    });
    return this.get(actor, id);
  }

  /** The open API's key check (route guard): a live key of an existing platform, or null. */
  async authenticate(secret: string): Promise<PlatformCaller | null> {
    if (secret.length > 200) return null;
    const found = await this.#deps.repository.findLiveKeyByHash(this.#deps.db, hashApiKey(secret));
    return found
      ? { keyId: found.keyId, orgId: found.orgId, orgPath: found.orgPath, name: found.name }
      : null;
  }

  /**
   * Demo mode: registers `secret` (JIJIAO_DEMO_PLATFORM_KEY) for the platform, once; at
   * every later start it is already there and nothing changes. Answers whether it was added.
   */
  async ensureKey(platformId: string, secret: string, label: string): Promise<boolean> {
    const { db, repository, auditLog, clock } = this.#deps;
    return db.transaction(async (tx) => {
      const added = await repository.insertKeyIfAbsent(tx, {
        platformOrgId: platformId,
        keyHash: hashApiKey(secret),
        keyPrefix: keyPrefixOf(secret),
        label,
        createdBy: null,
        createdAt: clock.now(),
      });
      if (added) {
        await auditLog.record(
          {
            action: 'platform_key.issued',
            actorUsername: 'system',
            targetType: 'platform_api_key',
            details: { platformId, prefix: keyPrefixOf(secret), label },
          },
          tx,
        );
      }
      return added;
    });
  }
}

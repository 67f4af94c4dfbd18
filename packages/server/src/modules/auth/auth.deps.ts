import type { Config } from '../../platform/config/config';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { Actor } from '../../platform/auth/actor';
import type { PasswordHasher } from '../../platform/auth/password-hasher';
import type { SessionCache } from '../../platform/auth/session-cache';
import type { FieldCipher } from '../../platform/crypto/field-cipher';
import type { AuditLogService } from '../audit-log/audit-log.service';
import type { UsersService } from '../users/users.service';
import type { AuthRepository } from './auth.repository';

export interface RequestMeta {
  ip: string;
  userAgent: string | undefined;
}

/** A session found valid, with its user and grants: what the session cache keeps. */
export interface ResolvedSession {
  session: { id: string; csrfToken: string; lastSeenAt: Date; expiresAt: Date };
  user: {
    id: string;
    username: string;
    displayName: string;
    mustChangePassword: boolean;
    twoFactorEnrolled: boolean;
  };
  grants: Actor['grants'];
  permissions: Actor['permissions'];
}

export interface AuthDeps {
  db: Db;
  config: Config;
  clock: Clock;
  hasher: PasswordHasher;
  repository: AuthRepository;
  users: UsersService;
  auditLog: AuditLogService;
  /** Sessions resolved in the last seconds (ADR 0021); none: every request reads it. */
  sessions?: SessionCache<ResolvedSession>;
  /** Told of each failed sign-in step (the `/metrics` counter, ADR 0040). */
  onSignInFailed?: (step: 'password' | 'second_factor') => void;
}

/** What the use cases of the module share: the deps and the cipher of TOTP secrets. */
export interface AuthContext extends AuthDeps {
  totpCipher: FieldCipher;
}

export const minute = 60_000;

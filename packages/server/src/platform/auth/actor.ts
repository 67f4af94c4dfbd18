import type { OrgKind, Permission, Role } from '@jijiao/contracts';
import { rolePermissions } from '@jijiao/contracts';

export interface Grant {
  role: Role;
  orgId: string;
  orgPath: string;
  orgName: string;
  orgKind: OrgKind;
}

/** The signed-in user a request acts for. Services decide on it; they never see the request. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  sessionId: string;
  csrfToken: string;
  mustChangePassword: boolean;
  /**
   * Two-factor sign-in: whether an authenticator app is confirmed, and whether a role
   * requires one. Required and not enrolled: the session can only enrol (route guard).
   */
  twoFactor: { enrolled: boolean; required: boolean };
  grants: Grant[];
  permissions: ReadonlySet<Permission>;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

/**
 * The org subtrees (materialised paths) over which the actor holds `permission`. Nested
 * paths are collapsed to their outermost ancestor.
 */
export function scopeOf(actor: Actor, permission: Permission): string[] {
  const paths = actor.grants
    .filter((g) => rolePermissions[g.role].includes(permission))
    .map((g) => g.orgPath)
    .sort((a, b) => a.length - b.length);
  const roots: string[] = [];
  for (const p of paths) if (!roots.some((r) => p.startsWith(r))) roots.push(p);
  return roots;
}

export function isWithinScope(scope: readonly string[], orgPath: string): boolean {
  return scope.some((root) => orgPath.startsWith(root));
}

/** An online platform calling the open API with its API key (`platform_key` routes). */
export interface PlatformCaller {
  orgId: string;
  orgPath: string;
  name: string;
  keyId: string;
}

/** A check-in kiosk authenticated by its device token: bound to one project. */
export interface DeviceActor {
  deviceId: string;
  deviceName: string;
  projectId: string;
}

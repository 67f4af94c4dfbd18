import type { ApiRoutePermission } from '@jijiao/contracts';
import type { Actor, DeviceActor, PlatformCaller } from './actor';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route declares one: a permission, 'authenticated' or 'public'. */
    permission?: ApiRoutePermission;
    /** Reachable while the user must still change an initial password. */
    allowDuringPasswordChange?: boolean;
    /** Reachable while a role requires two-factor sign-in the user has not enrolled yet. */
    allowDuringTwoFactorEnrolment?: boolean;
    /**
     * A `device` route whose handler resolves the device token in its own statement (the
     * swipe, ADR 0033): the guard only requires a bearer token and leaves it in
     * `request.deviceToken`; the handler refuses an unknown or revoked one with the same 401.
     */
    deviceResolvedByHandler?: boolean;
    /**
     * The handler's replica-tolerant reads may go to the streaming standby (dashboards,
     * statistics, progress lists and exports, year pages; ADR 0041).
     */
    reads?: 'replica';
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The platform whose API key authenticated a `platform_key` route. */
    platform: PlatformCaller | null;
    /** The check-in kiosk of a `device` route. */
    device: DeviceActor | null;
    /** The bearer token of a `deviceResolvedByHandler` route, not yet resolved. */
    deviceToken: string | null;
  }
  interface FastifyInstance {
    routeCatalogue: RouteEntry[];
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  permission: ApiRoutePermission | undefined;
}

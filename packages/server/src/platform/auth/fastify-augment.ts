import type { RoutePermission } from '@jijiao/contracts';
import type { Actor, DeviceActor } from './actor';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route declares one: a permission, 'authenticated' or 'public'. */
    permission?: RoutePermission;
    /** Reachable while the user must still change an initial password. */
    allowDuringPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The check-in kiosk of a `device` route. */
    device: DeviceActor | null;
  }
  interface FastifyInstance {
    routeCatalogue: RouteEntry[];
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  permission: RoutePermission | undefined;
}

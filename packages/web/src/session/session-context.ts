import { createContext, useContext } from 'react';
import type { Me, RoleGrant } from '@jijiao/contracts';
import type { ActiveAccess } from '../access';

export interface Session {
  me: Me;
  grant: RoleGrant;
  access: ActiveAccess;
  switchGrant: (grant: RoleGrant) => void;
}

export const SessionContext = createContext<Session | null>(null);

/** The session of a page inside the signed-in layout. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession() outside <SessionGuard>');
  return session;
}

import type { MeQuery } from '@steward/schema';
import { createContext, useContext } from 'react';
import { canManageUsers, canRunJobs, canWrite } from './permissions.js';

export type SessionUser = NonNullable<MeQuery['me']>;

export const SessionContext = createContext<SessionUser | null>(null);

/** The signed-in admin; only inside the auth guard. */
export function useSessionUser(): SessionUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error('useSessionUser() outside of the auth guard');
  return user;
}

export function useCanWrite(): boolean {
  return canWrite(useContext(SessionContext)?.role);
}

export function useCanManageUsers(): boolean {
  return canManageUsers(useContext(SessionContext)?.role);
}

export function useCanRunJobs(): boolean {
  return canRunJobs(useContext(SessionContext)?.role);
}

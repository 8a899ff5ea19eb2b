import { createContext, useContext } from 'react';

export type Role = 'admin' | 'operator' | 'auditor';

export interface Session {
  username: string;
  role: Role;
  csrfToken: string | null;
  idleTimeoutMinutes: number;
}

export interface SessionControl {
  session: Session;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionControl | null>(null);

export function useSession(): SessionControl {
  const control = useContext(SessionContext);
  if (!control) throw new Error('useSession outside a signed-in console');
  return control;
}

/** What each role may change; the server refuses the rest whatever the console shows. */
export const canEdit = (role: Role) => role === 'admin' || role === 'operator';
export const canManageUsers = (role: Role) => role === 'admin';
export const canReadAudit = (role: Role) => role === 'admin' || role === 'auditor';
export const canEnroll = (role: Role) => role === 'admin';

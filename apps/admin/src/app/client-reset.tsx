import { createContext, useContext } from 'react';

/**
 * Replaces the urql client (and so drops its cache of personal data). The app does this on login,
 * logout and when the API says the session has ended.
 */
export const ClientResetContext = createContext<() => void>(() => {});

export function useResetClient(): () => void {
  return useContext(ClientResetContext);
}

import { useEffect } from 'react';

/** Calls `refresh` every `ms` while `active` holds (a job queued or running), and stops when it ends or the page goes. */
export function useRefreshWhile(active: boolean, refresh: () => void, ms: number): void {
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(refresh, ms);
    return () => clearInterval(timer);
  }, [active, refresh, ms]);
}

import { useCallback, useMemo, useState } from 'react';
import { RouterProvider } from 'react-router';
import { loginPathFor } from '../features/session/safe-next.js';
import { createStewardClient, type StewardClientOptions } from './client.js';
import { AppProviders } from './providers.js';
import type { AppRouter } from './router.js';

/**
 * The dashboard. Owns the urql client: a new one (empty cache) after login, logout, and when the
 * API reports UNAUTHENTICATED, which also sends the admin to the login page, or a restricted session
 * (the new client asks `me` again, and the auth guard shows the one step the session must take).
 */
type Props = {
  router: AppRouter;
  /** For tests: where and how to reach the API. */
  clientOptions?: Pick<StewardClientOptions, 'url' | 'fetch'>;
};

export function App({ router, clientOptions }: Props) {
  const [generation, setGeneration] = useState(0);
  const resetClient = useCallback(() => setGeneration((g) => g + 1), []);

  const client = useMemo(
    () =>
      createStewardClient({
        ...clientOptions,
        onUnauthenticated: () => {
          const { pathname, search } = router.state.location;
          if (pathname === '/login') return;
          resetClient();
          void router.navigate(loginPathFor(pathname, search), { replace: true });
        },
        onRestricted: resetClient,
      }),
    // A new generation means a new client (generation is the reason to rebuild, not an input).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [generation, router, resetClient, clientOptions],
  );

  return (
    <AppProviders client={client} resetClient={resetClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}

import { MantineProvider, type MantineThemeOverride } from '@mantine/core';
import type { ReactNode } from 'react';
import { Provider as UrqlProvider, type Client } from 'urql';
import { ClientResetContext } from './client-reset.js';
import { theme } from './theme.js';

type Props = {
  client: Client;
  resetClient?: () => void;
  /** Tests pass a theme without transitions. */
  theme?: MantineThemeOverride;
  children: ReactNode;
};

/** Theme, GraphQL client and client reset: what every screen (and every component test) needs. */
export function AppProviders({ client, resetClient, theme: themeOverride, children }: Props) {
  return (
    <MantineProvider theme={themeOverride ?? theme} defaultColorScheme="light">
      <ClientResetContext.Provider value={resetClient ?? noop}>
        <UrqlProvider value={client}>{children}</UrqlProvider>
      </ClientResetContext.Provider>
    </MantineProvider>
  );
}

function noop() {}

import { MantineProvider, type MantineThemeOverride } from '@mantine/core';
import type { ReactNode } from 'react';
import { Provider as UrqlProvider, type Client } from 'urql';
import { LocaleProvider } from '../i18n/locale.js';
import type { UiLanguage } from '../i18n/i18n.js';
import { ClientResetContext } from './client-reset.js';
import { cssVariablesResolver, theme } from './theme.js';

type Props = {
  client: Client;
  resetClient?: () => void;
  /** Tests pass a theme without transitions. */
  theme?: MantineThemeOverride;
  /** Tests fix the language; the app starts from the browser's choice (i18n/locale.tsx). */
  language?: UiLanguage;
  children: ReactNode;
};

/** Theme, GraphQL client, client reset, language and time zone: what every screen (and every component test) needs. */
export function AppProviders({ client, resetClient, theme: themeOverride, language, children }: Props) {
  return (
    <MantineProvider
      theme={themeOverride ?? theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="light"
    >
      <ClientResetContext.Provider value={resetClient ?? noop}>
        <UrqlProvider value={client}>
          <LocaleProvider language={language}>{children}</LocaleProvider>
        </UrqlProvider>
      </ClientResetContext.Provider>
    </MantineProvider>
  );
}

function noop() {}

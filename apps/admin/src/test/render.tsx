import { createTheme } from '@mantine/core';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../app/providers.js';
import { routes } from '../app/routes.js';
import { theme } from '../app/theme.js';
import { stubApi, type Handlers } from './stub-api.js';
import { defaultMailPreferences, sessionUser } from './factories.js';
import type { AdminRole } from '@steward/schema';
import type { UiLanguage } from '../i18n/i18n.js';
import { toApiLanguage } from '../features/language/language-codes.js';

// No transitions in tests: modals and collapses open at once.
export const testTheme = createTheme({
  ...theme,
  components: {
    ...theme.components,
    Modal: { defaultProps: { transitionProps: { duration: 0 } } },
    Collapse: { defaultProps: { transitionDuration: 0 } },
    Tooltip: { defaultProps: { transitionProps: { duration: 0 } } },
    // jsdom lays nothing out, so a menu would think its button scrolled away and stay hidden.
    Menu: { defaultProps: { transitionProps: { duration: 0 }, hideDetached: false } },
    // The same for the pickers' dropdowns (Select, MultiSelect).
    Popover: { defaultProps: { transitionProps: { duration: 0 }, hideDetached: false } },
  },
});

type Options = {
  /** The signed-in admin's role (default PRIVACY_OFFICER); null for signed out. */
  role?: AdminRole | null;
  handlers?: Handlers;
  /** The admin's language (default English, which most assertions read). */
  language?: UiLanguage;
};

/** Renders the whole app (auth guard and layout included) at `path` against a stub API. */
export function renderApp(path: string, { role = 'PRIVACY_OFFICER', handlers = {}, language = 'en' }: Options = {}) {
  // The member reads `language` (the organisation's default, the stub's too); SetMyLanguage changes
  // what `me` answers next, as the API does.
  const organisationLanguage = toApiLanguage(language);
  let me = role ? { ...sessionUser(role), effectiveLanguage: organisationLanguage } : null;
  const api = stubApi({
    Me: () => ({ data: { me } }),
    SetMyLanguage: ({ input }) => {
      if (!me) return { errors: [{ message: 'Not signed in', extensions: { code: 'UNAUTHENTICATED' } }] };
      const chosen = input.language ?? null;
      me = { ...me, language: chosen, effectiveLanguage: chosen ?? organisationLanguage };
      return { data: { setMyLanguage: { __typename: 'AdminUser', id: me.id, language: chosen } } };
    },
    OrganisationLanguage: () => ({ data: { organisation: { id: 'org', defaultLanguage: organisationLanguage } } }),
    Purposes: () => ({ data: { purposes: [] } }),
    OrganisationTimeZone: () => ({ data: { organisation: { id: 'org', timeZone: 'Asia/Tokyo' } } }),
    // My account's notification mail: every kind on (the API's answer for a member who changed nothing).
    MyMailPreferences: () => ({ data: { myMailPreferences: defaultMailPreferences() } }),
    ...handlers,
  });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(
    <AppProviders client={api.client} theme={testTheme} language={language}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, api, router };
}

/** Renders one component inside the app's providers (theme, i18n, a stub API), without the router or layout. */
export function renderWithProviders(
  ui: React.ReactElement,
  { handlers = {}, language = 'en' }: Omit<Options, 'role'> = {},
) {
  const api = stubApi(handlers);
  const view = render(
    <AppProviders client={api.client} theme={testTheme} language={language}>
      {ui}
    </AppProviders>,
  );
  return { ...view, api };
}

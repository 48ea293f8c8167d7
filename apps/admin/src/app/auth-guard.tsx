import { Center, Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { hasErrorCode } from '../components/errors.js';
import { Loading } from '../components/Loading.js';
import { useFollowAccountLanguage } from '../features/language/use-language.js';
import { RestrictedSessionPage } from '../features/session/RestrictedSessionPage.js';
import { loginPathFor } from '../features/session/safe-next.js';
import { SessionContext } from '../features/session/session-context.js';
import { useMe } from '../features/session/use-me.js';
import { useOrganisationTimeZone } from '../features/organisation-settings/use-organisation-time-zone.js';
import { AppLayout } from './layout.js';

/**
 * Everything but the login and public pages: signed-in admins only, inside the dashboard layout; a
 * restricted session (a new password or a second factor first) sees only that step.
 */
export function AuthGuard() {
  const { user, fetching, error, refetch } = useMe();
  const zone = useOrganisationTimeZone();
  const location = useLocation();
  const { t } = useTranslation();
  // The member's language (their own, else the organisation's), the restricted steps included.
  const language = useFollowAccountLanguage(user?.effectiveLanguage);

  if (fetching || !zone.ready || !language.ready) {
    return (
      <Center mih="100vh">
        <Loading label={t('session.checking')} />
      </Center>
    );
  }
  if (error && !hasErrorCode(error, 'UNAUTHENTICATED')) {
    return (
      <Container size="xs" py="xl">
        <ErrorAlert error={error} onRetry={refetch} />
      </Container>
    );
  }
  if (!user) return <Navigate to={loginPathFor(location.pathname, location.search)} replace />;
  // The API lets a restricted session do only its one step (and sign out): show only that.
  if (user.sessionRestriction) return <RestrictedSessionPage restriction={user.sessionRestriction} onDone={refetch} />;

  return (
    <SessionContext.Provider value={user}>
      <AppLayout user={user}>
        <Outlet />
      </AppLayout>
    </SessionContext.Provider>
  );
}

import { useLocation, useNavigate } from 'react-router';
import { useResetClient } from '../app/client-reset.js';
import { InvitationPage } from '../features/invitation/InvitationPage.js';

/** `/invitation#<token>`: public, outside the sign-in guard. */
export function InvitationRoute() {
  const { hash } = useLocation();
  const navigate = useNavigate();
  const resetClient = useResetClient();
  return (
    <InvitationPage
      token={hash.replace(/^#/, '')}
      onAccepted={() => {
        // Signed in as the new member: a fresh client, then the dashboard.
        resetClient();
        void navigate('/', { replace: true });
      }}
    />
  );
}

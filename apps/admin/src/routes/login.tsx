import { useNavigate, useSearchParams } from 'react-router';
import { useResetClient } from '../app/client-reset.js';
import { LoginPage } from '../features/session/LoginPage.js';
import { safeNextPath } from '../features/session/safe-next.js';

export function LoginRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const resetClient = useResetClient();
  return (
    <LoginPage
      onSignedIn={() => {
        // A fresh client: nothing cached under the previous session survives.
        resetClient();
        void navigate(safeNextPath(params.get('next')), { replace: true });
      }}
    />
  );
}

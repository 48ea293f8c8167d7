import { useParams } from 'react-router';
import { PublicRequestPage } from '../features/requests/PublicRequestPage.js';
import { RequestPage } from '../features/requests/RequestPage.js';
import { RequestsPage } from '../features/requests/RequestsPage.js';

export function RequestsRoute() {
  return <RequestsPage />;
}

export function RequestRoute() {
  const { requestId = '' } = useParams();
  return <RequestPage key={requestId} requestId={requestId} />;
}

/** Public: no sign-in. */
export function PublicRequestRoute() {
  return <PublicRequestPage />;
}

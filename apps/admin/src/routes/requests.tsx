import { useParams } from 'react-router';
import { RequestPage } from '../features/requests/RequestPage.js';
import { RequestsPage } from '../features/requests/RequestsPage.js';

export function RequestsRoute() {
  return <RequestsPage />;
}

export function RequestRoute() {
  const { requestId = '' } = useParams();
  return <RequestPage key={requestId} requestId={requestId} />;
}

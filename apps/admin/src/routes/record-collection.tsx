import { useSearchParams } from 'react-router';
import { RecordCollectionPage } from '../features/collection/RecordCollectionPage.js';
import { useCanWrite } from '../features/session/session-context.js';
import { ReadOnlyNotice } from './read-only.js';

export function RecordCollectionRoute() {
  const [params] = useSearchParams();
  const providerId = params.get('providerId');
  if (!useCanWrite()) return <ReadOnlyNotice />;
  return <RecordCollectionPage key={providerId ?? 'new'} providerId={providerId} />;
}

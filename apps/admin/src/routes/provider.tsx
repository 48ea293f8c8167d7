import { useParams, useSearchParams } from 'react-router';
import { ProviderPage } from '../features/providers/ProviderPage.js';

export function ProviderRoute() {
  const { providerId = '' } = useParams();
  const [params] = useSearchParams();
  return <ProviderPage key={providerId} providerId={providerId} recordedCollectionId={params.get('recorded')} />;
}

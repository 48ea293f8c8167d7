import { Alert, Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { hasErrorCode } from '../../components/errors.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { CollectionForm } from './CollectionForm.js';
import { useCollectionOptions } from './use-collection-options.js';
import { useTargetProvider } from './use-target-provider.js';

/** Route entry: loads the options (and the existing provider, if any), then shows the form. */
export function RecordCollectionPage({ providerId }: { providerId: string | null }) {
  const options = useCollectionOptions();
  const target = useTargetProvider(providerId);

  let body;
  if (options.fetching && !options.currentPolicy) body = <Loading label="Loading form" />;
  else if (!options.currentPolicy) body = <ErrorAlert error={options.error} onRetry={options.reload} />;
  else if (providerId && !target.provider) {
    body = target.fetching ? (
      <Loading label="Loading provider" />
    ) : hasErrorCode(target.error, 'NOT_FOUND') ? (
      <Alert color="gray" title="No such provider" role="alert">
        The provider does not exist.{' '}
        <Anchor component={Link} to="/collections/new">
          Record for a new provider
        </Anchor>
      </Alert>
    ) : (
      <ErrorAlert error={target.error} onRetry={target.reload} />
    );
  } else {
    body = (
      <CollectionForm
        policy={options.currentPolicy}
        purposes={options.purposes}
        provider={target.provider}
        onReloadProvider={target.reload}
        onReloadPolicy={options.reload}
      />
    );
  }

  return (
    <>
      <PageHeader
        title="Record a collection"
        description="One act of collecting personal information: the purposes specified to the provider, the consent obtained, and what was given."
      />
      {body}
    </>
  );
}

import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('collection');
  const options = useCollectionOptions();
  const target = useTargetProvider(providerId);

  let body;
  if (options.fetching && !options.currentPolicy) body = <Loading label={t('page.loadingForm')} />;
  else if (!options.currentPolicy) body = <ErrorAlert error={options.error} onRetry={options.reload} />;
  else if (providerId && !target.provider) {
    body = target.fetching ? (
      <Loading label={t('page.loadingProvider')} />
    ) : hasErrorCode(target.error, 'NOT_FOUND') ? (
      <Alert color="gray" title={t('page.notFound.title')} role="alert">
        {t('page.notFound.message')}{' '}
        <Anchor component={Link} to="/collections/new">
          {t('page.notFound.newProvider')}
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
      <PageHeader title={t('page.title')} description={t('page.description')} />
      {body}
    </>
  );
}

import { Alert, Anchor, Badge, Button, Grid, Stack, Text } from '@mantine/core';
import { PROVIDER_LANGUAGE_LABELS } from '@steward/policy-core';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { hasErrorCode } from '../../components/errors.js';
import { formatDateTime } from '../../components/format.js';
import { PROVIDER_KIND_LABEL } from '../../components/labels.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useLocale } from '../../i18n/locale.js';
import { AmendmentHistoryCard } from '../requests/AmendmentHistoryCard.js';
import { useCanWrite } from '../session/session-context.js';
import { CollectionsCard } from './CollectionsCard.js';
import { ConsentHistoryCard } from './ConsentHistoryCard.js';
import { ConsentsCard } from './ConsentsCard.js';
import { DataItemsCard } from './DataItemsCard.js';
import { EditProviderModal } from './EditProviderModal.js';
import { useProvider } from './use-provider.js';

type Props = {
  providerId: string;
  /** The collection just recorded (after "Record collection"): its receipt is opened and announced. */
  recordedCollectionId?: string | null;
};

export function ProviderPage({ providerId, recordedCollectionId }: Props) {
  const { t } = useTranslation('providers');
  const { language } = useLocale();
  const { provider, fetching, error, reload } = useProvider(providerId);
  const writable = useCanWrite();
  const [editing, setEditing] = useState(false);

  if (!provider) {
    if (fetching) return <Loading label={t('page.loading')} />;
    if (hasErrorCode(error, 'NOT_FOUND')) {
      return (
        <Alert color="gray" title={t('page.notFound.title')} role="alert">
          {t('page.notFound.message')}{' '}
          <Anchor component={Link} to="/providers">
            {t('page.notFound.back')}
          </Anchor>
        </Alert>
      );
    }
    return <ErrorAlert error={error} onRetry={reload} />;
  }

  const recorded = recordedCollectionId
    ? (provider.collections.find((c) => c.id === recordedCollectionId) ?? null)
    : null;

  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to="/providers" size="sm">
          {t('page.back')}
        </Anchor>
      </div>
      <PageHeader
        title={
          <Text span ff="monospace" fz="inherit" fw="inherit">
            {provider.reference}
          </Text>
        }
        badges={
          <>
            <Badge variant="light" color="gray">
              {PROVIDER_KIND_LABEL[provider.kind]}
            </Badge>
            <Badge
              variant="light"
              color="blue"
              aria-label={t('page.writesIn', { language: PROVIDER_LANGUAGE_LABELS[provider.language][language] })}
            >
              {PROVIDER_LANGUAGE_LABELS[provider.language][provider.language]}
            </Badge>
            <Badge variant="outline" color="gray" aria-label={t('page.version', { version: provider.version })}>
              {t('page.versionShort', { version: provider.version })}
            </Badge>
          </>
        }
        description={
          <>
            <Text span fw={500} c="dark" size="md">
              {provider.displayName ?? t('noName')}
            </Text>
            <Text span size="sm" c="dimmed">
              {' · '}
              {t('page.dates', {
                created: formatDateTime(provider.createdAt),
                updated: formatDateTime(provider.updatedAt),
              })}
            </Text>
          </>
        }
        actions={
          <>
            <Button
              component={Link}
              to={`/audit?providerId=${encodeURIComponent(provider.id)}`}
              variant="default"
              size="sm"
            >
              {t('page.auditTrail')}
            </Button>
            {writable && (
              <>
                <Button variant="default" size="sm" onClick={() => setEditing(true)}>
                  {t('common:actions.edit')}
                </Button>
                <Button
                  component={Link}
                  to={`/collections/new?providerId=${encodeURIComponent(provider.id)}`}
                  size="sm"
                >
                  {t('recordCollection')}
                </Button>
              </>
            )}
          </>
        }
      />

      {recorded && (
        <Alert color="teal" title={t('page.recorded.title')} role="status">
          <Trans
            t={t}
            i18nKey="page.recorded.message"
            values={{ receiptId: recorded.receipt.receiptId }}
            components={{ code: <Text span ff="monospace" /> }}
          />
        </Alert>
      )}
      <ErrorAlert error={error} onRetry={reload} />

      <DataItemsCard items={provider.dataItems} writable={writable} onReload={reload} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ConsentsCard provider={provider} consents={provider.consents} writable={writable} onReload={reload} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ConsentHistoryCard
            events={provider.consentHistory}
            purposes={[...provider.consents, ...provider.collections.flatMap((c) => c.purposes)]}
          />
        </Grid.Col>
      </Grid>
      <CollectionsCard
        key={recordedCollectionId ?? 'none'}
        collections={provider.collections}
        openId={recordedCollectionId ?? null}
      />
      <AmendmentHistoryCard providerId={provider.id} />

      {editing && <EditProviderModal provider={provider} opened onClose={() => setEditing(false)} onReload={reload} />}
    </Stack>
  );
}

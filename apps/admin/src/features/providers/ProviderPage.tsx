import { Alert, Anchor, Badge, Button, Grid, Stack, Text } from '@mantine/core';
import { PROVIDER_LANGUAGE_LABELS } from '@steward/policy-core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { hasErrorCode } from '../../components/errors.js';
import { formatDateTime } from '../../components/format.js';
import { PROVIDER_KIND_LABEL } from '../../components/labels.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
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
  const { provider, fetching, error, reload } = useProvider(providerId);
  const writable = useCanWrite();
  const [editing, setEditing] = useState(false);

  if (!provider) {
    if (fetching) return <Loading label="Loading provider" />;
    if (hasErrorCode(error, 'NOT_FOUND')) {
      return (
        <Alert color="gray" title="No such provider" role="alert">
          There is no provider with this id.{' '}
          <Anchor component={Link} to="/providers">
            Back to providers
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
          ← Providers
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
              aria-label={`Writes to them in ${PROVIDER_LANGUAGE_LABELS[provider.language].en}`}
            >
              {PROVIDER_LANGUAGE_LABELS[provider.language][provider.language]}
            </Badge>
            <Badge variant="outline" color="gray" aria-label={`Version ${provider.version}`}>
              v{provider.version}
            </Badge>
          </>
        }
        description={
          <>
            <Text span fw={500} c="dark" size="md">
              {provider.displayName ?? 'No name on file'}
            </Text>
            <Text span size="sm" c="dimmed">
              {' '}
              · created {formatDateTime(provider.createdAt)} · updated {formatDateTime(provider.updatedAt)}
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
              Audit trail
            </Button>
            {writable && (
              <>
                <Button variant="default" size="sm" onClick={() => setEditing(true)}>
                  Edit
                </Button>
                <Button
                  component={Link}
                  to={`/collections/new?providerId=${encodeURIComponent(provider.id)}`}
                  size="sm"
                >
                  Record collection
                </Button>
              </>
            )}
          </>
        }
      />

      {recorded && (
        <Alert color="teal" title="Collection recorded" role="status">
          The consent receipt{' '}
          <Text span ff="monospace">
            {recorded.receipt.receiptId}
          </Text>{' '}
          was issued; it is open below and can be downloaded for the provider.
        </Alert>
      )}
      <ErrorAlert error={error} onRetry={reload} />

      <DataItemsCard items={provider.dataItems} writable={writable} onReload={reload} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ConsentsCard provider={provider} consents={provider.consents} writable={writable} onReload={reload} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ConsentHistoryCard events={provider.consentHistory} />
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

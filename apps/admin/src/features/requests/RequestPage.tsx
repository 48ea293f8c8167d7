import { Alert, Anchor, Card, Grid, Stack, Table, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConflictAlert } from '../../components/ConflictAlert.js';
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { formatDateTime } from '../../components/format.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { AmendmentEditor } from './AmendmentEditor.js';
import { CessationForm } from './CessationForm.js';
import { DisclosureCard } from './DisclosureCard.js';
import { ProviderCard } from './ProviderCard.js';
import { REQUEST_CHANNEL_LABEL, REQUEST_KIND_LABEL, REQUEST_STATUS_LABEL } from './request-labels.js';
import { RequestStatusBadge, UrgencyBadge } from './RequestsPage.js';
import { StatusCard } from './StatusCard.js';
import { useProviderRequest, type ProviderRequest } from './use-requests.js';
import { useWriteErrors } from './use-write-errors.js';
import { VerificationCard } from './VerificationCard.js';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={200} fw={500} c="dimmed">
        {label}
      </Table.Th>
      <Table.Td>{children === null || children === undefined || children === '' ? '—' : children}</Table.Td>
    </Table.Tr>
  );
}

export function RequestPage({ requestId }: { requestId: string }) {
  const { t } = useTranslation('requests');
  const { request, loaded, fetching, error, refetch } = useProviderRequest(requestId);
  if (!loaded && fetching) return <Loading label={t('detail.loading')} />;
  if (!request) {
    if (loaded && !error) {
      return (
        <Alert color="gray" title={t('detail.notFoundTitle')} role="alert">
          {t('detail.notFound')}{' '}
          <Anchor component={Link} to="/requests">
            {t('detail.allRequests')}
          </Anchor>
        </Alert>
      );
    }
    return <ErrorAlert error={error} onRetry={refetch} />;
  }
  return <RequestDetail request={request} onReload={refetch} />;
}

function RequestDetail({ request: r, onReload }: { request: ProviderRequest; onReload: () => void }) {
  const { t, i18n } = useTranslation('requests');
  const errors = useWriteErrors();
  const channel = REQUEST_CHANNEL_LABEL[r.channel];
  // What the caller may do is the API's answer (policy-core's requestAbilities), never derived here.
  const can = r.abilities;

  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to="/requests" size="sm">
          ← {t('detail.back')}
        </Anchor>
      </div>
      <PageHeader
        title={
          <>
            {t('detail.title', { kind: REQUEST_KIND_LABEL[r.kind] })}{' '}
            <Text span ff="monospace" fz="inherit" fw="inherit">
              {r.reference}
            </Text>
          </>
        }
        badges={
          <>
            <RequestStatusBadge status={r.status} />
            <UrgencyBadge request={r} />
          </>
        }
        description={t('detail.description', {
          receivedAt: formatDateTime(r.receivedAt),
          // "by web form" in an English sentence; a label as it is in other languages.
          channel: i18n.language === 'en' ? channel.toLowerCase() : channel,
          dueAt: formatDateTime(r.dueAt),
        })}
      />
      {errors.conflict && (
        <ConflictAlert
          what={t('detail.conflictWhat')}
          onReload={() => {
            errors.clear();
            onReload();
          }}
        />
      )}
      <MessagesAlert title={t('detail.refused')} messages={errors.messages} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder radius="md">
            <Text fw={600} mb="xs">
              {t('detail.requester')}
            </Text>
            <Table withRowBorders={false} verticalSpacing={4} aria-label={t('detail.requester')}>
              <Table.Tbody>
                <Fact label={t('detail.name')}>{r.requester.name}</Fact>
                <Fact label={t('detail.contact')}>{r.requester.contact}</Fact>
                <Fact label={t('detail.asksFor')}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {r.requester.details}
                  </Text>
                </Fact>
                <Fact label={t('detail.cookieConsentIds')}>{r.requester.cookieConsentIds.join(', ')}</Fact>
                <Fact label={t('detail.enteredBy')}>{r.enteredBy ?? t('detail.publicForm')}</Fact>
              </Table.Tbody>
            </Table>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <ProviderCard request={r} errors={errors} />
            <VerificationCard request={r} errors={errors} />
          </Stack>
        </Grid.Col>
      </Grid>
      <StatusCard request={r} errors={errors} />
      {r.provider && r.kind === 'DISCLOSURE' && (can.disclose || r.packageProducedAt !== null) && (
        <DisclosureCard request={r} onProduced={onReload} />
      )}
      {r.provider && can.amend && <AmendmentEditor requestId={r.id} providerId={r.provider.id} onApplied={onReload} />}
      {r.provider && can.cease && <CessationForm requestId={r.id} providerId={r.provider.id} onApplied={onReload} />}
      <Card withBorder radius="md">
        <Text fw={600} mb="xs">
          {t('detail.history')}
        </Text>
        <Timeline bulletSize={12} lineWidth={2} active={r.history.length}>
          {r.history.map((h, i) => (
            <Timeline.Item key={i} title={REQUEST_STATUS_LABEL[h.toStatus]}>
              <Text size="xs" c="dimmed">
                {formatDateTime(h.at)} · {h.actorName}
              </Text>
              {h.reason && <Text size="sm">{h.reason}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      </Card>
    </Stack>
  );
}

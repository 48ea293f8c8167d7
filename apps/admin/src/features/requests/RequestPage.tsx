import { Alert, Anchor, Card, Grid, Stack, Table, Text, Timeline } from '@mantine/core';
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
  const { request, loaded, fetching, error, refetch } = useProviderRequest(requestId);
  if (!loaded && fetching) return <Loading label="Loading request" />;
  if (!request) {
    if (loaded && !error) {
      return (
        <Alert color="gray" title="No such request" role="alert">
          The request does not exist.{' '}
          <Anchor component={Link} to="/requests">
            All requests
          </Anchor>
        </Alert>
      );
    }
    return <ErrorAlert error={error} onRetry={refetch} />;
  }
  return <RequestDetail request={request} onReload={refetch} />;
}

function RequestDetail({ request: r, onReload }: { request: ProviderRequest; onReload: () => void }) {
  const errors = useWriteErrors();
  // What the caller may do is the API's answer (policy-core's requestAbilities), never derived here.
  const can = r.abilities;

  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to="/requests" size="sm">
          ← Provider requests
        </Anchor>
      </div>
      <PageHeader
        title={
          <>
            {REQUEST_KIND_LABEL[r.kind]} request{' '}
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
        description={`Received ${formatDateTime(r.receivedAt)} by ${REQUEST_CHANNEL_LABEL[r.channel].toLowerCase()} · due ${formatDateTime(r.dueAt)}`}
      />
      {errors.conflict && (
        <ConflictAlert
          what="this request"
          onReload={() => {
            errors.clear();
            onReload();
          }}
        />
      )}
      <MessagesAlert title="The change was not saved" messages={errors.messages} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder radius="md">
            <Text fw={600} mb="xs">
              Requester
            </Text>
            <Table withRowBorders={false} verticalSpacing={4} aria-label="Requester">
              <Table.Tbody>
                <Fact label="Name">{r.requester.name}</Fact>
                <Fact label="Contact">{r.requester.contact}</Fact>
                <Fact label="Asks for">
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {r.requester.details}
                  </Text>
                </Fact>
                <Fact label="Cookie consent ids">{r.requester.cookieConsentIds.join(', ')}</Fact>
                <Fact label="Entered by">{r.enteredBy ?? 'Public form'}</Fact>
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
          History
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

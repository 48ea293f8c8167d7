import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { REQUEST_CHANNELS, REQUEST_KINDS, REQUEST_STATUSES } from '@steward/policy-core';
import type {
  ProviderRequestFieldsFragment,
  ProviderRequestFilter,
  RequestChannel,
  RequestKind,
  RequestStatus,
} from '@steward/schema';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { EmptyTableRow } from '../../components/EmptyTableRow.js';
import { FilterSelect } from '../../components/FilterSelect.js';
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError } from '../../components/errors.js';
import { formatDate, formatDateTime } from '../../components/format.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCanWrite } from '../session/session-context.js';
import { DueTimelineChart } from './DueTimelineChart.js';
import {
  REQUEST_CHANNEL_LABEL,
  REQUEST_KIND_LABEL,
  REQUEST_STATUS_COLOR,
  REQUEST_STATUS_LABEL,
  URGENCY_COLOR,
  URGENCY_LABEL,
  daysRemainingLabel,
} from './request-labels.js';
import { useCreateProviderRequest, useProviderRequests } from './use-requests.js';

const URGENCIES = ['OVERDUE', 'DUE_SOON', 'ON_TRACK', 'CLOSED'] as const;
const pick = <T extends string>(values: readonly T[], v: string | null): T | null =>
  v && (values as readonly string[]).includes(v) ? (v as T) : null;

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  return (
    <Badge variant="light" color={REQUEST_STATUS_COLOR[status]} size="sm">
      {REQUEST_STATUS_LABEL[status]}
    </Badge>
  );
}

export function UrgencyBadge({
  request,
}: {
  request: Pick<ProviderRequestFieldsFragment, 'urgency' | 'daysRemaining'>;
}) {
  const closed = request.urgency === 'CLOSED';
  return (
    <Badge
      variant={request.urgency === 'OVERDUE' ? 'filled' : 'light'}
      color={URGENCY_COLOR[request.urgency]}
      size="sm"
    >
      {closed ? URGENCY_LABEL.CLOSED : daysRemainingLabel(request.daysRemaining, closed)}
    </Badge>
  );
}

export function RequestsPage() {
  const [params, setParams] = useSearchParams();
  const status = pick(REQUEST_STATUSES, params.get('status'));
  const kind = pick(REQUEST_KINDS, params.get('kind'));
  const urgency = pick(URGENCIES, params.get('urgency'));
  const filter: ProviderRequestFilter = { status, kind, urgency };
  const { requests, hasMore, loaded, fetching, error, refetch } = useProviderRequests(filter);
  const canWrite = useCanWrite();
  const [creating, setCreating] = useState(false);

  function setFilter(name: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  }

  return (
    <>
      <PageHeader
        title="Provider requests"
        description="Disclosure, amendment and cessation of use on request (clause 4): verify the requester, answer within the response period."
        actions={canWrite && <Button onClick={() => setCreating(true)}>Enter a request</Button>}
      />
      <Group mb="md" gap="sm" role="group" aria-label="Filters">
        <FilterSelect
          label="Urgency"
          anyLabel="Any"
          value={urgency}
          options={URGENCIES}
          labels={URGENCY_LABEL}
          onChange={(v) => setFilter('urgency', v)}
          w={160}
        />
        <FilterSelect
          label="Status"
          anyLabel="Any status"
          value={status}
          options={REQUEST_STATUSES}
          labels={REQUEST_STATUS_LABEL}
          onChange={(v) => setFilter('status', v)}
          w={190}
        />
        <FilterSelect
          label="Kind"
          anyLabel="Any kind"
          value={kind}
          options={REQUEST_KINDS}
          labels={REQUEST_KIND_LABEL}
          onChange={(v) => setFilter('kind', v)}
          w={190}
        />
      </Group>
      <ErrorAlert error={error} onRetry={refetch} />
      {!loaded && fetching ? (
        <Loading label="Loading requests" />
      ) : (
        <Stack gap="md">
          <Card withBorder radius="md">
            <Text fw={600} size="sm" mb="xs">
              Due dates
            </Text>
            <DueTimelineChart requests={requests} now={new Date()} />
          </Card>
          <Card withBorder radius="md" padding={0}>
            <Table.ScrollContainer minWidth={860}>
              <Table aria-label="Provider requests">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Reference</Table.Th>
                    <Table.Th>Kind</Table.Th>
                    <Table.Th>Requester</Table.Th>
                    <Table.Th>Received</Table.Th>
                    <Table.Th>Due</Table.Th>
                    <Table.Th>Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {requests.length === 0 && <EmptyTableRow colSpan={6}>No requests match.</EmptyTableRow>}
                  {requests.map((r) => (
                    <Table.Tr
                      key={r.id}
                      bg={r.overdue ? 'red.0' : undefined}
                      data-overdue={r.overdue ? 'true' : undefined}
                    >
                      <Table.Td>
                        <Anchor component={Link} to={`/requests/${encodeURIComponent(r.id)}`} ff="monospace" fw={500}>
                          {r.reference}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{REQUEST_KIND_LABEL[r.kind]}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{r.requester.name}</Text>
                        <Text size="xs" c="dimmed">
                          {REQUEST_CHANNEL_LABEL[r.channel]}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {formatDateTime(r.receivedAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Text size="sm">{formatDate(r.dueAt)}</Text>
                          <UrgencyBadge request={r} />
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <RequestStatusBadge status={r.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
          {hasMore && (
            <Text size="sm" c="dimmed">
              Showing the newest 100; narrow the filters to see others.
            </Text>
          )}
        </Stack>
      )}
      <NewRequestModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function NewRequestModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { create, fetching } = useCreateProviderRequest();
  const navigate = useNavigate();
  const [kind, setKind] = useState<RequestKind>('DISCLOSURE');
  const [channel, setChannel] = useState<RequestChannel>('POST');
  const [receivedOn, setReceivedOn] = useState('');
  const [requesterName, setRequesterName] = useState('');
  const [contact, setContact] = useState('');
  const [details, setDetails] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [messages, setMessages] = useState<string[]>([]);

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setMessages([]);
    const result = await create({
      kind,
      channel,
      receivedAt: receivedOn ? new Date(receivedOn).toISOString() : null,
      requesterName,
      contact,
      details: details || null,
    });
    if (result.error) {
      const summary = fieldErrorsFromGraphQLError(result.error);
      setErrors(summary.fieldErrors);
      setMessages(summary.messages);
      return;
    }
    const id = result.data?.createProviderRequest.id;
    onClose();
    if (id) void navigate(`/requests/${encodeURIComponent(id)}`);
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Enter a request" size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <MessagesAlert title="The request was not saved" messages={messages} />
          <Group grow>
            <NativeSelect
              label="Kind"
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as RequestKind)}
              data={REQUEST_KINDS.map((k) => ({ value: k, label: REQUEST_KIND_LABEL[k] }))}
            />
            <NativeSelect
              label="Received by"
              value={channel}
              onChange={(e) => setChannel(e.currentTarget.value as RequestChannel)}
              data={REQUEST_CHANNELS.map((c) => ({ value: c, label: REQUEST_CHANNEL_LABEL[c] }))}
            />
          </Group>
          <TextInput
            label="Received at"
            description="When it reached the organisation (the due date counts from it). Empty: now."
            type="datetime-local"
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.currentTarget.value)}
            error={errors['receivedAt']}
          />
          <TextInput
            label="Requester's name"
            required
            value={requesterName}
            onChange={(e) => setRequesterName(e.currentTarget.value)}
            error={errors['requesterName']}
          />
          <TextInput
            label="Contact (e-mail, telephone or address)"
            required
            value={contact}
            onChange={(e) => setContact(e.currentTarget.value)}
            error={errors['contact']}
          />
          <Textarea
            label="What is asked for"
            autosize
            minRows={3}
            value={details}
            onChange={(e) => setDetails(e.currentTarget.value)}
            error={errors['details']}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={fetching}>
              Save request
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

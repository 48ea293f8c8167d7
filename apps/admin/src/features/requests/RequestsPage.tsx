import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  Stack,
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
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DataTable, type DataColumn, type TableSort } from '../../components/DataTable.js';
import { FilterBar, filterDef, useUrlFilters } from '../../components/FilterBar.js';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError } from '../../components/errors.js';
import { formatDate, formatDateTime } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ExportButton } from '../exports/ExportButton.js';
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
import { REQUESTS_PAGE_SIZE, useCreateProviderRequest, useProviderRequests } from './use-requests.js';
import { useCursorStack } from '../../components/use-cursor-stack.js';

const URGENCIES = ['OVERDUE', 'DUE_SOON', 'ON_TRACK', 'CLOSED'] as const;
const requestFilters = (t: TFunction) => ({
  urgency: filterDef({
    label: t('list.filters.urgency'),
    anyLabel: t('list.filters.anyUrgency'),
    options: URGENCIES,
    labels: URGENCY_LABEL,
    w: 160,
  }),
  status: filterDef({
    label: t('list.filters.status'),
    anyLabel: t('list.filters.anyStatus'),
    options: REQUEST_STATUSES,
    labels: REQUEST_STATUS_LABEL,
    w: 190,
  }),
  kind: filterDef({
    label: t('list.filters.kind'),
    anyLabel: t('list.filters.anyKind'),
    options: REQUEST_KINDS,
    labels: REQUEST_KIND_LABEL,
    w: 190,
  }),
});

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
  const { t } = useTranslation('requests');
  const closed = request.urgency === 'CLOSED';
  return (
    <Badge
      variant={request.urgency === 'OVERDUE' ? 'filled' : 'light'}
      color={URGENCY_COLOR[request.urgency]}
      size="sm"
    >
      {closed ? URGENCY_LABEL.CLOSED : daysRemainingLabel(t, request.daysRemaining, closed)}
    </Badge>
  );
}

const requestColumns = (t: TFunction): DataColumn<ProviderRequestFieldsFragment>[] => [
  {
    id: 'reference',
    header: t('list.columns.reference'),
    value: (r) => r.reference,
    cell: (r) => (
      <Anchor component={Link} to={`/requests/${encodeURIComponent(r.id)}`} ff="monospace" fw={500}>
        {r.reference}
      </Anchor>
    ),
  },
  { id: 'kind', header: t('list.columns.kind'), value: (r) => REQUEST_KIND_LABEL[r.kind] },
  {
    id: 'requester',
    header: t('list.columns.requester'),
    value: (r) => r.requester.name,
    cell: (r) => (
      <>
        <Text size="sm">{r.requester.name}</Text>
        <Text size="xs" c="dimmed">
          {REQUEST_CHANNEL_LABEL[r.channel]}
        </Text>
      </>
    ),
  },
  {
    id: 'receivedAt',
    header: t('list.columns.receivedAt'),
    value: (r) => r.receivedAt,
    sortField: 'RECEIVED',
    cell: (r) => (
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(r.receivedAt)}
      </Text>
    ),
  },
  {
    id: 'dueAt',
    header: t('list.columns.dueAt'),
    value: (r) => r.dueAt,
    sortField: 'DUE',
    cell: (r) => (
      <Group gap={6} wrap="nowrap">
        <Text size="sm">{formatDate(r.dueAt)}</Text>
        <UrgencyBadge request={r} />
      </Group>
    ),
  },
  {
    id: 'status',
    header: t('list.columns.status'),
    value: (r) => r.status,
    cell: (r) => <RequestStatusBadge status={r.status} />,
  },
];

export function RequestsPage() {
  const { t } = useTranslation('requests');
  const filters = useMemo(() => requestFilters(t), [t]);
  const columns = useMemo(() => requestColumns(t), [t]);
  const { values, setFilter } = useUrlFilters(filters);
  const filter: ProviderRequestFilter = values;
  const [sort, setSort] = useState<TableSort>({ field: 'RECEIVED', direction: 'DESC' });
  const paging = useCursorStack(JSON.stringify([filter, sort]));
  const { requests, pageInfo, total, ...query } = useProviderRequests(filter, sort, paging.after);
  const canWrite = useCanWrite();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          <>
            <ExportButton input={{ list: 'PROVIDER_REQUESTS', providerRequests: filter }} />
            {canWrite && <Button onClick={() => setCreating(true)}>{t('list.enter')}</Button>}
          </>
        }
      />
      <FilterBar filters={filters} values={values} onChange={setFilter} />
      <Stack gap="md">
        {(query.loaded || !query.fetching) && (
          <Card withBorder radius="md">
            <Text fw={600} size="sm" mb="xs">
              {t('list.dueDates')}
            </Text>
            <DueTimelineChart requests={requests} now={new Date()} />
          </Card>
        )}
        <DataTable
          label={t('list.tableLabel')}
          columns={columns}
          rows={requests}
          rowProps={(r) => (r.overdue ? { bg: 'red.0', 'data-overdue': 'true' } : {})}
          empty={t('list.empty')}
          query={query}
          loadingLabel={t('list.loading')}
          minWidth={860}
          pagination={{ paging, pageInfo, total, pageSize: REQUESTS_PAGE_SIZE }}
          sort={{ value: sort, onChange: setSort }}
        />
      </Stack>
      <NewRequestModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function NewRequestModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('requests');
  const { create, fetching } = useCreateProviderRequest();
  const navigate = useNavigate();
  const [kind, setKind] = useState<RequestKind>('DISCLOSURE');
  const [channel, setChannel] = useState<RequestChannel>('POST');
  const [receivedOn, setReceivedOn] = useState('');
  const [requesterName, setRequesterName] = useState('');
  const [contact, setContact] = useState('');
  const [details, setDetails] = useState('');
  const [earlierHead, setEarlierHead] = useState('');
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
      earlierHead: kind === 'DISCLOSURE' && earlierHead.trim() ? earlierHead : null,
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
    <Modal opened={opened} onClose={onClose} title={t('create.title')} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <MessagesAlert title={t('create.refused')} messages={messages} />
          <Group grow>
            <NativeSelect
              label={t('create.kind')}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as RequestKind)}
              data={REQUEST_KINDS.map((k) => ({ value: k, label: REQUEST_KIND_LABEL[k] }))}
            />
            <NativeSelect
              label={t('create.channel')}
              value={channel}
              onChange={(e) => setChannel(e.currentTarget.value as RequestChannel)}
              data={REQUEST_CHANNELS.map((c) => ({ value: c, label: REQUEST_CHANNEL_LABEL[c] }))}
            />
          </Group>
          <TextInput
            label={t('create.receivedAt')}
            description={t('create.receivedAtHelp')}
            type="datetime-local"
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.currentTarget.value)}
            error={errors['receivedAt']}
          />
          <TextInput
            label={t('create.requesterName')}
            required
            value={requesterName}
            onChange={(e) => setRequesterName(e.currentTarget.value)}
            error={errors['requesterName']}
          />
          <TextInput
            label={t('create.contact')}
            required
            value={contact}
            onChange={(e) => setContact(e.currentTarget.value)}
            error={errors['contact']}
          />
          <Textarea
            label={t('create.details')}
            autosize
            minRows={3}
            value={details}
            onChange={(e) => setDetails(e.currentTarget.value)}
            error={errors['details']}
          />
          {kind === 'DISCLOSURE' && (
            // The head of the provider's last package (sent by letter or mail): the next package proves
            // the ledger only grew since it.
            <Textarea
              label={t('create.earlierHead')}
              description={t('create.earlierHeadHelp')}
              autosize
              minRows={2}
              maxRows={8}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              value={earlierHead}
              onChange={(e) => setEarlierHead(e.currentTarget.value)}
              error={errors['earlierHead']}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={fetching}>
              {t('create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

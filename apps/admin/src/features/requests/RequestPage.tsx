import {
  Alert,
  Anchor,
  Button,
  Card,
  Grid,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Timeline,
} from '@mantine/core';
import { VERIFICATION_METHODS } from '@steward/policy-core';
import {
  ProvidersDocument,
  type ProviderRequestQuery,
  type RequestStatus,
  type VerificationMethod,
} from '@steward/schema';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ConflictAlert } from '../../components/ConflictAlert.js';
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError, hasErrorCode, type ErrorLike } from '../../components/errors.js';
import { formatDate, formatDateTime } from '../../components/format.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { AmendmentEditor } from './AmendmentEditor.js';
import { CessationForm } from './CessationForm.js';
import { DisclosurePackageView } from './DisclosurePackageView.js';
import {
  REQUEST_CHANNEL_LABEL,
  REQUEST_KIND_LABEL,
  REQUEST_STATUS_LABEL,
  VERIFICATION_METHOD_LABEL,
} from './request-labels.js';
import { RequestStatusBadge, UrgencyBadge } from './RequestsPage.js';
import {
  useChangeRequestStatus,
  useLinkRequestProvider,
  useProduceDisclosurePackage,
  useProviderRequest,
  useVerifyRequestIdentity,
} from './use-requests.js';

type Request = NonNullable<ProviderRequestQuery['providerRequest']>;

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

/** Messages for a failed write; CONFLICT is shown as the reload alert instead. */
function useWriteErrors() {
  const [messages, setMessages] = useState<string[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState(false);
  return {
    messages,
    fieldErrors,
    conflict,
    clear() {
      setMessages([]);
      setFieldErrors({});
      setConflict(false);
    },
    report(error: ErrorLike) {
      const summary = fieldErrorsFromGraphQLError(error);
      setConflict(summary.conflict !== null);
      setFieldErrors(summary.fieldErrors);
      const list = summary.conflict ? [] : [...summary.messages];
      for (const [field, message] of Object.entries(summary.fieldErrors))
        if (!['reason', 'note'].includes(field)) list.push(message);
      if (hasErrorCode(error, 'FORBIDDEN') && list.length === 0) list.push('Your role does not permit this.');
      setMessages(list);
    },
  };
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

function RequestDetail({ request: r, onReload }: { request: Request; onReload: () => void }) {
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

type CardProps = { request: Request; errors: ReturnType<typeof useWriteErrors> };

function ProviderCard({ request: r, errors }: CardProps) {
  const { link, fetching } = useLinkRequestProvider();
  const [search, setSearch] = useState('');
  const [term, setTerm] = useState('');
  const [result] = useQuery({
    query: ProvidersDocument,
    variables: { first: 10, filter: { search: term } },
    pause: term === '',
  });
  const canLink = r.abilities.link;

  async function onLink(providerId: string) {
    errors.clear();
    const res = await link(r.id, providerId, r.version);
    if (res.error) errors.report(res.error);
  }

  return (
    <Card withBorder radius="md">
      <Text fw={600} mb="xs">
        Provider
      </Text>
      {r.provider ? (
        <Text size="sm">
          <Anchor component={Link} to={`/providers/${encodeURIComponent(r.provider.id)}`} ff="monospace">
            {r.provider.reference}
          </Anchor>
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          Not yet identified.
        </Text>
      )}
      {canLink && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setTerm(search.trim());
          }}
        >
          <Group mt="sm" align="flex-end" gap="xs">
            <TextInput
              label={r.provider ? 'Link another provider' : 'Find the provider'}
              placeholder="E-mail, name or reference"
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button type="submit" variant="default">
              Search
            </Button>
          </Group>
          {term !== '' && (
            <Stack gap={4} mt="xs" aria-label="Matching providers">
              {(result.data?.providers.edges ?? []).map((e) => (
                <Group key={e.node.id} justify="space-between">
                  <Text size="sm">
                    <Text span ff="monospace">
                      {e.node.reference}
                    </Text>{' '}
                    {e.node.displayName ?? ''}
                  </Text>
                  <Button
                    size="xs"
                    onClick={() => void onLink(e.node.id)}
                    loading={fetching}
                    aria-label={`Link ${e.node.reference}`}
                  >
                    Link
                  </Button>
                </Group>
              ))}
              {result.data && result.data.providers.edges.length === 0 && (
                <Text size="sm" c="dimmed">
                  No provider matches.
                </Text>
              )}
            </Stack>
          )}
        </form>
      )}
    </Card>
  );
}

function VerificationCard({ request: r, errors }: CardProps) {
  const { verify, fetching } = useVerifyRequestIdentity();
  const [method, setMethod] = useState<VerificationMethod>('ID_DOCUMENT');
  const [note, setNote] = useState('');
  const v = r.verification;
  const canVerify = r.abilities.verify;

  async function onVerify(e: React.FormEvent) {
    e.preventDefault();
    errors.clear();
    const res = await verify({ requestId: r.id, expectedVersion: r.version, method, note: note.trim() || null });
    if (res.error) errors.report(res.error);
  }

  return (
    <Card withBorder radius="md">
      <Text fw={600} mb="xs">
        Identity verification
      </Text>
      {v ? (
        <Text size="sm" data-testid="verification">
          Verified by {v.verifiedBy} on {formatDateTime(v.verifiedAt)}: {VERIFICATION_METHOD_LABEL[v.method]}
          {v.note ? ` — ${v.note}` : ''}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          Not verified. Nothing is disclosed or changed before the requester is known to be the provider.
        </Text>
      )}
      {canVerify && (
        <form onSubmit={onVerify}>
          <Stack gap="xs" mt="sm">
            <NativeSelect
              label="How the identity was confirmed"
              value={method}
              onChange={(e) => setMethod(e.currentTarget.value as VerificationMethod)}
              data={VERIFICATION_METHODS.map((m) => ({ value: m, label: VERIFICATION_METHOD_LABEL[m] }))}
            />
            <Textarea
              label="Note"
              description="What was checked — never a document number."
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={errors.fieldErrors['note']}
              autosize
              minRows={2}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={fetching}>
                Record verification
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}

const ACTION_LABEL: Partial<Record<RequestStatus, string>> = {
  VERIFYING: 'Start verifying',
  IN_PROGRESS: 'Start work',
  COMPLETED: 'Complete',
};

function StatusCard({ request: r, errors }: CardProps) {
  const { changeStatus, fetching } = useChangeRequestStatus();
  const [reason, setReason] = useState('');
  if (!r.abilities.changeStatus) {
    return r.status === 'REJECTED' || r.status === 'COMPLETED' ? (
      <Card withBorder radius="md">
        <Text size="sm">
          {REQUEST_STATUS_LABEL[r.status]} {formatDate(r.completedAt ?? r.history[r.history.length - 1]?.at ?? null)}
          {r.rejectionReason ? ` — ${r.rejectionReason}` : ''}
          {r.resolution ? ` — ${r.resolution}` : ''}
        </Text>
      </Card>
    ) : null;
  }

  async function move(status: RequestStatus) {
    errors.clear();
    const res = await changeStatus({
      requestId: r.id,
      expectedVersion: r.version,
      status,
      reason: reason.trim() || null,
    });
    if (res.error) errors.report(res.error);
    else setReason('');
  }

  return (
    <Card withBorder radius="md">
      <Text fw={600} mb="xs">
        Status
      </Text>
      <Textarea
        label="Reason or resolution"
        description="Required to reject; when completing, what was done."
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.fieldErrors['reason']}
        autosize
        minRows={2}
      />
      <Group mt="sm" gap="xs">
        {r.allowedNextStatuses
          .filter((s) => s !== 'REJECTED')
          .map((s) => (
            <Button key={s} onClick={() => void move(s)} loading={fetching}>
              {ACTION_LABEL[s] ?? REQUEST_STATUS_LABEL[s]}
            </Button>
          ))}
        {r.allowedNextStatuses.includes('REJECTED') && (
          <Button color="red" variant="light" onClick={() => void move('REJECTED')} loading={fetching}>
            Reject
          </Button>
        )}
      </Group>
    </Card>
  );
}

function DisclosureCard({ request: r, onProduced }: { request: Request; onProduced: () => void }) {
  const { produce, pkg, error, fetching } = useProduceDisclosurePackage();
  // Producing marks the request (a new version): read it again before the next status change.
  const onProduce = async () => {
    const res = await produce(r.id);
    if (!res.error) onProduced();
  };
  return (
    <Card withBorder radius="md">
      <Group justify="space-between" mb="xs" className="steward-no-print">
        <div>
          <Text fw={600}>Disclosure package</Text>
          <Text size="xs" c="dimmed">
            {r.packageProducedAt
              ? `Last produced ${formatDateTime(r.packageProducedAt)} (SHA-256 ${r.packageHash})`
              : 'Not produced yet.'}{' '}
            Producing it is audited.
          </Text>
        </div>
        {r.abilities.disclose && (
          <Button onClick={() => void onProduce()} loading={fetching}>
            {pkg ? 'Produce again' : 'Produce package'}
          </Button>
        )}
      </Group>
      <ErrorAlert error={error} />
      {pkg && <DisclosurePackageView pkg={pkg} />}
    </Card>
  );
}

import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import type { ExceptionFieldsFragment } from '@steward/schema';
import { useState } from 'react';
import { Link } from 'react-router';
import { CategoryBadges } from '../../components/CategoryBadges.js';
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError, hasErrorCode } from '../../components/errors.js';
import { formatDate, formatDateTime } from '../../components/format.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useSessionUser } from '../session/session-context.js';
import { usePurposes } from '../vocabulary/use-purposes.js';
import { EXCEPTION_KIND_LABEL, MEETING_KIND_LABEL } from './exception-labels.js';
import { ExceptionStatusBadge, validityWindow } from './ExceptionsPage.js';
import { useApproveException, usePermittedException, useRevokeException } from './use-exceptions.js';

type Exception = ExceptionFieldsFragment;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={220} fw={500} c="dimmed">
        {label}
      </Table.Th>
      <Table.Td>{children === null || children === undefined || children === '' ? '—' : children}</Table.Td>
    </Table.Tr>
  );
}

function EvidenceTable({ e, purposeTitle }: { e: Exception; purposeTitle: (key: string) => string }) {
  const { law, providerAgreement, outsourcing, boardApproval } = e.evidence;
  return (
    <Table aria-label="Evidence" withRowBorders={false} verticalSpacing={4}>
      <Table.Tbody>
        {e.kind === 'LAW' && (
          <>
            <Fact label="Statute">{law?.statute}</Fact>
            <Fact label="Article">{law?.article}</Fact>
            <Fact label="Requesting authority">{law?.requestingAuthority}</Fact>
            <Fact label="Document reference">{law?.documentReference}</Fact>
            <Fact label="Issued on">{law?.issuedOn ? formatDate(law.issuedOn) : null}</Fact>
          </>
        )}
        {e.kind === 'PROVIDER_AGREEMENT' && (
          <>
            <Fact label="Consent events">{providerAgreement?.consentEventIds?.join(', ')}</Fact>
            <Fact label="Summary">{providerAgreement?.summary}</Fact>
          </>
        )}
        {e.kind === 'OUTSOURCING' && (
          <>
            <Fact label="Contractor">
              {outsourcing?.recipientId ? (
                <Anchor component={Link} to={`/recipients/${encodeURIComponent(outsourcing.recipientId)}`}>
                  {e.scope.recipient?.id === outsourcing.recipientId ? e.scope.recipient.name : outsourcing.recipientId}
                </Anchor>
              ) : null}
            </Fact>
            <Fact label="Contract reference">{outsourcing?.contractReference}</Fact>
            <Fact label="Serves purpose">
              {outsourcing?.servesPurposeKey ? purposeTitle(outsourcing.servesPurposeKey) : null}
            </Fact>
            <Fact label="Categories">
              {outsourcing?.categories ? <CategoryBadges categories={outsourcing.categories} /> : null}
            </Fact>
            <Fact label="Supervision record">{outsourcing?.supervisionRecord}</Fact>
          </>
        )}
        {e.kind === 'BOARD_APPROVAL' && (
          <>
            <Fact label="Meeting">
              {boardApproval?.meetingKind ? MEETING_KIND_LABEL[boardApproval.meetingKind] : null}
            </Fact>
            <Fact label="Meeting date">
              {boardApproval?.meetingDate ? formatDate(boardApproval.meetingDate) : null}
            </Fact>
            <Fact label="Resolution number">{boardApproval?.resolutionNumber}</Fact>
            <Fact label="Legitimate reason">{boardApproval?.legitimateReason}</Fact>
            <Fact label="Minutes reference">{boardApproval?.minutesReference}</Fact>
          </>
        )}
      </Table.Tbody>
    </Table>
  );
}

export function ExceptionPage({ exceptionId }: { exceptionId: string }) {
  const { exception, loaded, fetching, error, refetch } = usePermittedException(exceptionId);
  if (!loaded && fetching) return <Loading label="Loading exception" />;
  if (!exception) {
    if (loaded && !error) {
      return (
        <Alert color="gray" title="No such exception" role="alert">
          The exception does not exist.{' '}
          <Anchor component={Link} to="/exceptions">
            All exceptions
          </Anchor>
        </Alert>
      );
    }
    return <ErrorAlert error={error} onRetry={refetch} />;
  }
  return <ExceptionDetail exception={exception} onReload={refetch} />;
}

function ExceptionDetail({ exception: e, onReload }: { exception: Exception; onReload: () => void }) {
  const user = useSessionUser();
  const { approve, fetching: approving } = useApproveException();
  const { revoke, fetching: revoking } = useRevokeException();
  const [messages, setMessages] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [revokeOpen, setRevokeOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const { purposes } = usePurposes(true);
  const purposeTitle = (key: string) => purposes.find((p) => p.key === key)?.titleEn ?? key;
  const isAuthor = e.authoredById === user.id;
  // What the caller may do is the API's answer (policy-core's exceptionAbilities), never derived here.
  const { edit: canEdit, approve: canApprove, revoke: canRevoke } = e.abilities;

  function report(error: Parameters<typeof fieldErrorsFromGraphQLError>[0]) {
    const summary = fieldErrorsFromGraphQLError(error);
    setConflict(summary.conflict !== null);
    const list = [...summary.messages];
    for (const [field, message] of Object.entries(summary.fieldErrors)) list.push(`${field}: ${message}`);
    if (hasErrorCode(error, 'FORBIDDEN') && list.length === 0) list.push('Your role does not permit this.');
    setMessages(list);
  }

  async function onApprove() {
    setMessages([]);
    const result = await approve(e.id, e.version);
    if (result.error) report(result.error);
  }

  async function onRevoke() {
    if (reason.trim() === '') {
      setReasonError('Say why the exception is revoked.');
      return;
    }
    const result = await revoke(e.id, reason.trim(), e.version);
    if (result.error) {
      const summary = fieldErrorsFromGraphQLError(result.error);
      const reasonMessage = summary.fieldErrors['reason'];
      if (reasonMessage) {
        setReasonError(reasonMessage);
        return;
      }
      setRevokeOpen(false);
      report(result.error);
      return;
    }
    setRevokeOpen(false);
    setReason('');
  }

  return (
    <>
      <Anchor component={Link} to="/exceptions" size="sm">
        ← Permitted exceptions
      </Anchor>
      <PageHeader
        title={e.title}
        badges={<ExceptionStatusBadge status={e.status} />}
        description={`${EXCEPTION_KIND_LABEL[e.kind]} · valid ${validityWindow(e)}`}
        actions={
          <>
            {canEdit && (
              <Button component={Link} to={`/exceptions/${encodeURIComponent(e.id)}/edit`} variant="default">
                Edit
              </Button>
            )}
            {canApprove && (
              <Button onClick={onApprove} loading={approving} color="teal">
                Approve
              </Button>
            )}
            {canRevoke && (
              <Button onClick={() => setRevokeOpen(true)} color="red" variant="light">
                Revoke
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        {conflict ? (
          <Alert color="yellow" title="Changed by someone else" role="alert">
            <Group gap="xs">
              <Text size="sm">Someone else changed this exception — reload it and try again.</Text>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setConflict(false);
                  setMessages([]);
                  onReload();
                }}
              >
                Reload
              </Button>
            </Group>
          </Alert>
        ) : (
          <MessagesAlert title="The API refused" messages={messages} />
        )}
        {canEdit && isAuthor && (
          <Alert color="blue" variant="light" title="Waiting for a second person">
            You drafted this exception: another owner or privacy officer must approve it.
          </Alert>
        )}
        {e.scope.withdrawnProviderIds.length > 0 && (
          <Alert color="orange" variant="light" title="No longer agreed by every provider" role="status">
            {e.scope.withdrawnProviderIds.length === 1
              ? 'One provider has'
              : `${e.scope.withdrawnProviderIds.length} providers have`}{' '}
            withdrawn or refused the consent this agreement cites for them since it was approved. It no longer covers
            them: decisions about them are denied and their recipient no longer sees them. The others it names are still
            covered.
          </Alert>
        )}
        {e.missingEvidence.length > 0 && (
          <Alert color="orange" variant="light" title="Evidence missing before it can be approved" role="status">
            <List size="sm">
              {e.missingEvidence.map((m) => (
                <List.Item key={`${m.field}:${m.code}`}>
                  <Text span ff="monospace" size="xs">
                    {m.field}
                  </Text>{' '}
                  — {m.message}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Card withBorder radius="md" padding="md" component="section" aria-label="Evidence">
            <Text fw={600} mb="xs">
              Evidence
            </Text>
            <EvidenceTable e={e} purposeTitle={purposeTitle} />
          </Card>
          <Card withBorder radius="md" padding="md" component="section" aria-label="Scope">
            <Text fw={600} mb="xs">
              What it covers
            </Text>
            <Table withRowBorders={false} verticalSpacing={4}>
              <Table.Tbody>
                <Fact label="Purposes">
                  {e.scope.purposeKeys.map((key) => (
                    <Text key={key} size="sm" title={key}>
                      {purposeTitle(key)}
                    </Text>
                  ))}
                </Fact>
                <Fact label="Categories">
                  <CategoryBadges categories={e.scope.categories} />
                </Fact>
                <Fact label="Providers">
                  {e.scope.allProviders
                    ? 'All providers'
                    : e.scope.providerIds.length > 0
                      ? e.scope.providerIds.map((id) => (
                          <Group key={id} gap={6}>
                            <Anchor
                              component={Link}
                              to={`/providers/${encodeURIComponent(id)}`}
                              size="sm"
                              ff="monospace"
                            >
                              {id}
                            </Anchor>
                            {e.scope.withdrawnProviderIds.includes(id) && (
                              <Badge color="orange" variant="light" size="sm">
                                Withdrew consent
                              </Badge>
                            )}
                          </Group>
                        ))
                      : 'None'}
                </Fact>
                <Fact label="Recipient">
                  {e.scope.recipient ? (
                    <Anchor component={Link} to={`/recipients/${encodeURIComponent(e.scope.recipient.id)}`}>
                      {e.scope.recipient.name}
                    </Anchor>
                  ) : (
                    'None (internal use only)'
                  )}
                </Fact>
                <Fact label="Valid from">{formatDateTime(e.validFrom)}</Fact>
                <Fact label="Valid until">{e.validUntil ? formatDateTime(e.validUntil) : 'Until revoked'}</Fact>
              </Table.Tbody>
            </Table>
          </Card>
        </SimpleGrid>
        <Card withBorder radius="md" padding="md" component="section" aria-label="History">
          <Text fw={600} mb="xs">
            Who and when
          </Text>
          <Table withRowBorders={false} verticalSpacing={4}>
            <Table.Tbody>
              <Fact label="Authored by">{`${e.authoredBy} · ${formatDateTime(e.createdAt)}`}</Fact>
              <Fact label="Approved by">
                {e.approvedBy ? `${e.approvedBy} · ${formatDateTime(e.approvedAt)}` : 'Not approved'}
              </Fact>
              {e.revokedBy && <Fact label="Revoked by">{`${e.revokedBy} · ${formatDateTime(e.revokedAt)}`}</Fact>}
              {e.revocationReason && <Fact label="Reason for revocation">{e.revocationReason}</Fact>}
              <Fact label="Version">{String(e.version)}</Fact>
            </Table.Tbody>
          </Table>
        </Card>
      </Stack>
      <Modal opened={revokeOpen} onClose={() => setRevokeOpen(false)} title="Revoke the exception">
        <Stack gap="sm">
          <Text size="sm">Revocation takes effect at once: uses and provisions under it are refused from now on.</Text>
          <Textarea
            label="Reason"
            required
            value={reason}
            onChange={(ev) => {
              setReason(ev.currentTarget.value);
              setReasonError(null);
            }}
            error={reasonError}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevokeOpen(false)}>
              Cancel
            </Button>
            <Button color="red" onClick={onRevoke} loading={revoking}>
              Revoke exception
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

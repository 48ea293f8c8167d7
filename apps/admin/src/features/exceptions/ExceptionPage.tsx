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
import type { PermittedExceptionQuery } from '@steward/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CategoryBadges } from '../../components/CategoryBadges.js';
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError, hasErrorCode } from '../../components/errors.js';
import { formatDate, formatDateTime } from '../../components/format.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useSessionUser } from '../session/session-context.js';
import { usePurposeTitle } from '../vocabulary/use-purpose-title.js';
import { ProviderRefLink } from '../names/ProviderRefLink.js';
import { EXCEPTION_KIND_LABEL, MEETING_KIND_LABEL } from './exception-labels.js';
import { ExceptionStatusBadge, validityWindow } from './ExceptionsPage.js';
import { useApproveException, usePermittedException, useRevokeException } from './use-exceptions.js';

/** The page's exception, with its scope's providers named (reference, and name for staff who may read it). */
type Exception = NonNullable<PermittedExceptionQuery['permittedException']>;

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
  const { t } = useTranslation('exceptions');
  const { law, providerAgreement, outsourcing, boardApproval } = e.evidence;
  return (
    <Table aria-label={t('evidence.label')} withRowBorders={false} verticalSpacing={4}>
      <Table.Tbody>
        {e.kind === 'LAW' && (
          <>
            <Fact label={t('evidence.statute')}>{law?.statute}</Fact>
            <Fact label={t('evidence.article')}>{law?.article}</Fact>
            <Fact label={t('evidence.requestingAuthority')}>{law?.requestingAuthority}</Fact>
            <Fact label={t('evidence.documentReference')}>{law?.documentReference}</Fact>
            <Fact label={t('evidence.issuedOn')}>{law?.issuedOn ? formatDate(law.issuedOn) : null}</Fact>
          </>
        )}
        {e.kind === 'PROVIDER_AGREEMENT' && (
          <>
            <Fact label={t('evidence.consentEvents')}>{providerAgreement?.consentEventIds?.join(', ')}</Fact>
            <Fact label={t('evidence.summary')}>{providerAgreement?.summary}</Fact>
          </>
        )}
        {e.kind === 'OUTSOURCING' && (
          <>
            <Fact label={t('evidence.contractor')}>
              {outsourcing?.recipientId ? (
                <Anchor component={Link} to={`/recipients/${encodeURIComponent(outsourcing.recipientId)}`}>
                  {e.scope.recipient?.id === outsourcing.recipientId ? e.scope.recipient.name : outsourcing.recipientId}
                </Anchor>
              ) : null}
            </Fact>
            <Fact label={t('evidence.contractReference')}>{outsourcing?.contractReference}</Fact>
            <Fact label={t('evidence.servesPurpose')}>
              {outsourcing?.servesPurposeKey ? purposeTitle(outsourcing.servesPurposeKey) : null}
            </Fact>
            <Fact label={t('evidence.categories')}>
              {outsourcing?.categories ? <CategoryBadges categories={outsourcing.categories} /> : null}
            </Fact>
            <Fact label={t('evidence.supervisionRecord')}>{outsourcing?.supervisionRecord}</Fact>
          </>
        )}
        {e.kind === 'BOARD_APPROVAL' && (
          <>
            <Fact label={t('evidence.meeting')}>
              {boardApproval?.meetingKind ? MEETING_KIND_LABEL[boardApproval.meetingKind] : null}
            </Fact>
            <Fact label={t('evidence.meetingDate')}>
              {boardApproval?.meetingDate ? formatDate(boardApproval.meetingDate) : null}
            </Fact>
            <Fact label={t('evidence.resolutionNumber')}>{boardApproval?.resolutionNumber}</Fact>
            <Fact label={t('evidence.legitimateReason')}>{boardApproval?.legitimateReason}</Fact>
            <Fact label={t('evidence.minutesReference')}>{boardApproval?.minutesReference}</Fact>
          </>
        )}
      </Table.Tbody>
    </Table>
  );
}

export function ExceptionPage({ exceptionId }: { exceptionId: string }) {
  const { t } = useTranslation('exceptions');
  const { exception, loaded, fetching, error, refetch } = usePermittedException(exceptionId);
  if (!loaded && fetching) return <Loading label={t('detail.loading')} />;
  if (!exception) {
    if (loaded && !error) {
      return (
        <Alert color="gray" title={t('detail.notFound')} role="alert">
          {t('detail.notFoundText')}{' '}
          <Anchor component={Link} to="/exceptions">
            {t('detail.all')}
          </Anchor>
        </Alert>
      );
    }
    return <ErrorAlert error={error} onRetry={refetch} />;
  }
  return <ExceptionDetail exception={exception} onReload={refetch} />;
}

function ExceptionDetail({ exception: e, onReload }: { exception: Exception; onReload: () => void }) {
  const { t } = useTranslation('exceptions');
  const user = useSessionUser();
  const { approve, fetching: approving } = useApproveException();
  const { revoke, fetching: revoking } = useRevokeException();
  const [messages, setMessages] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [revokeOpen, setRevokeOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const purposeTitle = usePurposeTitle();
  const isAuthor = e.authoredById === user.id;
  // What the caller may do is the API's answer (policy-core's exceptionAbilities), never derived here.
  const { edit: canEdit, approve: canApprove, revoke: canRevoke } = e.abilities;

  function report(error: Parameters<typeof fieldErrorsFromGraphQLError>[0]) {
    const summary = fieldErrorsFromGraphQLError(error);
    setConflict(summary.conflict !== null);
    const list = [...summary.messages];
    for (const [field, message] of Object.entries(summary.fieldErrors))
      list.push(t('detail.issue', { field, message }));
    if (hasErrorCode(error, 'FORBIDDEN') && list.length === 0) list.push(t('detail.forbidden'));
    setMessages(list);
  }

  async function onApprove() {
    setMessages([]);
    const result = await approve(e.id, e.version);
    if (result.error) report(result.error);
  }

  async function onRevoke() {
    if (reason.trim() === '') {
      setReasonError(t('revoke.reasonRequired'));
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
        {t('detail.back')}
      </Anchor>
      <PageHeader
        title={e.title}
        badges={<ExceptionStatusBadge status={e.status} />}
        description={t('detail.description', { kind: EXCEPTION_KIND_LABEL[e.kind], window: validityWindow(t, e) })}
        actions={
          <>
            {canEdit && (
              <Button component={Link} to={`/exceptions/${encodeURIComponent(e.id)}/edit`} variant="default">
                {t('common:actions.edit')}
              </Button>
            )}
            {canApprove && (
              <Button onClick={onApprove} loading={approving} color="teal">
                {t('detail.approve')}
              </Button>
            )}
            {canRevoke && (
              <Button onClick={() => setRevokeOpen(true)} color="red" variant="light">
                {t('detail.revoke')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        {conflict ? (
          <Alert color="yellow" title={t('detail.conflictTitle')} role="alert">
            <Group gap="xs">
              <Text size="sm">{t('detail.conflict')}</Text>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setConflict(false);
                  setMessages([]);
                  onReload();
                }}
              >
                {t('common:actions.reload')}
              </Button>
            </Group>
          </Alert>
        ) : (
          <MessagesAlert title={t('detail.refused')} messages={messages} />
        )}
        {canEdit && isAuthor && (
          <Alert color="blue" variant="light" title={t('detail.waitingTitle')}>
            {t('detail.waiting')}
          </Alert>
        )}
        {e.scope.withdrawnProviderIds.length > 0 && (
          <Alert color="orange" variant="light" title={t('detail.withdrawnTitle')} role="status">
            {t('detail.withdrawn', { count: e.scope.withdrawnProviderIds.length })}
          </Alert>
        )}
        {e.missingEvidence.length > 0 && (
          <Alert color="orange" variant="light" title={t('detail.missingTitle')} role="status">
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
          <Card withBorder radius="md" padding="md" component="section" aria-label={t('evidence.label')}>
            <Text fw={600} mb="xs">
              {t('detail.evidence')}
            </Text>
            <EvidenceTable e={e} purposeTitle={purposeTitle} />
          </Card>
          <Card withBorder radius="md" padding="md" component="section" aria-label={t('scope.label')}>
            <Text fw={600} mb="xs">
              {t('detail.scopeTitle')}
            </Text>
            <Table withRowBorders={false} verticalSpacing={4}>
              <Table.Tbody>
                <Fact label={t('detail.purposes')}>
                  {e.scope.purposeKeys.map((key) => (
                    <Text key={key} size="sm" title={key}>
                      {purposeTitle(key)}
                    </Text>
                  ))}
                </Fact>
                <Fact label={t('detail.categories')}>
                  <CategoryBadges categories={e.scope.categories} />
                </Fact>
                <Fact label={t('detail.providers')}>
                  {e.scope.allProviders
                    ? t('detail.allProviders')
                    : e.scope.providers.length > 0
                      ? e.scope.providers.map((provider) => (
                          <Group key={provider.id} gap={6}>
                            <ProviderRefLink provider={provider} />
                            {e.scope.withdrawnProviderIds.includes(provider.id) && (
                              <Badge color="orange" variant="light" size="sm">
                                {t('detail.withdrewConsent')}
                              </Badge>
                            )}
                          </Group>
                        ))
                      : t('detail.none')}
                </Fact>
                <Fact label={t('detail.recipient')}>
                  {e.scope.recipient ? (
                    <Anchor component={Link} to={`/recipients/${encodeURIComponent(e.scope.recipient.id)}`}>
                      {e.scope.recipient.name}
                    </Anchor>
                  ) : (
                    t('detail.internalOnly')
                  )}
                </Fact>
                <Fact label={t('detail.validFrom')}>{formatDateTime(e.validFrom)}</Fact>
                <Fact label={t('detail.validUntil')}>
                  {e.validUntil ? formatDateTime(e.validUntil) : t('detail.untilRevoked')}
                </Fact>
              </Table.Tbody>
            </Table>
          </Card>
        </SimpleGrid>
        <Card withBorder radius="md" padding="md" component="section" aria-label={t('detail.history')}>
          <Text fw={600} mb="xs">
            {t('detail.whoAndWhen')}
          </Text>
          <Table withRowBorders={false} verticalSpacing={4}>
            <Table.Tbody>
              <Fact label={t('detail.authoredBy')}>
                {t('detail.byAt', { name: e.authoredBy, at: formatDateTime(e.createdAt) })}
              </Fact>
              <Fact label={t('detail.approvedBy')}>
                {e.approvedBy
                  ? t('detail.byAt', { name: e.approvedBy, at: formatDateTime(e.approvedAt) })
                  : t('detail.notApproved')}
              </Fact>
              {e.revokedBy && (
                <Fact label={t('detail.revokedBy')}>
                  {t('detail.byAt', { name: e.revokedBy, at: formatDateTime(e.revokedAt) })}
                </Fact>
              )}
              {e.revocationReason && <Fact label={t('detail.revocationReason')}>{e.revocationReason}</Fact>}
              <Fact label={t('detail.version')}>{String(e.version)}</Fact>
            </Table.Tbody>
          </Table>
        </Card>
      </Stack>
      <Modal opened={revokeOpen} onClose={() => setRevokeOpen(false)} title={t('revoke.title')}>
        <Stack gap="sm">
          <Text size="sm">{t('revoke.effect')}</Text>
          <Textarea
            label={t('revoke.reason')}
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
              {t('common:actions.cancel')}
            </Button>
            <Button color="red" onClick={onRevoke} loading={revoking}>
              {t('revoke.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

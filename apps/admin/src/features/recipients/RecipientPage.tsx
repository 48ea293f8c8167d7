import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import type { PartnerCredentialFieldsFragment } from '@steward/schema';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable.js';
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError } from '../../components/errors.js';
import { IssuedKeyModal } from '../../components/IssuedKeyModal.js';
import { keyColumns } from '../../components/key-columns.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RECIPIENT_KIND_LABEL } from '../exceptions/exception-labels.js';
import { useCanWrite } from '../session/session-context.js';
import { useIssuePartnerKey, useRecipient, useRevokePartnerKey } from './use-recipients.js';

export function RecipientPage({ recipientId }: { recipientId: string }) {
  const { t } = useTranslation('recipients');
  const { recipient, loaded, fetching, error, refetch } = useRecipient(recipientId);
  const canWrite = useCanWrite();
  const { issueKey, fetching: issuing } = useIssuePartnerKey();
  const { revokeKey } = useRevokePartnerKey();
  const [label, setLabel] = useState('');
  const [labelError, setLabelError] = useState<string | null>(null);
  const [messages, setMessages] = useState<string[]>([]);
  // The issued key lives only in this state, and only until the modal is closed.
  const [issued, setIssued] = useState<{ key: string; label: string } | null>(null);

  if (!loaded && fetching) return <Loading label={t('recipient.loading')} />;
  if (!recipient) {
    if (loaded && !error) {
      return (
        <Alert color="gray" title={t('recipient.notFoundTitle')} role="alert">
          {t('recipient.notFound')}{' '}
          <Anchor component={Link} to="/recipients">
            {t('recipient.all')}
          </Anchor>
        </Alert>
      );
    }
    return <ErrorAlert error={error} onRetry={refetch} />;
  }

  async function issue(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessages([]);
    if (label.trim() === '') {
      setLabelError(t('keys.labelRequired'));
      return;
    }
    const result = await issueKey(recipient!.id, label.trim());
    const answer = result.data?.issuePartnerKey;
    if (answer) {
      setIssued({ key: answer.key, label: answer.credential.key.label });
      setLabel('');
      refetch();
      return;
    }
    const summary = fieldErrorsFromGraphQLError(result.error);
    if (summary.fieldErrors['label']) setLabelError(summary.fieldErrors['label']);
    setMessages(summary.messages);
  }

  async function revoke(credential: PartnerCredentialFieldsFragment) {
    setMessages([]);
    const result = await revokeKey(credential.id);
    if (result.error) setMessages(fieldErrorsFromGraphQLError(result.error).messages);
    else refetch();
  }

  return (
    <>
      <Anchor component={Link} to="/recipients" size="sm">
        {t('recipient.back')}
      </Anchor>
      <PageHeader
        title={recipient.name}
        badges={
          <Badge variant="light" color="gray" size="sm">
            {RECIPIENT_KIND_LABEL[recipient.kind]}
          </Badge>
        }
        description={[recipient.contact, recipient.notes].filter(Boolean).join(' · ') || undefined}
      />
      <Stack gap="md">
        <MessagesAlert title={t('recipient.refused')} messages={messages} />
        <Card withBorder radius="md" padding={0} component="section" aria-label={t('keys.title')}>
          <Group justify="space-between" p="md" pb="xs">
            <Text fw={600}>{t('keys.title')}</Text>
            <Text size="xs" c="dimmed">
              {t('keys.scope')}
            </Text>
          </Group>
          <DataTable
            label={t('keys.table')}
            columns={keyColumns<PartnerCredentialFieldsFragment>({
              ...(canWrite ? { onRevoke: (c) => void revoke(c) } : {}),
              revokeLabel: (c) => t('keys.revokeFor', { label: c.key.label }),
            })}
            rows={recipient.credentials}
            empty={t('keys.empty')}
            withCard={false}
            minWidth={700}
          />
          {canWrite && (
            <form onSubmit={issue} noValidate aria-label={t('keys.form')}>
              <Group p="md" align="flex-end">
                <TextInput
                  label={t('keys.label')}
                  placeholder={t('keys.labelPlaceholder')}
                  value={label}
                  onChange={(e) => {
                    setLabel(e.currentTarget.value);
                    setLabelError(null);
                  }}
                  error={labelError}
                  w={320}
                />
                <Button type="submit" loading={issuing}>
                  {t('keys.submit')}
                </Button>
              </Group>
            </form>
          )}
        </Card>
      </Stack>
      <IssuedKeyModal
        issued={issued}
        title={t('issued.title')}
        keyName={t('issued.keyName')}
        handOver={t('issued.handOver', { recipient: recipient.name })}
        onClose={() => setIssued(null)}
      />
    </>
  );
}

import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import type { PartnerCredentialFieldsFragment } from '@steward/schema';
import { useState, type FormEvent } from 'react';
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
  const { recipient, loaded, fetching, error, refetch } = useRecipient(recipientId);
  const canWrite = useCanWrite();
  const { issueKey, fetching: issuing } = useIssuePartnerKey();
  const { revokeKey } = useRevokePartnerKey();
  const [label, setLabel] = useState('');
  const [labelError, setLabelError] = useState<string | null>(null);
  const [messages, setMessages] = useState<string[]>([]);
  // The issued key lives only in this state, and only until the modal is closed.
  const [issued, setIssued] = useState<{ key: string; label: string } | null>(null);

  if (!loaded && fetching) return <Loading label="Loading recipient" />;
  if (!recipient) {
    if (loaded && !error) {
      return (
        <Alert color="gray" title="No such recipient" role="alert">
          The recipient does not exist.{' '}
          <Anchor component={Link} to="/recipients">
            All recipients
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
      setLabelError('Name the key, e.g. after the system that will use it.');
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
        ← Recipients
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
        <MessagesAlert title="The API refused" messages={messages} />
        <Card withBorder radius="md" padding={0} component="section" aria-label="Partner keys">
          <Group justify="space-between" p="md" pb="xs">
            <Text fw={600}>Partner keys</Text>
            <Text size="xs" c="dimmed">
              A partner key reaches only the providers and categories its recipient’s active exceptions cover.
            </Text>
          </Group>
          <DataTable
            label="Partner keys"
            columns={keyColumns<PartnerCredentialFieldsFragment>({
              ...(canWrite ? { onRevoke: (c) => void revoke(c) } : {}),
              revokeLabel: (c) => `Revoke key ${c.key.label}`,
            })}
            rows={recipient.credentials}
            empty="No keys issued."
            withCard={false}
            minWidth={700}
          />
          {canWrite && (
            <form onSubmit={issue} noValidate aria-label="Issue key">
              <Group p="md" align="flex-end">
                <TextInput
                  label="Key label"
                  placeholder="Courier dispatch system"
                  value={label}
                  onChange={(e) => {
                    setLabel(e.currentTarget.value);
                    setLabelError(null);
                  }}
                  error={labelError}
                  w={320}
                />
                <Button type="submit" loading={issuing}>
                  Issue key
                </Button>
              </Group>
            </form>
          )}
        </Card>
      </Stack>
      <IssuedKeyModal
        issued={issued}
        title="New partner key"
        keyName="Partner key"
        handOver={<>Copy it now and hand it to {recipient.name} over a secure channel.</>}
        onClose={() => setIssued(null)}
      />
    </>
  );
}

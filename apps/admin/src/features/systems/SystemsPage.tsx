import { Button, Grid, Stack, Text, TextInput } from '@mantine/core';
import type { SystemCredentialFieldsFragment } from '@steward/schema';
import { useState, type FormEvent } from 'react';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError, type FieldErrors } from '../../components/errors.js';
import { FormCard, useFormErrors } from '../../components/FormCard.js';
import { IssuedKeyModal } from '../../components/IssuedKeyModal.js';
import { keyColumns } from '../../components/key-columns.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useIssueSystemKey, useRevokeSystemKey, useSystemCredentials } from './use-systems.js';

type Credential = SystemCredentialFieldsFragment;

function systemKeyColumns(onRevoke: (credential: Credential) => void): DataColumn<Credential>[] {
  return [
    {
      id: 'system',
      header: 'System',
      value: (c) => c.systemName,
      bold: true,
    },
    ...keyColumns<Credential>({
      onRevoke,
      revokeLabel: (c) => `Revoke key ${c.key.label} of ${c.systemName}`,
      boldLabel: false,
    }),
  ];
}

/** The organisation's own systems (membership database, mailing tool) and their keys for the decision query. */
export function SystemsPage() {
  const { credentials, ...query } = useSystemCredentials();
  const { revokeKey, fetching: revoking } = useRevokeSystemKey();
  const [confirming, setConfirming] = useState<SystemCredentialFieldsFragment | null>(null);
  const [messages, setMessages] = useState<string[]>([]);
  // The issued key lives only in this state, and only until the modal is closed.
  const [issued, setIssued] = useState<{ key: string; label: string; systemName: string } | null>(null);

  async function revoke(credential: SystemCredentialFieldsFragment) {
    setMessages([]);
    const result = await revokeKey(credential.id);
    setConfirming(null);
    if (result.error) setMessages(fieldErrorsFromGraphQLError(result.error).messages);
    else query.refetch();
  }

  return (
    <>
      <PageHeader
        title="Internal systems"
        description="The organisation’s own systems — the membership database, the mailing tool — ask Steward for decisions with a key of their own. A system key can only ask the decision query: it reads no providers and changes nothing."
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <MessagesAlert title="The API refused" messages={messages} />
            <DataTable
              label="System keys"
              columns={systemKeyColumns(setConfirming)}
              rows={credentials}
              empty="No system keys issued."
              query={query}
              loadingLabel="Loading system keys"
              minWidth={760}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <IssueSystemKeyForm
            onIssued={(answer) => {
              setIssued(answer);
              query.refetch();
            }}
          />
        </Grid.Col>
      </Grid>
      <ConfirmModal
        opened={confirming !== null}
        title="Revoke system key"
        confirmLabel="Revoke key"
        loading={revoking}
        onConfirm={() => {
          if (confirming) void revoke(confirming);
        }}
        onCancel={() => setConfirming(null)}
      >
        {confirming && (
          <>
            Revoke the key <b>{confirming.key.label}</b> of <b>{confirming.systemName}</b>? Its requests are refused at
            once; this cannot be undone. Issue a new key first if the system should go on asking for decisions.
          </>
        )}
      </ConfirmModal>
      <IssuedKeyModal
        issued={issued}
        title="New system key"
        keyName="System key"
        handOver={
          <>
            Copy it now into {issued?.systemName ?? 'the system'}’s configuration, never into a browser or a shared
            document.
          </>
        }
        onClose={() => setIssued(null)}
      />
    </>
  );
}

const FIELDS = ['systemName', 'label'];
const isField = (f: string) => FIELDS.includes(f);

function IssueSystemKeyForm({
  onIssued,
}: {
  onIssued: (issued: { key: string; label: string; systemName: string }) => void;
}) {
  const { issueKey, fetching } = useIssueSystemKey();
  const [systemName, setSystemName] = useState('');
  const [label, setLabel] = useState('');
  const { errors, setErrors, messages, setMessages, clearField, report } = useFormErrors(isField);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessages([]);
    const missing: FieldErrors = {};
    if (systemName.trim() === '') missing['systemName'] = 'Name the system, e.g. “Membership database”.';
    if (label.trim() === '') missing['label'] = 'Name the key, e.g. after the server or job that will use it.';
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      return;
    }
    const result = await issueKey({ systemName: systemName.trim(), label: label.trim() });
    const answer = result.data?.issueSystemKey;
    if (answer) {
      onIssued({ key: answer.key, label: answer.credential.key.label, systemName: answer.credential.systemName });
      setSystemName('');
      setLabel('');
      setErrors({});
      return;
    }
    report(result.error);
  }

  return (
    <FormCard
      label="Issue system key"
      title="New system key"
      refusedTitle="The key was not issued"
      messages={messages}
      onSubmit={submit}
    >
      <TextInput
        label="System"
        placeholder="Membership database"
        required
        value={systemName}
        onChange={(e) => {
          setSystemName(e.currentTarget.value);
          clearField('systemName');
        }}
        error={errors['systemName'] || undefined}
      />
      <TextInput
        label="Key label"
        placeholder="Nightly sync on db01"
        required
        value={label}
        onChange={(e) => {
          setLabel(e.currentTarget.value);
          clearField('label');
        }}
        error={errors['label'] || undefined}
      />
      <Text size="xs" c="dimmed">
        The key is shown once. Every decision the system asks for is recorded in the ledger under this key.
      </Text>
      <Button type="submit" loading={fetching}>
        Issue key
      </Button>
    </FormCard>
  );
}

import { Button, Grid, Stack, Text, TextInput } from '@mantine/core';
import type { SystemCredentialFieldsFragment } from '@steward/schema';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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

function systemKeyColumns(t: TFunction, onRevoke: (credential: Credential) => void): DataColumn<Credential>[] {
  return [
    {
      id: 'system',
      header: t('systems:columns.system'),
      value: (c) => c.systemName,
      bold: true,
    },
    ...keyColumns<Credential>({
      onRevoke,
      revokeLabel: (c) => t('systems:revokeFor', { label: c.key.label, system: c.systemName }),
      boldLabel: false,
    }),
  ];
}

/** The organisation's own systems (membership database, mailing tool) and their keys for the decision query. */
export function SystemsPage() {
  const { t } = useTranslation('systems');
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
      <PageHeader title={t('title')} description={t('description')} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <MessagesAlert title={t('refused')} messages={messages} />
            <DataTable
              label={t('table')}
              columns={systemKeyColumns(t, setConfirming)}
              rows={credentials}
              empty={t('empty')}
              query={query}
              loadingLabel={t('loading')}
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
        title={t('revoke.title')}
        confirmLabel={t('revoke.confirm')}
        loading={revoking}
        onConfirm={() => {
          if (confirming) void revoke(confirming);
        }}
        onCancel={() => setConfirming(null)}
      >
        {confirming && (
          <Trans
            t={t}
            i18nKey="revoke.body"
            values={{ label: confirming.key.label, system: confirming.systemName }}
            components={{ b: <b /> }}
          />
        )}
      </ConfirmModal>
      <IssuedKeyModal
        issued={issued}
        title={t('issued.title')}
        keyName={t('issued.keyName')}
        handOver={t('issued.handOver', { system: issued?.systemName ?? t('issued.theSystem') })}
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
  const { t } = useTranslation('systems');
  const { issueKey, fetching } = useIssueSystemKey();
  const [systemName, setSystemName] = useState('');
  const [label, setLabel] = useState('');
  const { errors, setErrors, messages, setMessages, clearField, report } = useFormErrors(isField);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessages([]);
    const missing: FieldErrors = {};
    if (systemName.trim() === '') missing['systemName'] = t('form.systemRequired');
    if (label.trim() === '') missing['label'] = t('form.keyLabelRequired');
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
      label={t('form.label')}
      title={t('form.title')}
      refusedTitle={t('form.refused')}
      messages={messages}
      onSubmit={submit}
    >
      <TextInput
        label={t('form.system')}
        placeholder={t('form.systemPlaceholder')}
        required
        value={systemName}
        onChange={(e) => {
          setSystemName(e.currentTarget.value);
          clearField('systemName');
        }}
        error={errors['systemName'] || undefined}
      />
      <TextInput
        label={t('form.keyLabel')}
        placeholder={t('form.keyLabelPlaceholder')}
        required
        value={label}
        onChange={(e) => {
          setLabel(e.currentTarget.value);
          clearField('label');
        }}
        error={errors['label'] || undefined}
      />
      <Text size="xs" c="dimmed">
        {t('form.note')}
      </Text>
      <Button type="submit" loading={fetching}>
        {t('form.submit')}
      </Button>
    </FormCard>
  );
}

import { Anchor, Badge, Button, Grid, NativeSelect, Text, Textarea, TextInput } from '@mantine/core';
import type { RecipientFieldsFragment, RecipientKind } from '@steward/schema';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { FormCard, useFormErrors } from '../../components/FormCard.js';
import { formatDate } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ExportButton } from '../exports/ExportButton.js';
import { RECIPIENT_KINDS, RECIPIENT_KIND_LABEL } from '../exceptions/exception-labels.js';
import { useCanWrite } from '../session/session-context.js';
import { useCreateRecipient, useRecipients } from './use-recipients.js';

const columns = (t: TFunction): DataColumn<RecipientFieldsFragment>[] => [
  {
    id: 'name',
    header: t('recipients:columns.name'),
    value: (r) => r.name,
    cell: (r) => (
      <Anchor component={Link} to={`/recipients/${encodeURIComponent(r.id)}`} fw={500}>
        {r.name}
      </Anchor>
    ),
  },
  {
    id: 'kind',
    header: t('recipients:columns.kind'),
    value: (r) => RECIPIENT_KIND_LABEL[r.kind],
    cell: (r) => (
      <Badge variant="light" color="gray" size="sm">
        {RECIPIENT_KIND_LABEL[r.kind]}
      </Badge>
    ),
  },
  { id: 'contact', header: t('recipients:columns.contact'), value: (r) => r.contact ?? '—' },
  {
    id: 'activeKeys',
    header: t('recipients:columns.activeKeys'),
    value: (r) => r.credentials.filter((c) => !c.key.revoked).length,
  },
  {
    id: 'createdAt',
    header: t('recipients:columns.createdAt'),
    value: (r) => r.createdAt,
    cell: (r) => formatDate(r.createdAt),
  },
];

export function RecipientsPage() {
  const { t } = useTranslation('recipients');
  const { recipients, ...query } = useRecipients();
  const canWrite = useCanWrite();
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={<ExportButton input={{ list: 'RECIPIENTS' }} />}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: canWrite ? 8 : 12 }}>
          <DataTable
            label={t('table')}
            columns={columns(t)}
            rows={recipients}
            empty={t('empty')}
            query={query}
            loadingLabel={t('loading')}
            minWidth={600}
          />
        </Grid.Col>
        {canWrite && (
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <CreateRecipientForm onCreated={query.refetch} />
          </Grid.Col>
        )}
      </Grid>
    </>
  );
}

const FIELDS = ['name', 'kind', 'contact', 'notes'];
const isField = (f: string) => FIELDS.includes(f);

function CreateRecipientForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation('recipients');
  const { createRecipient, fetching } = useCreateRecipient();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<RecipientKind>('CONTRACTOR');
  const [contact, setContact] = useState('');
  const [notes, setNotes] = useState('');
  const { errors, setErrors, messages, setMessages, clearField, report } = useFormErrors(isField);
  const [created, setCreated] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessages([]);
    setCreated(null);
    if (name.trim() === '') {
      setErrors({ name: t('create.nameRequired') });
      return;
    }
    const result = await createRecipient({
      name: name.trim(),
      kind,
      contact: contact.trim() || null,
      notes: notes.trim() || null,
    });
    if (result.data?.createRecipient) {
      setCreated(result.data.createRecipient.name);
      setName('');
      setContact('');
      setNotes('');
      setErrors({});
      onCreated();
      return;
    }
    report(result.error);
  }

  return (
    <FormCard
      label={t('create.label')}
      title={t('create.title')}
      refusedTitle={t('create.refused')}
      messages={messages}
      onSubmit={submit}
    >
      {created && (
        <Text size="sm" c="teal" role="status">
          {t('create.created', { name: created })}
        </Text>
      )}
      <TextInput
        label={t('create.name')}
        required
        value={name}
        onChange={(e) => {
          setName(e.currentTarget.value);
          clearField('name');
        }}
        error={errors['name'] || undefined}
      />
      <NativeSelect
        label={t('create.kind')}
        value={kind}
        onChange={(e) => setKind(e.currentTarget.value as RecipientKind)}
        data={RECIPIENT_KINDS.map((k) => ({ value: k, label: RECIPIENT_KIND_LABEL[k] }))}
        error={errors['kind']}
      />
      <TextInput
        label={t('create.contact')}
        value={contact}
        onChange={(e) => setContact(e.currentTarget.value)}
        error={errors['contact']}
      />
      <Textarea
        label={t('create.notes')}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        error={errors['notes']}
        autosize
        minRows={2}
      />
      <Button type="submit" loading={fetching}>
        {t('create.submit')}
      </Button>
    </FormCard>
  );
}

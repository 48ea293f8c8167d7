import { Anchor, Badge, Button, Grid, NativeSelect, Text, Textarea, TextInput } from '@mantine/core';
import type { RecipientFieldsFragment, RecipientKind } from '@steward/schema';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { FormCard, useFormErrors } from '../../components/FormCard.js';
import { formatDate } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RECIPIENT_KINDS, RECIPIENT_KIND_LABEL } from '../exceptions/exception-labels.js';
import { useCanWrite } from '../session/session-context.js';
import { useCreateRecipient, useRecipients } from './use-recipients.js';

const COLUMNS: DataColumn<RecipientFieldsFragment>[] = [
  {
    id: 'name',
    header: 'Name',
    value: (r) => r.name,
    cell: (r) => (
      <Anchor component={Link} to={`/recipients/${encodeURIComponent(r.id)}`} fw={500}>
        {r.name}
      </Anchor>
    ),
  },
  {
    id: 'kind',
    header: 'Kind',
    value: (r) => RECIPIENT_KIND_LABEL[r.kind],
    cell: (r) => (
      <Badge variant="light" color="gray" size="sm">
        {RECIPIENT_KIND_LABEL[r.kind]}
      </Badge>
    ),
  },
  { id: 'contact', header: 'Contact', value: (r) => r.contact ?? '—' },
  { id: 'activeKeys', header: 'Active keys', value: (r) => r.credentials.filter((c) => !c.key.revoked).length },
  { id: 'createdAt', header: 'Created', value: (r) => r.createdAt, cell: (r) => formatDate(r.createdAt) },
];

export function RecipientsPage() {
  const { recipients, ...query } = useRecipients();
  const canWrite = useCanWrite();
  return (
    <>
      <PageHeader
        title="Recipients"
        description="Outside organisations that may receive personal information, and their partner keys."
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: canWrite ? 8 : 12 }}>
          <DataTable
            label="Recipients"
            columns={COLUMNS}
            rows={recipients}
            empty="No recipients yet."
            query={query}
            loadingLabel="Loading recipients"
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
      setErrors({ name: 'Enter the organisation’s name.' });
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
      label="Create recipient"
      title="New recipient"
      refusedTitle="The recipient was not created"
      messages={messages}
      onSubmit={submit}
    >
      {created && (
        <Text size="sm" c="teal" role="status">
          {created} was added.
        </Text>
      )}
      <TextInput
        label="Name"
        required
        value={name}
        onChange={(e) => {
          setName(e.currentTarget.value);
          clearField('name');
        }}
        error={errors['name'] || undefined}
      />
      <NativeSelect
        label="Kind"
        value={kind}
        onChange={(e) => setKind(e.currentTarget.value as RecipientKind)}
        data={RECIPIENT_KINDS.map((k) => ({ value: k, label: RECIPIENT_KIND_LABEL[k] }))}
        error={errors['kind']}
      />
      <TextInput
        label="Contact"
        value={contact}
        onChange={(e) => setContact(e.currentTarget.value)}
        error={errors['contact']}
      />
      <Textarea
        label="Notes"
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        error={errors['notes']}
        autosize
        minRows={2}
      />
      <Button type="submit" loading={fetching}>
        Create recipient
      </Button>
    </FormCard>
  );
}

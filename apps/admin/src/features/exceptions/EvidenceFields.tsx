import { Card, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { MEETING_KINDS } from '@steward/policy-core';
import type { DataCategory, MeetingKind, PurposeFieldsFragment, RecipientFieldsFragment } from '@steward/schema';
import { categoryLabel } from '../../components/categories.js';
import type { ExceptionFormValues } from './exception-form.js';
import { EXCEPTION_KIND_LABEL, MEETING_KIND_LABEL } from './exception-labels.js';
import type { SetExceptionField } from './use-exception-form.js';

export type FieldsProps = {
  values: ExceptionFormValues;
  set: SetExceptionField;
  err: (key: string) => string | undefined;
  purposes: readonly PurposeFieldsFragment[];
  recipients: readonly RecipientFieldsFragment[];
};

/** The evidence the kind of exception needs (clause 2): law, the providers' agreement, outsourcing or a board approval. */
export function EvidenceFields({ values, set, err, purposes, recipients }: FieldsProps) {
  const servedPurpose = purposes.find((p) => p.key === values.outsourcing.servesPurposeKey);
  const outsourcingCategories: readonly DataCategory[] = servedPurpose?.categories ?? [];
  const contractors = recipients;
  const textField = (
    part: 'law' | 'providerAgreement' | 'outsourcing' | 'boardApproval',
    field: string,
    label: string,
    multiline = false,
    description?: string,
  ) => {
    const key = `evidence.${part}.${field}`;
    const value = (values[part] as Record<string, string>)[field] ?? '';
    const props = {
      label,
      description,
      value,
      error: err(key),
      onChange: (e: { currentTarget: { value: string } }) =>
        set(part, { [field]: e.currentTarget.value } as never, [key]),
    };
    return multiline ? <Textarea key={key} {...props} autosize minRows={2} /> : <TextInput key={key} {...props} />;
  };
  const dateField = (part: 'law' | 'boardApproval', field: string, label: string) => {
    const key = `evidence.${part}.${field}`;
    return (
      <TextInput
        key={key}
        type="date"
        label={label}
        value={(values[part] as Record<string, string>)[field] ?? ''}
        error={err(key)}
        onChange={(e) => set(part, { [field]: e.currentTarget.value } as never, [key])}
      />
    );
  };

  return (
    <Card withBorder radius="md" padding="md" component="fieldset" aria-label="Evidence" m={0}>
      <Text fw={600} mb="xs">
        Evidence — {EXCEPTION_KIND_LABEL[values.kind]}
      </Text>
      {values.kind === 'LAW' && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {textField('law', 'statute', 'Statute')}
          {textField('law', 'article', 'Article')}
          {textField('law', 'requestingAuthority', 'Requesting authority')}
          {textField(
            'law',
            'documentReference',
            'Document reference',
            false,
            'The order, warrant or letter of request',
          )}
          {dateField('law', 'issuedOn', 'Issued on')}
        </SimpleGrid>
      )}
      {values.kind === 'PROVIDER_AGREEMENT' && (
        <Stack gap="sm">
          {textField(
            'providerAgreement',
            'consentEventIds',
            'Consent event ids',
            true,
            'The consent events recording the agreement, one per line',
          )}
          {textField('providerAgreement', 'summary', 'Summary', true)}
        </Stack>
      )}
      {values.kind === 'OUTSOURCING' && (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <NativeSelect
              label="Contractor"
              value={values.outsourcing.recipientId}
              onChange={(e) => {
                const id = e.currentTarget.value;
                set('outsourcing', { recipientId: id }, ['evidence.outsourcing.recipientId']);
                if (!values.scope.recipientId) set('scope', { recipientId: id }, ['scope.recipientId']);
              }}
              data={[
                { value: '', label: 'Choose a recipient…' },
                ...contractors.map((r) => ({ value: r.id, label: r.name })),
              ]}
              error={err('evidence.outsourcing.recipientId')}
            />
            {textField('outsourcing', 'contractReference', 'Contract reference')}
            <NativeSelect
              label="Served purpose"
              description="The stated purpose the contractor helps to complete"
              value={values.outsourcing.servesPurposeKey}
              onChange={(e) => {
                const key = e.currentTarget.value;
                const allowed = purposes.find((p) => p.key === key)?.categories ?? [];
                set(
                  'outsourcing',
                  {
                    servesPurposeKey: key,
                    categories: values.outsourcing.categories.filter((c) => allowed.includes(c)),
                  },
                  ['evidence.outsourcing.servesPurposeKey'],
                );
              }}
              data={[
                { value: '', label: 'Choose a purpose…' },
                ...purposes.map((p) => ({ value: p.key, label: p.titleEn })),
              ]}
              error={err('evidence.outsourcing.servesPurposeKey')}
            />
            {textField('outsourcing', 'supervisionRecord', 'Supervision record', true)}
          </SimpleGrid>
          <Checkbox.Group
            label="Categories the contractor may receive"
            description={
              servedPurpose ? `Limited to what “${servedPurpose.titleEn}” needs.` : 'Choose the served purpose first.'
            }
            value={values.outsourcing.categories}
            onChange={(v) =>
              set('outsourcing', { categories: v as DataCategory[] }, ['evidence.outsourcing.categories'])
            }
            error={err('evidence.outsourcing.categories')}
          >
            <Group gap="md" mt={6}>
              {outsourcingCategories.map((c) => (
                <Checkbox key={c} value={c} label={categoryLabel(c)} />
              ))}
            </Group>
          </Checkbox.Group>
        </Stack>
      )}
      {values.kind === 'BOARD_APPROVAL' && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <NativeSelect
            label="Meeting"
            value={values.boardApproval.meetingKind}
            onChange={(e) =>
              set('boardApproval', { meetingKind: e.currentTarget.value as MeetingKind | '' }, [
                'evidence.boardApproval.meetingKind',
              ])
            }
            data={[
              { value: '', label: 'Choose…' },
              ...MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABEL[k] })),
            ]}
            error={err('evidence.boardApproval.meetingKind')}
          />
          {dateField('boardApproval', 'meetingDate', 'Meeting date')}
          {textField('boardApproval', 'resolutionNumber', 'Resolution number')}
          {textField('boardApproval', 'minutesReference', 'Minutes reference')}
          {textField('boardApproval', 'legitimateReason', 'Legitimate reason', true)}
        </SimpleGrid>
      )}
    </Card>
  );
}

import { Card, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { MEETING_KINDS } from '@steward/policy-core';
import type { DataCategory, MeetingKind, PurposeFieldsFragment, RecipientFieldsFragment } from '@steward/schema';
import { useTranslation } from 'react-i18next';
import { categoryLabel } from '../../components/categories.js';
import type { FieldErrors } from '../../components/errors.js';
import { useLocale } from '../../i18n/locale.js';
import { purposeTitle } from '../vocabulary/localized-title.js';
import type { ExceptionFormValues } from './exception-form.js';
import { EXCEPTION_KIND_LABEL, MEETING_KIND_LABEL } from './exception-labels.js';
import type { SetExceptionField } from './use-exception-form.js';

export type FieldsProps = {
  values: ExceptionFormValues;
  set: SetExceptionField;
  /** Errors by field key (the API's issue paths without `input.`). */
  errors: FieldErrors;
  purposes: readonly PurposeFieldsFragment[];
  recipients: readonly RecipientFieldsFragment[];
};

/** The evidence the kind of exception needs (clause 2): law, the providers' agreement, outsourcing or a board approval. */
export function EvidenceFields({ values, set, errors, purposes, recipients }: FieldsProps) {
  const { t } = useTranslation('exceptions');
  const { language } = useLocale();
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
      error: errors[key],
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
        error={errors[key]}
        onChange={(e) => set(part, { [field]: e.currentTarget.value } as never, [key])}
      />
    );
  };

  // Built here rather than inline, so the JSX below holds no field keys.
  const field = {
    statute: textField('law', 'statute', t('evidence.statute')),
    article: textField('law', 'article', t('evidence.article')),
    requestingAuthority: textField('law', 'requestingAuthority', t('evidence.requestingAuthority')),
    documentReference: textField(
      'law',
      'documentReference',
      t('evidence.documentReference'),
      false,
      t('evidence.documentReferenceHelp'),
    ),
    issuedOn: dateField('law', 'issuedOn', t('evidence.issuedOn')),
    consentEventIds: textField(
      'providerAgreement',
      'consentEventIds',
      t('evidence.consentEventIds'),
      true,
      t('evidence.consentEventIdsHelp'),
    ),
    summary: textField('providerAgreement', 'summary', t('evidence.summary'), true),
    contractReference: textField('outsourcing', 'contractReference', t('evidence.contractReference')),
    supervisionRecord: textField('outsourcing', 'supervisionRecord', t('evidence.supervisionRecord'), true),
    meetingDate: dateField('boardApproval', 'meetingDate', t('evidence.meetingDate')),
    resolutionNumber: textField('boardApproval', 'resolutionNumber', t('evidence.resolutionNumber')),
    minutesReference: textField('boardApproval', 'minutesReference', t('evidence.minutesReference')),
    legitimateReason: textField('boardApproval', 'legitimateReason', t('evidence.legitimateReason'), true),
  };

  return (
    <Card withBorder radius="md" padding="md" component="fieldset" aria-label={t('evidence.label')} m={0}>
      <Text fw={600} mb="xs">
        {t('evidence.heading', { kind: EXCEPTION_KIND_LABEL[values.kind] })}
      </Text>
      {values.kind === 'LAW' && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {field.statute}
          {field.article}
          {field.requestingAuthority}
          {field.documentReference}
          {field.issuedOn}
        </SimpleGrid>
      )}
      {values.kind === 'PROVIDER_AGREEMENT' && (
        <Stack gap="sm">
          {field.consentEventIds}
          {field.summary}
        </Stack>
      )}
      {values.kind === 'OUTSOURCING' && (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <NativeSelect
              label={t('evidence.contractor')}
              value={values.outsourcing.recipientId}
              onChange={(e) => {
                const id = e.currentTarget.value;
                set('outsourcing', { recipientId: id }, ['evidence.outsourcing.recipientId']);
                if (!values.scope.recipientId) set('scope', { recipientId: id }, ['scope.recipientId']);
              }}
              data={[
                { value: '', label: t('evidence.chooseRecipient') },
                ...contractors.map((r) => ({ value: r.id, label: r.name })),
              ]}
              error={errors['evidence.outsourcing.recipientId']}
            />
            {field.contractReference}
            <NativeSelect
              label={t('evidence.servedPurpose')}
              description={t('evidence.servedPurposeHelp')}
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
                { value: '', label: t('evidence.choosePurpose') },
                ...purposes.map((p) => ({ value: p.key, label: purposeTitle(p, language) })),
              ]}
              error={errors['evidence.outsourcing.servesPurposeKey']}
            />
            {field.supervisionRecord}
          </SimpleGrid>
          <Checkbox.Group
            label={t('evidence.contractorCategories')}
            description={
              servedPurpose
                ? t('evidence.limitedTo', { purpose: purposeTitle(servedPurpose, language) })
                : t('evidence.chooseServedFirst')
            }
            value={values.outsourcing.categories}
            onChange={(v) =>
              set('outsourcing', { categories: v as DataCategory[] }, ['evidence.outsourcing.categories'])
            }
            error={errors['evidence.outsourcing.categories']}
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
            label={t('evidence.meeting')}
            value={values.boardApproval.meetingKind}
            onChange={(e) =>
              set('boardApproval', { meetingKind: e.currentTarget.value as MeetingKind | '' }, [
                'evidence.boardApproval.meetingKind',
              ])
            }
            data={[
              { value: '', label: t('evidence.choose') },
              ...MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABEL[k] })),
            ]}
            error={errors['evidence.boardApproval.meetingKind']}
          />
          {field.meetingDate}
          {field.resolutionNumber}
          {field.minutesReference}
          {field.legitimateReason}
        </SimpleGrid>
      )}
    </Card>
  );
}

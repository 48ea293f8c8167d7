import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DATA_CATEGORIES, EXCEPTION_KINDS, MEETING_KINDS } from '@steward/policy-core';
import type {
  DataCategory,
  ExceptionFieldsFragment,
  ExceptionKind,
  MeetingKind,
  PurposeFieldsFragment,
  RecipientFieldsFragment,
} from '@steward/schema';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { categoryLabel } from '../../components/categories.js';
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError, type FieldErrors } from '../../components/errors.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useRecipients } from '../recipients/use-recipients.js';
import { unstatedKeys } from '../vocabulary/purpose-keys.js';
import { usePurposes } from '../vocabulary/use-purposes.js';
import {
  buildExceptionInput,
  exceptionFormFields,
  formFromException,
  initialExceptionForm,
  toExceptionFormErrors,
  validateExceptionForm,
  type ExceptionFormValues,
} from './exception-form.js';
import { EXCEPTION_KIND_LABEL, MEETING_KIND_LABEL } from './exception-labels.js';
import { useCreateException, usePermittedException, useUpdateException } from './use-exceptions.js';

/** New exception (no id) or edit a draft (id). */
export function ExceptionFormPage({ exceptionId }: { exceptionId: string | null }) {
  const purposes = usePurposes();
  const recipients = useRecipients();
  const existing = usePermittedException(exceptionId ?? '');
  const loading =
    (purposes.fetching && purposes.purposes.length === 0) ||
    (!recipients.loaded && recipients.fetching) ||
    (exceptionId !== null && !existing.loaded && existing.fetching);

  let body;
  if (loading) body = <Loading label="Loading form" />;
  else if (purposes.error) body = <ErrorAlert error={purposes.error} onRetry={purposes.refetch} />;
  else if (recipients.error) body = <ErrorAlert error={recipients.error} onRetry={recipients.refetch} />;
  else if (exceptionId !== null && !existing.exception)
    body = <ErrorAlert error={existing.error ?? null} onRetry={existing.refetch} />;
  else if (existing.exception && existing.exception.status !== 'DRAFT') {
    body = (
      <Alert color="gray" title="Not a draft" role="alert">
        Only a draft can be edited.{' '}
        <Anchor component={Link} to={`/exceptions/${encodeURIComponent(existing.exception.id)}`}>
          Back
        </Anchor>
      </Alert>
    );
  } else {
    body = (
      <ExceptionForm
        purposes={purposes.purposes}
        recipients={recipients.recipients}
        existing={exceptionId ? existing.exception : null}
      />
    );
  }
  return (
    <>
      <PageHeader
        title={exceptionId ? 'Edit exception' : 'New exception'}
        description="A draft counts only once an owner or privacy officer other than its author approves it, with complete evidence."
      />
      {body}
    </>
  );
}

type FormProps = {
  purposes: readonly PurposeFieldsFragment[];
  recipients: readonly RecipientFieldsFragment[];
  existing: ExceptionFieldsFragment | null;
};

export function ExceptionForm({ purposes, recipients, existing }: FormProps) {
  const navigate = useNavigate();
  const { createException, fetching: creating } = useCreateException();
  const { updateException, fetching: updating } = useUpdateException();
  const [values, setValues] = useState<ExceptionFormValues>(() =>
    existing ? formFromException(existing) : initialExceptionForm(),
  );
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<{ fieldErrors: FieldErrors; messages: string[] }>({
    fieldErrors: {},
    messages: [],
  });

  const clientErrors = attempted ? validateExceptionForm(values, purposes) : {};
  const errors: FieldErrors = { ...server.fieldErrors, ...clientErrors };
  const err = (key: string) => errors[key];

  function clear(keys: string[]) {
    setServer((s) => {
      const fieldErrors = { ...s.fieldErrors };
      for (const k of keys) delete fieldErrors[k];
      return { ...s, fieldErrors };
    });
  }
  function set<K extends keyof ExceptionFormValues>(
    key: K,
    patch: Partial<ExceptionFormValues[K]> | ExceptionFormValues[K],
    errorKeys: string[],
  ) {
    setValues((v) => ({
      ...v,
      [key]:
        typeof patch === 'object' && patch !== null && !Array.isArray(patch)
          ? { ...(v[key] as object), ...patch }
          : patch,
    }));
    clear(errorKeys);
  }

  const servedPurpose = purposes.find((p) => p.key === values.outsourcing.servesPurposeKey);
  // The scope's purposes: stated ones by checkbox, any other by its key (an exception may name a
  // purpose outside the stated ones); both end up in scope.purposeKeys.
  const otherPurposeKeys = unstatedKeys(values.scope.purposeKeys, purposes);
  const statedPurposeKeys = values.scope.purposeKeys.filter((k) => !otherPurposeKeys.includes(k));
  const outsourcingCategories: readonly DataCategory[] = servedPurpose?.categories ?? [];
  const contractors = recipients;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    setServer({ fieldErrors: {}, messages: [] });
    if (Object.keys(validateExceptionForm(values, purposes)).length > 0) return;
    const input = buildExceptionInput(values);
    const result = existing
      ? await updateException({ ...input, id: existing.id, expectedVersion: existing.version })
      : await createException(input);
    const saved =
      result.data && ('createException' in result.data ? result.data.createException : result.data.updateException);
    if (saved) {
      void navigate(`/exceptions/${encodeURIComponent(saved.id)}`);
      return;
    }
    const summary = fieldErrorsFromGraphQLError(result.error);
    const fieldErrors = toExceptionFormErrors(summary.fieldErrors);
    const shown = new Set(exceptionFormFields(values.kind));
    const messages = [...summary.messages];
    if (summary.conflict) messages.unshift('Changed by someone else — reload and try again.');
    for (const [key, message] of Object.entries(fieldErrors)) if (!shown.has(key)) messages.push(`${key}: ${message}`);
    setServer({ fieldErrors, messages });
  }

  const fieldCount = Object.keys(errors).filter((k) => exceptionFormFields(values.kind).includes(k)).length;
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
    <form onSubmit={submit} noValidate aria-label="Exception">
      <Stack gap="md">
        {fieldCount > 0 && (
          <Alert color="red" variant="light" title="The exception was not saved" role="alert">
            Correct the {fieldCount === 1 ? 'field' : `${fieldCount} fields`} marked below.
          </Alert>
        )}
        <MessagesAlert title="The API refused the exception" messages={server.messages} />

        <Card withBorder radius="md" padding="md">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <NativeSelect
              label="Kind"
              required
              value={values.kind}
              disabled={existing !== null}
              onChange={(e) => set('kind', e.currentTarget.value as ExceptionKind, ['kind'])}
              data={EXCEPTION_KINDS.map((k) => ({ value: k, label: EXCEPTION_KIND_LABEL[k] }))}
              error={err('kind')}
            />
            <TextInput
              label="Title"
              required
              placeholder="Journal delivery by courier"
              value={values.title}
              onChange={(e) => set('title', e.currentTarget.value, ['title'])}
              error={err('title')}
            />
          </SimpleGrid>
        </Card>

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
                  servedPurpose
                    ? `Limited to what “${servedPurpose.titleEn}” needs.`
                    : 'Choose the served purpose first.'
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

        <Card withBorder radius="md" padding="md" component="fieldset" aria-label="Scope" m={0}>
          <Text fw={600} mb="xs">
            Scope — what it permits
          </Text>
          <Stack gap="sm">
            <Checkbox.Group
              label="Purposes"
              value={statedPurposeKeys}
              onChange={(v) => set('scope', { purposeKeys: [...v, ...otherPurposeKeys] }, ['scope.purposeKeys'])}
              error={err('scope.purposeKeys')}
            >
              <Group gap="md" mt={6}>
                {purposes.map((p) => (
                  <Checkbox key={p.key} value={p.key} label={p.titleEn} />
                ))}
              </Group>
            </Checkbox.Group>
            <TagsInput
              label="Purposes outside the stated ones"
              description="Keys such as TAX_INQUIRY_2026, for a use the law, the providers' agreement or a board approval allows (not for outsourcing). Press Enter after each."
              value={otherPurposeKeys}
              onChange={(keys) =>
                set('scope', { purposeKeys: [...statedPurposeKeys, ...keys.map((k) => k.trim()).filter(Boolean)] }, [
                  'scope.purposeKeys',
                  'scope.otherPurposeKeys',
                ])
              }
              error={err('scope.otherPurposeKeys')}
              clearable
            />
            <Checkbox.Group
              label="Categories"
              value={values.scope.categories}
              onChange={(v) => set('scope', { categories: v as DataCategory[] }, ['scope.categories'])}
              error={err('scope.categories')}
            >
              <Group gap="md" mt={6}>
                {DATA_CATEGORIES.map((c) => (
                  <Checkbox key={c} value={c} label={categoryLabel(c)} />
                ))}
              </Group>
            </Checkbox.Group>
            <Switch
              label="All providers"
              checked={values.scope.allProviders}
              onChange={(e) =>
                set('scope', { allProviders: e.currentTarget.checked }, ['scope.allProviders', 'scope.providerIds'])
              }
              error={err('scope.allProviders')}
            />
            {!values.scope.allProviders && (
              <Textarea
                label="Provider ids"
                description="One per line"
                value={values.scope.providerIds}
                onChange={(e) => set('scope', { providerIds: e.currentTarget.value }, ['scope.providerIds'])}
                error={err('scope.providerIds')}
                autosize
                minRows={2}
              />
            )}
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
              <NativeSelect
                label="Recipient"
                description="Who may receive the data; none means internal use only"
                value={values.scope.recipientId}
                onChange={(e) => set('scope', { recipientId: e.currentTarget.value }, ['scope.recipientId'])}
                data={[
                  { value: '', label: 'None (internal use)' },
                  ...recipients.map((r) => ({ value: r.id, label: r.name })),
                ]}
                error={err('scope.recipientId')}
              />
              <TextInput
                type="date"
                label="Valid from"
                description="Empty: from now"
                value={values.validFrom}
                onChange={(e) => set('validFrom', e.currentTarget.value, ['validFrom'])}
                error={err('validFrom')}
              />
              <TextInput
                type="date"
                label="Valid until"
                description="Empty: until revoked"
                value={values.validUntil}
                onChange={(e) => set('validUntil', e.currentTarget.value, ['validUntil'])}
                error={err('validUntil')}
              />
            </SimpleGrid>
          </Stack>
        </Card>

        <Group justify="flex-end">
          <Button
            component={Link}
            to={existing ? `/exceptions/${encodeURIComponent(existing.id)}` : '/exceptions'}
            variant="default"
          >
            Cancel
          </Button>
          <Button type="submit" loading={creating || updating}>
            {existing ? 'Save draft' : 'Create draft'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

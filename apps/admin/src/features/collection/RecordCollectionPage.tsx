import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  CloseButton,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import {
  COLLECTION_CHANNELS,
  CONSENT_METHODS,
  DATA_CATEGORY_INFO,
  FIELD_LIMITS,
  PROVIDER_KINDS,
  validateDataItemValue,
} from '@steward/policy-core';
import type {
  CollectionChannel,
  CollectionFormOptionsQuery,
  ConsentMethod,
  DataCategory,
  ProviderKind,
} from '@steward/schema';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { CategoryBadges } from '../../components/CategoryBadges.js';
import { categoryLabel } from '../../components/categories.js';
import { ConflictAlert } from '../../components/ConflictAlert.js';
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError, hasErrorCode, type FieldErrors } from '../../components/errors.js';
import { formatDate } from '../../components/format.js';
import { CHANNEL_LABEL, CONSENT_METHOD_LABEL, PROVIDER_KIND_LABEL } from '../../components/labels.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import {
  buildCollectionInput,
  emptyItemRow,
  initialCollectionForm,
  isCollectionFormField,
  isMultilineCategory,
  offeredCategories,
  toFormErrors,
  validateCollectionForm,
  type CollectionContext,
  type CollectionFormValues,
  type CollectionTarget,
  type ItemRow,
} from './collection-form.js';
import { useCollectionOptions } from './use-collection-options.js';
import { useRecordCollection } from './use-record-collection.js';
import { useTargetProvider } from './use-target-provider.js';

type Policy = CollectionFormOptionsQuery['currentPolicy'];
type Purpose = CollectionFormOptionsQuery['purposes'][number];
type ProviderSummary = {
  id: string;
  reference: string;
  displayName: string | null;
  kind: ProviderKind;
  version: number;
};

/** Route entry: loads the options (and the existing provider, if any), then shows the form. */
export function RecordCollectionPage({ providerId }: { providerId: string | null }) {
  const options = useCollectionOptions();
  const target = useTargetProvider(providerId);

  let body;
  if (options.fetching && !options.currentPolicy) body = <Loading label="Loading form" />;
  else if (!options.currentPolicy) body = <ErrorAlert error={options.error} onRetry={options.reload} />;
  else if (providerId && !target.provider) {
    body = target.fetching ? (
      <Loading label="Loading provider" />
    ) : hasErrorCode(target.error, 'NOT_FOUND') ? (
      <Alert color="gray" title="No such provider" role="alert">
        The provider does not exist.{' '}
        <Anchor component={Link} to="/collections/new">
          Record for a new provider
        </Anchor>
      </Alert>
    ) : (
      <ErrorAlert error={target.error} onRetry={target.reload} />
    );
  } else {
    body = (
      <CollectionForm
        policy={options.currentPolicy}
        purposes={options.purposes}
        provider={target.provider}
        onReloadProvider={target.reload}
        onReloadPolicy={options.reload}
      />
    );
  }

  return (
    <>
      <PageHeader
        title="Record a collection"
        description="One act of collecting personal information: the purposes specified to the provider, the consent obtained, and what was given."
      />
      {body}
    </>
  );
}

type FormProps = {
  policy: Policy;
  purposes: readonly Purpose[];
  provider: ProviderSummary | null;
  onReloadProvider: () => void;
  onReloadPolicy: () => void;
};

type ServerState = { fieldErrors: FieldErrors; messages: string[]; conflict: boolean };
const NO_SERVER_ERRORS: ServerState = { fieldErrors: {}, messages: [], conflict: false };

export function CollectionForm({ policy, purposes, provider, onReloadProvider, onReloadPolicy }: FormProps) {
  const navigate = useNavigate();
  const { recordCollection, fetching } = useRecordCollection();
  const nextItemId = useRef(2);
  const [values, setValues] = useState<CollectionFormValues>(() => initialCollectionForm('item-1'));
  // The version shown is pinned when the form opens; "Reload current policy" follows the API again.
  const [pinnedPolicyVersion, setPinnedPolicyVersion] = useState<number | null>(policy.number);
  const policyVersionShown = pinnedPolicyVersion ?? policy.number;
  const [attempted, setAttempted] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [server, setServer] = useState<ServerState>(NO_SERVER_ERRORS);

  const target: CollectionTarget = provider
    ? { type: 'existing', providerId: provider.id, providerKind: provider.kind, providerVersion: provider.version }
    : { type: 'new' };
  const ctx: CollectionContext = {
    target,
    purposes,
    policyVersionShown,
    currentPolicyVersion: policy.number,
  };
  const offered = offeredCategories(values, purposes);
  const clientErrors = attempted ? validateCollectionForm(values, ctx) : {};
  const errors: FieldErrors = { ...server.fieldErrors, ...clientErrors };

  // Before the first submit, a value is checked once the admin leaves its field.
  const itemValueError = (row: ItemRow, index: number): string | undefined => {
    const key = `items[${index}].value`;
    if (errors[key]) return errors[key];
    if (!touched.has(row.id) || !row.category || row.value.trim() === '') return undefined;
    return validateDataItemValue(row.category, row.value.trim(), key)?.message;
  };

  function change(patch: Partial<CollectionFormValues>, clearKeys: readonly string[] = []) {
    setValues((v) => ({ ...v, ...patch }));
    if (clearKeys.length > 0) {
      setServer((s) => {
        const fieldErrors = { ...s.fieldErrors };
        for (const key of clearKeys) delete fieldErrors[key];
        return { ...s, fieldErrors };
      });
    }
  }

  function setPurpose(key: string, patch: Partial<{ selected: boolean; granted: boolean | null }>) {
    const current = values.purposes[key] ?? { selected: false, granted: null };
    change({ purposes: { ...values.purposes, [key]: { ...current, ...patch } } }, [`purpose:${key}`, 'purposes']);
  }

  function setItem(index: number, patch: Partial<ItemRow>) {
    const items = values.items.map((row, i) => (i === index ? { ...row, ...patch } : row));
    change(
      { items },
      Object.keys(patch).map((field) => `items[${index}].${field}`),
    );
  }

  function addItem() {
    const id = `item-${nextItemId.current++}`;
    const unused = offered.find((c) => !values.items.some((row) => row.category === c)) ?? '';
    change({ items: [...values.items, emptyItemRow(id, unused)] }, ['items']);
  }

  function removeItem(index: number) {
    setValues((v) => ({ ...v, items: v.items.filter((_, i) => i !== index) }));
    // Indices shift: server errors about items no longer point at the right rows.
    setServer((s) => ({
      ...s,
      fieldErrors: Object.fromEntries(Object.entries(s.fieldErrors).filter(([k]) => !k.startsWith('items'))),
    }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    setServer(NO_SERVER_ERRORS);
    const found = validateCollectionForm(values, ctx);
    if (Object.keys(found).length > 0) return;
    const { input, purposeKeys } = buildCollectionInput(values, ctx);
    const result = await recordCollection(input);
    const recorded = result.data?.recordCollection;
    if (recorded) {
      void navigate(
        `/providers/${encodeURIComponent(recorded.provider.id)}?recorded=${encodeURIComponent(recorded.collection.id)}`,
      );
      return;
    }
    const summary = fieldErrorsFromGraphQLError(result.error);
    const fieldErrors = toFormErrors(summary.fieldErrors, purposeKeys);
    const messages = [...summary.messages];
    for (const [key, message] of Object.entries(fieldErrors)) {
      if (!isCollectionFormField(key)) messages.push(message);
    }
    setServer({ fieldErrors, messages, conflict: summary.conflict !== null });
  }

  const errorCount = Object.keys(errors).filter(isCollectionFormField).length;

  return (
    <form onSubmit={submit} noValidate aria-label="Record collection">
      <Stack gap="md">
        {errorCount > 0 && (
          <Alert color="red" variant="light" title="The collection was not recorded" role="alert">
            Correct the {errorCount === 1 ? 'field' : `${errorCount} fields`} marked below.
          </Alert>
        )}
        {server.conflict && (
          <ConflictAlert
            onReload={() => {
              onReloadProvider();
              setServer(NO_SERVER_ERRORS);
            }}
          />
        )}
        {!server.conflict && <MessagesAlert title="The API refused the collection" messages={server.messages} />}

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Card withBorder radius="md" padding="md" component="fieldset" aria-label="Provider" m={0}>
            <Text fw={600} mb="xs">
              Provider
            </Text>
            {provider ? (
              <Stack gap={4}>
                <Group gap="xs">
                  <Text ff="monospace" fw={600}>
                    {provider.reference}
                  </Text>
                  <Badge variant="light" color="gray" size="sm">
                    {PROVIDER_KIND_LABEL[provider.kind]}
                  </Badge>
                  <Badge variant="outline" color="gray" size="sm">
                    v{provider.version}
                  </Badge>
                </Group>
                <Text size="sm">{provider.displayName ?? 'No name on file'}</Text>
                <Anchor component={Link} to="/collections/new" size="xs">
                  Record for a new provider instead
                </Anchor>
              </Stack>
            ) : (
              <Stack gap="sm">
                <NativeSelect
                  label="Provider kind"
                  required
                  value={values.providerKind}
                  onChange={(e) =>
                    change({ providerKind: e.currentTarget.value as ProviderKind | '' }, ['providerKind'])
                  }
                  data={[
                    { value: '', label: 'Choose…', disabled: true },
                    ...PROVIDER_KINDS.map((k) => ({ value: k, label: PROVIDER_KIND_LABEL[k] })),
                  ]}
                  error={errors['providerKind']}
                />
                <TextInput
                  label="Reference"
                  description="The society's identifier (e.g. membership number); generated when left empty"
                  value={values.reference}
                  maxLength={FIELD_LIMITS.reference}
                  onChange={(e) => change({ reference: e.currentTarget.value }, ['reference'])}
                  error={errors['reference']}
                />
              </Stack>
            )}
          </Card>

          <Card withBorder radius="md" padding="md" component="fieldset" aria-label="How it was collected" m={0}>
            <Text fw={600} mb="xs">
              How it was collected
            </Text>
            <Stack gap="sm">
              <Group grow align="flex-start">
                <NativeSelect
                  label="Channel"
                  required
                  value={values.channel}
                  onChange={(e) => change({ channel: e.currentTarget.value as CollectionChannel | '' }, ['channel'])}
                  data={[
                    { value: '', label: 'Choose…', disabled: true },
                    ...COLLECTION_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABEL[c] })),
                  ]}
                  error={errors['channel']}
                />
                <NativeSelect
                  label="Consent method"
                  required
                  value={values.consentMethod}
                  onChange={(e) =>
                    change({ consentMethod: e.currentTarget.value as ConsentMethod | '' }, ['consentMethod'])
                  }
                  data={[
                    { value: '', label: 'Choose…', disabled: true },
                    ...CONSENT_METHODS.map((m) => ({ value: m, label: CONSENT_METHOD_LABEL[m] })),
                  ]}
                  error={errors['consentMethod']}
                />
              </Group>
              <TextInput
                label="Policy version shown"
                readOnly
                variant="filled"
                value={`Version ${policyVersionShown}`}
                description={`The privacy policy the provider was shown. Current: version ${policy.number}, published ${formatDate(policy.publishedAt)}.`}
                error={errors['policyVersionShown']}
                rightSectionWidth={errors['policyVersionShown'] ? 150 : undefined}
                rightSection={
                  errors['policyVersionShown'] ? (
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={() => {
                        onReloadPolicy();
                        setPinnedPolicyVersion(null);
                        change({}, ['policyVersionShown']);
                      }}
                    >
                      Reload current policy
                    </Button>
                  ) : undefined
                }
              />
              <TextInput
                label="Source"
                description="Optional: where it came from, e.g. the registration desk of the spring meeting"
                value={values.source}
                maxLength={FIELD_LIMITS.source}
                onChange={(e) => change({ source: e.currentTarget.value }, ['source'])}
                error={errors['source']}
              />
            </Stack>
          </Card>
        </SimpleGrid>

        <Card withBorder radius="md" padding="md" component="fieldset" aria-label="Purposes of use" m={0}>
          <Group justify="space-between" mb={4}>
            <Text fw={600}>Purposes specified to the provider</Text>
            <Text size="xs" c="dimmed">
              Tick each purpose the provider was told about, then record their answer.
            </Text>
          </Group>
          {errors['purposes'] && (
            <Text c="red" size="sm" role="alert" mb="xs" id="purposes-error">
              {errors['purposes']}
            </Text>
          )}
          <Stack gap={0}>
            {purposes.map((purpose, index) => {
              const choice = values.purposes[purpose.key] ?? { selected: false, granted: null };
              const error = errors[`purpose:${purpose.key}`];
              return (
                <Group
                  key={purpose.key}
                  justify="space-between"
                  align="flex-start"
                  wrap="nowrap"
                  py={8}
                  style={index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}
                >
                  <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                    <Checkbox
                      label={purpose.titleEn}
                      description={purpose.titleJa}
                      checked={choice.selected}
                      onChange={(e) => setPurpose(purpose.key, { selected: e.currentTarget.checked })}
                    />
                    <div style={{ paddingInlineStart: 32 }}>
                      <CategoryBadges categories={purpose.categories} />
                    </div>
                  </Stack>
                  <Radio.Group
                    name={`consent-${purpose.key}`}
                    label={<VisuallyHidden>Consent to {purpose.titleEn}</VisuallyHidden>}
                    value={choice.granted === null ? null : choice.granted ? 'granted' : 'refused'}
                    onChange={(v) => setPurpose(purpose.key, { granted: v === 'granted' })}
                    error={error}
                    w={220}
                  >
                    <Group gap="md" mt={2}>
                      <Radio value="granted" label="Granted" disabled={!choice.selected} color="teal" />
                      <Radio value="refused" label="Refused" disabled={!choice.selected} color="red" />
                    </Group>
                  </Radio.Group>
                </Group>
              );
            })}
          </Stack>
        </Card>

        <Card withBorder radius="md" padding="md" component="fieldset" aria-label="Personal data" m={0}>
          <Group justify="space-between" mb={4}>
            <Text fw={600}>Personal data</Text>
            <Text size="xs" c="dimmed">
              {offered.length > 0
                ? `The chosen purposes need: ${offered.map(categoryLabel).join(', ')}.`
                : 'Choose the purposes first: only the categories they need can be collected.'}
            </Text>
          </Group>
          {errors['items'] && (
            <Text c="red" size="sm" role="alert" mb="xs">
              {errors['items']}
            </Text>
          )}
          <Stack gap="xs">
            {values.items.map((row, index) => (
              <ItemRowFields
                key={row.id}
                row={row}
                index={index}
                offered={offered}
                errors={errors}
                valueError={itemValueError(row, index)}
                onChange={(patch) => setItem(index, patch)}
                onBlurValue={() => setTouched((t) => new Set(t).add(row.id))}
                onRemove={() => removeItem(index)}
              />
            ))}
          </Stack>
          <Group mt="sm">
            <Button variant="light" size="xs" onClick={addItem} disabled={offered.length === 0}>
              Add data item
            </Button>
          </Group>
        </Card>

        <Card withBorder radius="md" padding="md" m={0}>
          <Textarea
            label="Note"
            description="Optional: anything a colleague should know about this collection"
            value={values.note}
            maxLength={FIELD_LIMITS.note}
            onChange={(e) => change({ note: e.currentTarget.value }, ['note'])}
            error={errors['note']}
            autosize
            minRows={2}
          />
        </Card>

        <Group justify="flex-end">
          <Button
            component={Link}
            to={provider ? `/providers/${encodeURIComponent(provider.id)}` : '/providers'}
            variant="default"
          >
            Cancel
          </Button>
          <Button type="submit" loading={fetching}>
            Record collection
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type ItemRowProps = {
  row: ItemRow;
  index: number;
  offered: readonly DataCategory[];
  errors: FieldErrors;
  valueError: string | undefined;
  onChange: (patch: Partial<ItemRow>) => void;
  onBlurValue: () => void;
  onRemove: () => void;
};

const VALUE_PLACEHOLDER: Partial<Record<DataCategory, string>> = {
  EMAIL: 'name@example.jp',
  TELEPHONE: '+81-3-5226-5191',
  FAX: '+81-3-5226-5192',
  POSTAL_CODE: '102-0073',
};

function ItemRowFields({ row, index, offered, errors, valueError, onChange, onBlurValue, onRemove }: ItemRowProps) {
  const n = index + 1;
  const at = `items[${index}]`;
  const categories: { value: string; label: string; disabled?: boolean }[] = [
    { value: '', label: 'Category…', disabled: true },
    ...offered.map((c) => ({ value: c, label: categoryLabel(c) })),
  ];
  if (row.category && !offered.includes(row.category)) {
    categories.push({ value: row.category, label: `${categoryLabel(row.category)} (not needed)` });
  }
  const multiline = isMultilineCategory(row.category);
  const valueProps = {
    'aria-label': `Item ${n} value`,
    placeholder: row.category ? (VALUE_PLACEHOLDER[row.category] ?? categoryLabel(row.category)) : 'Value',
    value: row.value,
    maxLength: row.category ? DATA_CATEGORY_INFO[row.category].maxLength : undefined,
    onBlur: onBlurValue,
    error: valueError,
  };
  return (
    <Group align="flex-start" gap="xs" wrap="nowrap" role="group" aria-label={`Item ${n}`}>
      <NativeSelect
        aria-label={`Item ${n} category`}
        value={row.category}
        onChange={(e) => onChange({ category: e.currentTarget.value as DataCategory | '' })}
        data={categories}
        error={errors[`${at}.category`]}
        w={200}
      />
      <div style={{ flex: 1, minWidth: 0 }}>
        {multiline ? (
          <Textarea {...valueProps} autosize minRows={2} onChange={(e) => onChange({ value: e.currentTarget.value })} />
        ) : (
          <TextInput {...valueProps} onChange={(e) => onChange({ value: e.currentTarget.value })} />
        )}
      </div>
      <Stack gap={4} w={row.publiclyAvailable ? 260 : 120} pt={8}>
        <Checkbox
          label="Public"
          aria-label={`Item ${n} publicly available`}
          checked={row.publiclyAvailable}
          onChange={(e) => onChange({ publiclyAvailable: e.currentTarget.checked })}
          error={errors[`${at}.publiclyAvailable`]}
          size="xs"
        />
        {row.publiclyAvailable && (
          <TextInput
            aria-label={`Item ${n} provenance`}
            placeholder="Where the provider made it public"
            size="xs"
            value={row.publicProvenance}
            maxLength={FIELD_LIMITS.provenance}
            onChange={(e) => onChange({ publicProvenance: e.currentTarget.value })}
            error={errors[`${at}.publicProvenance`]}
          />
        )}
      </Stack>
      <CloseButton aria-label={`Remove item ${n}`} onClick={onRemove} mt={6} />
    </Group>
  );
}

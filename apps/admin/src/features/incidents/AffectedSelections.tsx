import {
  Button,
  Card,
  CloseButton,
  FileButton,
  Group,
  NativeSelect,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { DATA_CATEGORIES, INCIDENT_AFFECTED_SELECTORS } from '@steward/policy-core';
import type { IncidentAffectedSelector } from '@steward/schema';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../components/format.js';
import { DATA_CATEGORY_LABEL, optionsOf } from '../../components/labels.js';
import { ProviderMultiPicker } from '../../components/pickers/ProviderMultiPicker.js';
import { RecipientPicker } from '../../components/pickers/RecipientPicker.js';
import { ProviderRefLink } from '../names/ProviderRefLink.js';
import { INCIDENT_SELECTOR_LABEL } from './incident-labels.js';
import { emptySelection, parseReferences, selectionInput, type SelectionForm } from './incident-form.js';
import { useAffectedPreview, useProviderExports } from './use-incidents.js';

const SELECTOR_OPTIONS = optionsOf(INCIDENT_AFFECTED_SELECTORS, INCIDENT_SELECTOR_LABEL);
const CATEGORY_OPTIONS = optionsOf(DATA_CATEGORIES, DATA_CATEGORY_LABEL);
const SELECTION_FIELDS = ['providerIds', 'references', 'category', 'recipientId', 'from', 'to', 'exportJobId'] as const;

/** How many providers a selection holds, with the first of them, asked of the API as it is filled in. */
function SelectionPreview({ selection }: { selection: SelectionForm }) {
  const { t } = useTranslation('incidents');
  const { preview } = useAffectedPreview(selectionInput(selection));
  if (!preview) return null;
  return (
    <Stack gap={4} aria-live="polite">
      <Text size="sm" fw={500}>
        {t('form.affected.preview', { count: preview.count, formatted: formatNumber(preview.count) })}
      </Text>
      {preview.sample.length > 0 && (
        <Group gap="xs">
          {preview.sample.map((p) => (
            <ProviderRefLink key={p.id} provider={p} size="xs" />
          ))}
        </Group>
      )}
    </Stack>
  );
}

function ExportSelect({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('incidents');
  const exports = useProviderExports();
  return (
    <Select
      label={t('form.affected.export')}
      description={t('form.affected.exportHelp')}
      placeholder={exports.length === 0 ? t('form.affected.noExports') : undefined}
      data={exports.map((job) => ({
        value: job.id,
        label: t('form.affected.exportOption', {
          at: formatDateTime(job.finishedAt ?? job.createdAt),
          by: job.startedBy ?? '—',
        }),
      }))}
      value={value}
      onChange={onChange}
      error={error}
      clearable
    />
  );
}

/** One selection's fields: those its way of choosing needs. */
function SelectionFields({
  selection,
  onChange,
  errors,
}: {
  selection: SelectionForm;
  onChange: (s: SelectionForm) => void;
  errors: Partial<Record<keyof SelectionForm, string>>;
}) {
  const { t } = useTranslation('incidents');
  const set = <K extends keyof SelectionForm>(key: K, value: SelectionForm[K]) =>
    onChange({ ...selection, [key]: value });
  switch (selection.selector) {
    case 'PICKED':
      return (
        <ProviderMultiPicker
          label={t('form.affected.providers')}
          value={selection.providerIds}
          onChange={(ids) => set('providerIds', ids)}
          error={errors.providerIds}
        />
      );
    case 'REFERENCES':
      return (
        <Stack gap={4}>
          <Textarea
            label={t('form.affected.references')}
            description={t('form.affected.referencesHelp', { count: parseReferences(selection.references).length })}
            autosize
            minRows={3}
            maxRows={10}
            value={selection.references}
            onChange={(e) => set('references', e.currentTarget.value)}
            error={errors.references}
          />
          <FileButton
            accept=".csv,.txt,text/csv,text/plain"
            onChange={(file) => void file?.text().then((text) => set('references', text))}
          >
            {(props) => (
              <Button {...props} variant="default" size="xs" w="fit-content">
                {t('form.affected.referencesFile')}
              </Button>
            )}
          </FileButton>
        </Stack>
      );
    case 'HOLDS_CATEGORY':
      return (
        <NativeSelect
          label={t('form.affected.category')}
          value={selection.category ?? ''}
          onChange={(e) => set('category', (e.currentTarget.value || null) as SelectionForm['category'])}
          data={[{ value: '', label: t('form.affected.chooseCategory') }, ...CATEGORY_OPTIONS]}
          error={errors.category}
        />
      );
    case 'PROVIDED_TO_RECIPIENT':
      return (
        <Group grow align="flex-start">
          <RecipientPicker
            label={t('form.affected.recipient')}
            value={selection.recipientId}
            onChange={(id) => set('recipientId', id)}
            error={errors.recipientId}
          />
          <TextInput
            type="date"
            label={t('form.affected.from')}
            value={selection.from}
            onChange={(e) => set('from', e.currentTarget.value)}
            error={errors.from}
          />
          <TextInput
            type="date"
            label={t('form.affected.to')}
            value={selection.to}
            onChange={(e) => set('to', e.currentTarget.value)}
            error={errors.to}
          />
        </Group>
      );
    case 'IN_EXPORT':
      return (
        <ExportSelect
          value={selection.exportJobId}
          onChange={(id) => set('exportJobId', id)}
          error={errors.exportJobId}
        />
      );
  }
}

/**
 * The affected providers, chosen in the fixed ways (never a free query): each selection shows how
 * many providers it holds before anything is stored; the API combines them.
 */
export function AffectedSelections({
  selections,
  onChange,
  fieldError,
  prefix = 'affected',
}: {
  selections: SelectionForm[];
  onChange: (selections: SelectionForm[]) => void;
  /** The server's message for a field path (`affected[0].references`). */
  fieldError: (path: string) => string | undefined;
  /** The input's field name (`affected` on record and edit, `add` when changing the affected providers). */
  prefix?: string;
}) {
  const { t } = useTranslation('incidents');
  // The server's messages for one selection's fields (`affected[0].references`), or for the selection as a whole.
  const selectionErrors = (index: number): Partial<Record<keyof SelectionForm, string>> => {
    const whole = fieldError(`${prefix}[${index}]`);
    return Object.fromEntries(
      SELECTION_FIELDS.map((field) => [field, fieldError(`${prefix}[${index}].${field}`) ?? whole]),
    );
  };
  const replace = (index: number, s: SelectionForm) => onChange(selections.map((x, i) => (i === index ? s : x)));
  return (
    <Stack gap="sm">
      {selections.map((selection, index) => (
        <Card
          key={index}
          withBorder
          padding="sm"
          component="fieldset"
          aria-label={t('form.affected.selection', { n: index + 1 })}
        >
          <Stack gap="xs">
            <Group justify="space-between" align="flex-end">
              <NativeSelect
                label={t('form.affected.selector')}
                value={selection.selector}
                onChange={(e) => replace(index, emptySelection(e.currentTarget.value as IncidentAffectedSelector))}
                data={SELECTOR_OPTIONS}
                w={340}
              />
              <CloseButton
                aria-label={t('form.affected.remove', { n: index + 1 })}
                onClick={() => onChange(selections.filter((_, i) => i !== index))}
              />
            </Group>
            <SelectionFields
              selection={selection}
              onChange={(s) => replace(index, s)}
              errors={selectionErrors(index)}
            />
            <SelectionPreview selection={selection} />
          </Stack>
        </Card>
      ))}
      <Button
        variant="default"
        size="xs"
        w="fit-content"
        onClick={() => onChange([...selections, emptySelection('PICKED')])}
      >
        {t('form.affected.add')}
      </Button>
    </Stack>
  );
}

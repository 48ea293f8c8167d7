import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import {
  DATA_CATEGORIES,
  INCIDENT_CAUSES,
  INCIDENT_DISCOVERIES,
  INCIDENT_KINDS,
  INCIDENT_LIMITS,
} from '@steward/policy-core';
import type { DataCategory, IncidentCause, IncidentDiscovery, IncidentKind } from '@steward/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConflictAlert } from '../../components/ConflictAlert.js';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import { DATA_CATEGORY_LABEL, optionsOf } from '../../components/labels.js';
import { AffectedSelections } from './AffectedSelections.js';
import { Panel } from './Panel.js';
import { INCIDENT_CAUSE_LABEL, INCIDENT_DISCOVERY_LABEL, INCIDENT_KIND_LABEL } from './incident-labels.js';
import { incidentFormErrors } from './incident-errors.js';
import {
  CHECKLIST_KEYS,
  answer,
  emptyIncidentForm,
  incidentToForm,
  prefilledQuestions,
  toRecordInput,
  toUpdateInput,
  withCategories,
  type IncidentForm as Form,
  type TriState,
} from './incident-form.js';
import { useIncidentMutations, type Incident } from './use-incidents.js';

const KIND_OPTIONS = optionsOf(INCIDENT_KINDS, INCIDENT_KIND_LABEL);
const DISCOVERY_OPTIONS = optionsOf(INCIDENT_DISCOVERIES, INCIDENT_DISCOVERY_LABEL);
const CAUSE_OPTIONS = optionsOf(INCIDENT_CAUSES, INCIDENT_CAUSE_LABEL);

const TEXT_FIELDS = [
  'title',
  'causeDetail',
  'description',
  'measures',
  'dataInvolved',
  'secondaryDamage',
  'entrustedBy',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];

/** The fields the form shows beside themselves (any other field's message goes above the form). */
const FORM_FIELDS: ReadonlySet<string> = new Set([
  'kind',
  'title',
  'awareAt',
  'occurredAt',
  'discovery',
  'cause',
  'causeDetail',
  'wrongfulPurposeSuspected',
  'description',
  'measures',
  'dataInvolved',
  'secondaryDamage',
  'categories',
  'affectedCount',
  'entrustedBy',
  ...CHECKLIST_KEYS.map((k) => `checklist.${k}`),
]);
const shown = (field: string) => FORM_FIELDS.has(field) || field.startsWith('affected[');

/**
 * Record an incident (no `existing`) or change its facts: what happened, how it was found and why,
 * the checklist the assessment asks (pre-filled from the categories), who is affected, and whether
 * this organisation handled the data as a contractor.
 */
export function IncidentForm({ existing, onReload }: { existing: Incident | null; onReload?: () => void }) {
  const { t } = useTranslation('incidents');
  const [form, setForm] = useState<Form>(() => (existing ? incidentToForm(existing) : emptyIncidentForm()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [messages, setMessages] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const m = useIncidentMutations();
  const navigate = useNavigate();
  const set =
    <K extends keyof Form>(key: K) =>
    (value: Form[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  // Each free-text field's value, setter and server message.
  const text = Object.fromEntries(
    TEXT_FIELDS.map((key) => [
      key,
      {
        value: form[key],
        onChange: (e: { currentTarget: { value: string } }) => set(key)(e.currentTarget.value),
        error: errors[key],
      },
    ]),
  ) as Record<
    TextField,
    { value: string; onChange: (e: { currentTarget: { value: string } }) => void; error: string | undefined }
  >;
  const prefilled = prefilledQuestions(form);

  async function save() {
    const res = existing
      ? await m.update(toUpdateInput(form, existing.id, existing.version))
      : await m.record(toRecordInput(form));
    if (res.error) {
      const referenceFields = form.selections.flatMap((s, i) =>
        s.selector === 'REFERENCES' ? [`affected[${i}].references`] : [],
      );
      const summary = incidentFormErrors(t, res.error, referenceFields, shown);
      setErrors(summary.fieldErrors);
      setMessages(summary.messages);
      setConflict(summary.conflict);
      return;
    }
    const saved = res.data && ('recordIncident' in res.data ? res.data.recordIncident : res.data.updateIncident);
    if (saved) void navigate(`/incidents/${encodeURIComponent(saved.id)}`);
  }

  return (
    <Stack gap="md" maw={900}>
      {conflict && onReload && <ConflictAlert what={t('detail.conflictWhat')} onReload={onReload} />}
      <MessagesAlert title={t('form.refused')} messages={messages} />
      <Panel title={t('form.sections.what')}>
        <Group grow align="flex-start">
          <NativeSelect
            label={t('field.kind')}
            value={form.kind}
            onChange={(e) => set('kind')(e.currentTarget.value as IncidentKind)}
            data={KIND_OPTIONS}
            error={errors['kind']}
          />
          <NativeSelect
            label={t('field.discovery')}
            value={form.discovery}
            onChange={(e) => set('discovery')(e.currentTarget.value as IncidentDiscovery)}
            data={DISCOVERY_OPTIONS}
            error={errors['discovery']}
          />
        </Group>
        <TextInput
          label={t('field.title')}
          description={t('form.titleHelp')}
          required
          maxLength={INCIDENT_LIMITS.title}
          {...text.title}
        />
        <Group grow align="flex-start">
          <TextInput
            type="datetime-local"
            label={t('field.awareAt')}
            description={t('form.awareAtHelp')}
            required
            value={form.awareAt}
            onChange={(e) => set('awareAt')(e.currentTarget.value)}
            error={errors['awareAt']}
          />
          <TextInput
            type="datetime-local"
            label={t('field.occurredAt')}
            description={t('form.occurredAtHelp')}
            value={form.occurredAt}
            onChange={(e) => set('occurredAt')(e.currentTarget.value)}
            error={errors['occurredAt']}
          />
        </Group>
        <Textarea label={t('field.description')} autosize minRows={3} {...text.description} />
      </Panel>

      <Panel title={t('form.sections.cause')}>
        <NativeSelect
          label={t('field.cause')}
          value={form.cause}
          onChange={(e) => set('cause')(e.currentTarget.value as IncidentCause)}
          data={CAUSE_OPTIONS}
          error={errors['cause']}
        />
        <Textarea label={t('field.causeDetail')} autosize minRows={2} {...text.causeDetail} />
        <Checkbox
          label={t('field.wrongfulPurposeSuspected')}
          description={t('form.wrongfulPurposeHelp')}
          checked={form.wrongfulPurposeSuspected}
          onChange={(e) => set('wrongfulPurposeSuspected')(e.currentTarget.checked)}
          error={errors['wrongfulPurposeSuspected']}
        />
      </Panel>

      <Panel title={t('form.sections.data')}>
        <Checkbox.Group
          label={t('field.categories')}
          description={t('form.categoriesHelp')}
          value={form.categories}
          onChange={(v) => setForm((f) => withCategories(f, v as DataCategory[]))}
          error={errors['categories']}
        >
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing={6} mt={6}>
            {DATA_CATEGORIES.map((c) => (
              <Checkbox key={c} value={c} label={DATA_CATEGORY_LABEL[c]} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea label={t('field.dataInvolved')} autosize minRows={2} {...text.dataInvolved} />
        <Text size="sm" fw={500}>
          {t('form.checklist')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('form.checklistHelp')}
        </Text>
        {CHECKLIST_KEYS.map((key) => (
          <Stack key={key} gap={2}>
            <Text size="sm" id={`incident-question-${key}`}>
              {t(`core:incidentQuestion.${key}`)}
            </Text>
            <Group gap="xs">
              <SegmentedControl
                size="xs"
                aria-labelledby={`incident-question-${key}`}
                value={form.checklist[key]}
                onChange={(v) => setForm((f) => answer(f, key, v as TriState))}
                data={[
                  { value: 'yes', label: t('form.answer.yes') },
                  { value: 'no', label: t('form.answer.no') },
                  { value: 'unknown', label: t('form.answer.unknown') },
                ]}
              />
              {prefilled.includes(key) && (
                <Text size="xs" c="dimmed">
                  {t('form.prefilled')}
                </Text>
              )}
            </Group>
            {errors[`checklist.${key}`] && (
              <Text size="xs" c="red">
                {errors[`checklist.${key}`]}
              </Text>
            )}
          </Stack>
        ))}
        <Textarea label={t('field.secondaryDamage')} autosize minRows={2} {...text.secondaryDamage} />
      </Panel>

      <Panel title={existing ? t('form.sections.addAffected') : t('form.sections.affected')}>
        <Text size="xs" c="dimmed">
          {t('form.affected.help')}
        </Text>
        <AffectedSelections
          selections={form.selections}
          onChange={set('selections')}
          fieldError={(path) => errors[path]}
        />
        <Group grow align="flex-start">
          <NumberInput
            label={t('field.affectedCount')}
            description={t('form.affectedCountHelp')}
            min={0}
            max={INCIDENT_LIMITS.maxAffectedCount}
            allowDecimal={false}
            thousandSeparator=","
            value={form.affectedCount}
            onChange={(v) => set('affectedCount')(String(v))}
            error={errors['affectedCount']}
          />
          <Checkbox
            mt={30}
            label={t('field.affectedCountEstimated')}
            checked={form.affectedCountEstimated}
            onChange={(e) => set('affectedCountEstimated')(e.currentTarget.checked)}
          />
        </Group>
      </Panel>

      <Panel title={t('form.sections.contractor')}>
        <TextInput
          label={t('field.entrustedBy')}
          description={t('form.entrustedByHelp')}
          maxLength={INCIDENT_LIMITS.entrustingOrganisation}
          {...text.entrustedBy}
        />
        <Textarea label={t('field.measures')} autosize minRows={2} {...text.measures} />
      </Panel>

      <Group>
        <Button loading={m.fetching} onClick={() => void save()}>
          {existing ? t('form.saveChanges') : t('form.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

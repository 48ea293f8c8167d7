import { Alert, Button, Card, Checkbox, Group, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
import { validateResponsePeriod } from '@steward/policy-core';
import {
  RequestSettingsDocument,
  UpdateRequestSettingsDocument,
  type RequestSettingsQuery,
  type ResponsePeriodUnit,
} from '@steward/schema';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError } from '../../components/errors.js';
import { Loading } from '../../components/Loading.js';
import { useSessionUser } from '../session/session-context.js';

type Settings = RequestSettingsQuery['requestSettings'];

const unitOptions = (t: TFunction): { value: ResponsePeriodUnit; label: string }[] => [
  { value: 'BUSINESS_DAYS', label: t('period.units.businessDays') },
  { value: 'CALENDAR_DAYS', label: t('period.units.calendarDays') },
];

/** A textarea of one value per line, blanks ignored. */
const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Errors for `holidays[3]` (or another list field) show on its textarea, naming the line. */
function lineError(t: TFunction, errors: Record<string, string>, field: string): string | undefined {
  const entry = Object.entries(errors).find(([key]) => key === field || key.startsWith(`${field}[`));
  if (!entry) return undefined;
  const line = /\[(\d+)\]/.exec(entry[0]);
  return line ? t('period.lineError', { line: Number(line[1]) + 1, message: entry[1] }) : entry[1];
}

const RECURRING = 'recurringClosedDays';
const HOLIDAYS = 'holidays';

/** Every IANA zone the browser knows (searchable), with the saved one even if it does not. */
function timeZoneOptions(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([current, 'Asia/Tokyo', 'UTC', ...known])].sort();
}

function ResponsePeriodForm({ settings, onSaved }: { settings: Settings; onSaved: () => void }) {
  const { t } = useTranslation('organisation-settings');
  const isOwner = useSessionUser().role === 'OWNER';
  const [days, setDays] = useState<number | string>(settings.responsePeriodDays);
  const [unit, setUnit] = useState<ResponsePeriodUnit>(settings.unit);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [observeJapaneseHolidays, setObserveJapaneseHolidays] = useState(settings.observeJapaneseHolidays);
  const [recurring, setRecurring] = useState(settings.recurringClosedDays.join('\n'));
  const [holidays, setHolidays] = useState(settings.holidays.join('\n'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [messages, setMessages] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [state, update] = useMutation(UpdateRequestSettingsDocument);

  const linesField = (field: {
    label: string;
    description: string;
    value: string;
    onChange: (value: string) => void;
    error: string | undefined;
  }) => (
    <Textarea
      label={field.label}
      description={field.description}
      autosize
      minRows={3}
      maxRows={12}
      value={field.value}
      onChange={(e) => field.onChange(e.currentTarget.value)}
      error={field.error}
      readOnly={!isOwner}
    />
  );

  async function save() {
    setSaved(false);
    const input = {
      responsePeriodDays: Number(days),
      unit,
      timeZone,
      observeJapaneseHolidays,
      recurringClosedDays: lines(recurring),
      holidays: lines(holidays),
    };
    // The same rule the server applies (policy-core), before anything is sent.
    const local = validateResponsePeriod({
      days: input.responsePeriodDays,
      unit,
      timeZone,
      recurringClosedDays: input.recurringClosedDays,
      holidays: input.holidays,
    });
    if (!local.ok) {
      setErrors(
        Object.fromEntries(local.issues.map((i) => [i.field === 'days' ? 'responsePeriodDays' : i.field, i.message])),
      );
      return;
    }
    const res = await update({ input });
    if (res.error) {
      const summary = fieldErrorsFromGraphQLError(res.error);
      setErrors(summary.fieldErrors);
      setMessages(summary.messages);
      return;
    }
    setErrors({});
    setMessages([]);
    setSaved(true);
    onSaved();
  }

  return (
    <Stack gap="sm">
      <MessagesAlert title={t('notSaved')} messages={messages} />
      {saved && (
        <Alert color="teal" variant="light" title={t('saved')} role="status">
          {t('period.savedMessage')}
        </Alert>
      )}
      <Group align="flex-start" grow>
        <NumberInput
          label={t('period.days')}
          description={t('period.daysDescription')}
          min={0}
          max={365}
          allowDecimal={false}
          value={days}
          onChange={setDays}
          error={errors['responsePeriodDays']}
          readOnly={!isOwner}
        />
        <Select
          label={t('period.unit')}
          description={t('period.unitDescription')}
          data={unitOptions(t)}
          value={unit}
          onChange={(v) => v && setUnit(v as ResponsePeriodUnit)}
          allowDeselect={false}
          error={errors['unit']}
          readOnly={!isOwner}
        />
      </Group>
      <Select
        label={t('period.timeZone')}
        description={t('period.timeZoneDescription')}
        data={timeZoneOptions(settings.timeZone)}
        searchable
        value={timeZone}
        onChange={(v) => v && setTimeZone(v)}
        allowDeselect={false}
        error={errors['timeZone']}
        readOnly={!isOwner}
      />
      <Checkbox
        label={t('period.holidays')}
        description={t('period.holidaysDescription')}
        checked={observeJapaneseHolidays}
        onChange={(e) => setObserveJapaneseHolidays(e.currentTarget.checked)}
        disabled={!isOwner}
      />
      {linesField({
        label: t('period.recurring'),
        description: t('period.recurringDescription'),
        value: recurring,
        onChange: setRecurring,
        error: lineError(t, errors, RECURRING),
      })}
      {linesField({
        label: t('period.oneOff'),
        description: t('period.oneOffDescription'),
        value: holidays,
        onChange: setHolidays,
        error: lineError(t, errors, HOLIDAYS),
      })}
      {isOwner && (
        <Button w="fit-content" loading={state.fetching} onClick={() => void save()}>
          {t('period.save')}
        </Button>
      )}
    </Stack>
  );
}

/**
 * How long the organisation has to answer a provider's request (clause 4) and the calendar it is
 * counted in (time zone, national holidays, closed days): due dates come from it.
 */
export function ResponsePeriodCard() {
  const { t } = useTranslation('organisation-settings');
  const [result, reexecute] = useQuery({ query: RequestSettingsDocument, requestPolicy: 'cache-and-network' });
  const settings = result.data?.requestSettings;
  const refetch = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <Card withBorder padding="md" maw={720} component="section" aria-label={t('period.title')}>
      <Text fw={600} mb="xs">
        {t('period.title')}
      </Text>
      {settings ? (
        <ResponsePeriodForm key={JSON.stringify(settings)} settings={settings} onSaved={refetch} />
      ) : result.fetching ? (
        <Loading label={t('period.loading')} />
      ) : (
        <ErrorAlert error={result.error} onRetry={refetch} />
      )}
    </Card>
  );
}

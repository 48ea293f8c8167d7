import { Alert, Button, Card, Checkbox, Group, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
import { validateResponsePeriod } from '@steward/policy-core';
import {
  RequestSettingsDocument,
  UpdateRequestSettingsDocument,
  type RequestSettingsQuery,
  type ResponsePeriodUnit,
} from '@steward/schema';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError } from '../../components/errors.js';
import { Loading } from '../../components/Loading.js';
import { useSessionUser } from '../session/session-context.js';

type Settings = RequestSettingsQuery['requestSettings'];

const UNIT_OPTIONS: { value: ResponsePeriodUnit; label: string }[] = [
  { value: 'BUSINESS_DAYS', label: 'Business days' },
  { value: 'CALENDAR_DAYS', label: 'Calendar days' },
];

/** A textarea of one value per line, blanks ignored. */
const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Errors for `holidays[3]` (or another list field) show on its textarea, naming the line. */
function lineError(errors: Record<string, string>, field: string): string | undefined {
  const entry = Object.entries(errors).find(([key]) => key === field || key.startsWith(`${field}[`));
  if (!entry) return undefined;
  const line = /\[(\d+)\]/.exec(entry[0]);
  return line ? `Line ${Number(line[1]) + 1}: ${entry[1]}` : entry[1];
}

/** Every IANA zone the browser knows (searchable), with the saved one even if it does not. */
function timeZoneOptions(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([current, 'Asia/Tokyo', 'UTC', ...known])].sort();
}

function ResponsePeriodForm({ settings, onSaved }: { settings: Settings; onSaved: () => void }) {
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
      <MessagesAlert title="Not saved" messages={messages} />
      {saved && (
        <Alert color="teal" variant="light" title="Saved" role="status">
          Requests received from now on are due by the new period; earlier ones keep their due dates.
        </Alert>
      )}
      <Group align="flex-start" grow>
        <NumberInput
          label="Response period"
          description="Days to answer a request"
          min={0}
          max={365}
          allowDecimal={false}
          value={days}
          onChange={setDays}
          error={errors['responsePeriodDays']}
          readOnly={!isOwner}
        />
        <Select
          label="Counted in"
          description="Business days skip weekends, holidays and closed days"
          data={UNIT_OPTIONS}
          value={unit}
          onChange={(v) => v && setUnit(v as ResponsePeriodUnit)}
          allowDeselect={false}
          error={errors['unit']}
          readOnly={!isOwner}
        />
      </Group>
      <Select
        label="Time zone"
        description="The organisation's calendar: due dates end at midnight here, and the admin shows dates in it"
        data={timeZoneOptions(settings.timeZone)}
        searchable
        value={timeZone}
        onChange={(v) => v && setTimeZone(v)}
        allowDeselect={false}
        error={errors['timeZone']}
        readOnly={!isOwner}
      />
      <Checkbox
        label="Japanese national holidays are not business days"
        description="From maintained holiday data (振替休日 included), not from the lists below"
        checked={observeJapaneseHolidays}
        onChange={(e) => setObserveJapaneseHolidays(e.currentTarget.checked)}
        disabled={!isOwner}
      />
      {linesField({
        label: 'Closed every year',
        description: 'One day per line (MM-DD); 年末年始 is 12-29 to 01-03. Only business days skip them.',
        value: recurring,
        onChange: setRecurring,
        error: lineError(errors, 'recurringClosedDays'),
      })}
      {linesField({
        label: 'One-off closed days',
        description: 'One date per line (YYYY-MM-DD): days the organisation closes once. Only business days skip them.',
        value: holidays,
        onChange: setHolidays,
        error: lineError(errors, 'holidays'),
      })}
      {isOwner && (
        <Button w="fit-content" loading={state.fetching} onClick={() => void save()}>
          Save response period
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
  const [result, reexecute] = useQuery({ query: RequestSettingsDocument, requestPolicy: 'cache-and-network' });
  const settings = result.data?.requestSettings;
  const refetch = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <Card
      withBorder
      padding="md"
      maw={720}
      component="section"
      aria-label="Response period and calendar for provider requests"
    >
      <Text fw={600} mb="xs">
        Response period and calendar for provider requests
      </Text>
      {settings ? (
        <ResponsePeriodForm key={JSON.stringify(settings)} settings={settings} onSaved={refetch} />
      ) : result.fetching ? (
        <Loading label="Loading the response period" />
      ) : (
        <ErrorAlert error={result.error} onRetry={refetch} />
      )}
    </Card>
  );
}

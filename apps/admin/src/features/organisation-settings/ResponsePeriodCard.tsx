import { Alert, Button, Card, Group, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
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

/** The holidays textarea: one date per line, blanks ignored. */
const holidayList = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Errors for `holidays[3]` show on the textarea, naming the line. */
function holidayError(errors: Record<string, string>): string | undefined {
  const entry = Object.entries(errors).find(([field]) => field.startsWith('holidays'));
  if (!entry) return undefined;
  const line = /\[(\d+)\]/.exec(entry[0]);
  return line ? `Line ${Number(line[1]) + 1}: ${entry[1]}` : entry[1];
}

function ResponsePeriodForm({ settings, onSaved }: { settings: Settings; onSaved: () => void }) {
  const isOwner = useSessionUser().role === 'OWNER';
  const [days, setDays] = useState<number | string>(settings.responsePeriodDays);
  const [unit, setUnit] = useState<ResponsePeriodUnit>(settings.unit);
  const [offset, setOffset] = useState<number | string>(settings.timeZoneOffsetMinutes);
  const [holidays, setHolidays] = useState(settings.holidays.join('\n'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [messages, setMessages] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [state, update] = useMutation(UpdateRequestSettingsDocument);

  async function save() {
    setSaved(false);
    const input = {
      responsePeriodDays: Number(days),
      unit,
      timeZoneOffsetMinutes: Number(offset),
      holidays: holidayList(holidays),
    };
    // The same rule the server applies (policy-core), before anything is sent.
    const local = validateResponsePeriod({
      days: input.responsePeriodDays,
      unit,
      timeZoneOffsetMinutes: input.timeZoneOffsetMinutes,
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
          description="Business days skip weekends and holidays"
          data={UNIT_OPTIONS}
          value={unit}
          onChange={(v) => v && setUnit(v as ResponsePeriodUnit)}
          allowDeselect={false}
          error={errors['unit']}
          readOnly={!isOwner}
        />
        <NumberInput
          label="UTC offset (minutes)"
          description="JST = 540"
          allowDecimal={false}
          value={offset}
          onChange={setOffset}
          error={errors['timeZoneOffsetMinutes']}
          readOnly={!isOwner}
        />
      </Group>
      <Textarea
        label="Holidays"
        description="One date per line (YYYY-MM-DD): public holidays and the year-end closure. Only business days skip them."
        autosize
        minRows={3}
        maxRows={12}
        value={holidays}
        onChange={(e) => setHolidays(e.currentTarget.value)}
        error={holidayError(errors)}
        readOnly={!isOwner}
      />
      {isOwner && (
        <Button w="fit-content" loading={state.fetching} onClick={() => void save()}>
          Save response period
        </Button>
      )}
    </Stack>
  );
}

/** How long the organisation has to answer a provider's request (clause 4): due dates come from it. */
export function ResponsePeriodCard() {
  const [result, reexecute] = useQuery({ query: RequestSettingsDocument, requestPolicy: 'cache-and-network' });
  const settings = result.data?.requestSettings;
  const refetch = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <Card withBorder padding="md" maw={720} component="section" aria-label="Response period for provider requests">
      <Text fw={600} mb="xs">
        Response period for provider requests
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

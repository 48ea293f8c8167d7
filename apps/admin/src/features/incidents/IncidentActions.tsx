import { Button, Checkbox, Group, NativeSelect, SegmentedControl, Text, TextInput, Textarea } from '@mantine/core';
import { INCIDENT_LIMITS, INCIDENT_NOTIFICATION_CHANNELS } from '@steward/policy-core';
import type { IncidentNotificationChannel, IncidentReportKind, IncidentStatus } from '@steward/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert } from '../../components/ConflictAlert.js';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import type { ErrorLike } from '../../components/errors.js';
import { optionsOf } from '../../components/labels.js';

import { useWriteErrors } from '../requests/use-write-errors.js';
import { INCIDENT_CHANNEL_LABEL, INCIDENT_REPORT_KIND_LABEL, INCIDENT_STATUS_LABEL } from './incident-labels.js';
import { Panel } from './Panel.js';
import { useIncidentMutations, type Incident } from './use-incidents.js';
import { sentInstant } from './incident-form.js';

const CHANNEL_OPTIONS = optionsOf(INCIDENT_NOTIFICATION_CHANNELS, INCIDENT_CHANNEL_LABEL);

/** Today as a date input's value (the browser's day). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The optional note a step keeps in the timeline. */
function NoteField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('incidents');
  return (
    <Textarea
      label={t('actions.noteLabel')}
      autosize
      minRows={2}
      maxLength={INCIDENT_LIMITS.note}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

type Run = (p: Promise<{ error?: ErrorLike | undefined }>) => Promise<boolean>;

/** A write with its own errors: field messages beside its fields, the rest above it. */
function useRun(onDone: () => void) {
  const errors = useWriteErrors();
  const run: Run = async (p) => {
    const res = await p;
    if (res.error) {
      errors.report(res.error);
      return false;
    }
    errors.clear();
    onDone();
    return true;
  };
  return { errors, run };
}

/** Record a report to the Commission (or the entrusting organisation) as sent: its date and reference. */
export function ReportForm({
  incident,
  kind,
  onDone,
}: {
  incident: Incident;
  kind: IncidentReportKind;
  onDone: () => void;
}) {
  const { t } = useTranslation('incidents');
  const m = useIncidentMutations();
  const { errors, run } = useRun(onDone);
  const [sentOn, setSentOn] = useState(today());
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const title = t('actions.report.title', { kind: INCIDENT_REPORT_KIND_LABEL[kind] });
  return (
    <Panel title={title}>
      <MessagesAlert title={t('actions.refused')} messages={errors.messages} />
      <Group grow align="flex-start">
        <TextInput
          type="date"
          label={t('actions.report.sentOn')}
          required
          value={sentOn}
          onChange={(e) => setSentOn(e.currentTarget.value)}
          error={errors.fieldErrors['sentAt']}
        />
        <TextInput
          label={t('actions.report.reference')}
          description={t('actions.report.referenceHelp')}
          required
          maxLength={INCIDENT_LIMITS.reportReference}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
          error={errors.fieldErrors['reference']}
        />
      </Group>
      <NoteField value={note} onChange={setNote} error={errors.fieldErrors['note']} />
      <Button
        size="xs"
        w="fit-content"
        loading={m.fetching}
        onClick={() =>
          void run(
            m.recordReport({
              id: incident.id,
              kind,
              sentAt: sentInstant(sentOn) ?? '',
              reference,
              note: note.trim() ? note : null,
            }),
          )
        }
      >
        {t('actions.report.submit', { kind: INCIDENT_REPORT_KIND_LABEL[kind] })}
      </Button>
    </Panel>
  );
}

/** Record that the people affected were told (or a public notice made); with e-mail, Steward may send the mails. */
export function NotificationForm({ incident, onDone }: { incident: Incident; onDone: () => void }) {
  const { t } = useTranslation('incidents');
  const m = useIncidentMutations();
  const { errors, run } = useRun(onDone);
  const [channel, setChannel] = useState<IncidentNotificationChannel>('EMAIL');
  const [sentOn, setSentOn] = useState(today());
  const [sendMail, setSendMail] = useState(false);
  const [note, setNote] = useState('');
  const mailing = channel === 'EMAIL' && sendMail;
  return (
    <Panel title={t('actions.notify.title')}>
      <MessagesAlert title={t('actions.refused')} messages={errors.messages} />
      <Group grow align="flex-start">
        <NativeSelect
          label={t('actions.notify.channel')}
          value={channel}
          onChange={(e) => setChannel(e.currentTarget.value as IncidentNotificationChannel)}
          data={CHANNEL_OPTIONS}
          error={errors.fieldErrors['channel']}
        />
        <TextInput
          type="date"
          label={t('actions.notify.sentOn')}
          disabled={mailing}
          value={sentOn}
          onChange={(e) => setSentOn(e.currentTarget.value)}
          error={errors.fieldErrors['sentAt']}
        />
      </Group>
      {channel === 'EMAIL' && (
        <Checkbox
          label={t('actions.notify.sendMail')}
          description={t('actions.notify.sendMailHelp', { count: incident.affectedCount })}
          checked={sendMail}
          onChange={(e) => setSendMail(e.currentTarget.checked)}
        />
      )}
      <NoteField value={note} onChange={setNote} error={errors.fieldErrors['note']} />
      <Button
        size="xs"
        w="fit-content"
        loading={m.fetching}
        onClick={() =>
          void run(
            m.recordNotification({
              id: incident.id,
              channel,
              // Mails queued now are sent now; otherwise the day it was done.
              sentAt: mailing ? null : sentInstant(sentOn),
              sendMail: mailing,
              note: note.trim() ? note : null,
            }),
          )
        }
      >
        {mailing ? t('actions.notify.submitMail') : t('actions.notify.submit')}
      </Button>
    </Panel>
  );
}

/** Add a note or a measure taken to the timeline. */
export function NoteForm({ incident, onDone }: { incident: Incident; onDone: () => void }) {
  const { t } = useTranslation('incidents');
  const m = useIncidentMutations();
  const { errors, run } = useRun(onDone);
  const [kind, setKind] = useState<'NOTE' | 'MEASURE_RECORDED'>('NOTE');
  const [note, setNote] = useState('');
  return (
    <Panel title={t('actions.note.title')}>
      <MessagesAlert title={t('actions.refused')} messages={errors.messages} />
      <SegmentedControl
        size="xs"
        w="fit-content"
        aria-label={t('actions.note.kind')}
        value={kind}
        onChange={(v) => setKind(v as typeof kind)}
        data={[
          { value: 'NOTE', label: t('actions.note.note') },
          { value: 'MEASURE_RECORDED', label: t('actions.note.measure') },
        ]}
      />
      <Textarea
        label={t('actions.note.text')}
        autosize
        minRows={2}
        maxLength={INCIDENT_LIMITS.note}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.fieldErrors['note']}
      />
      <Button
        size="xs"
        w="fit-content"
        loading={m.fetching}
        onClick={() => void run(m.addNote({ id: incident.id, kind, note })).then((ok) => ok && setNote(''))}
      >
        {t('actions.note.submit')}
      </Button>
    </Panel>
  );
}

/** Move the incident to one of the statuses its abilities allow (reports move it themselves). */
export function StatusForm({ incident, onDone }: { incident: Incident; onDone: () => void }) {
  const { t, i18n } = useTranslation('incidents');
  const m = useIncidentMutations();
  const { errors, run } = useRun(onDone);
  const [note, setNote] = useState('');
  const words = (s: IncidentStatus) =>
    i18n.language === 'en' ? INCIDENT_STATUS_LABEL[s].toLowerCase() : INCIDENT_STATUS_LABEL[s];
  return (
    <Panel title={t('actions.status.title')}>
      {errors.conflict && <ConflictAlert what={t('detail.conflictWhat')} onReload={onDone} />}
      <MessagesAlert title={t('actions.refused')} messages={errors.messages} />
      <Textarea
        label={t('actions.status.note')}
        autosize
        minRows={1}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.fieldErrors['note']}
      />
      <Group gap="xs">
        {incident.abilities.nextStatuses.map((status) => (
          <Button
            key={status}
            size="xs"
            variant="default"
            loading={m.fetching}
            onClick={() =>
              void run(m.changeStatus({ id: incident.id, status, note: note.trim() ? note : null })).then(
                (ok) => ok && setNote(''),
              )
            }
          >
            {status === 'ASSESSING' && incident.status === 'CLOSED'
              ? t('actions.status.reopen')
              : t('actions.status.mark', { status: words(status) })}
          </Button>
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        {t('actions.status.help')}
      </Text>
    </Panel>
  );
}

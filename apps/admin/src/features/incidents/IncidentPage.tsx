import { Anchor, Badge, Button, Grid, Group, List, Stack, Text, Timeline } from '@mantine/core';
import { INCIDENT_REPORT_KINDS } from '@steward/policy-core';
import type {
  IncidentDeadlineFieldsFragment,
  IncidentChecklistFieldsFragment,
  ProviderRefFieldsFragment,
} from '@steward/schema';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CategoryBadges } from '../../components/CategoryBadges.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { formatCalendarDate, formatDateTime, formatNumber } from '../../components/format.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCursorStack } from '../../components/use-cursor-stack.js';
import { actorText } from '../names/actor-text.js';
import { ProviderRefLink } from '../names/ProviderRefLink.js';
import { useWriteErrors } from '../requests/use-write-errors.js';
import { NoteForm, NotificationForm, ReportForm, StatusForm } from './IncidentActions.js';
import { CountdownBadge, IncidentStatusBadge, ReportabilityBadge } from './IncidentBadges.js';
import {
  INCIDENT_CAUSE_LABEL,
  INCIDENT_CHANNEL_LABEL,
  INCIDENT_CRITERION_LABEL,
  INCIDENT_DISCOVERY_LABEL,
  INCIDENT_KIND_LABEL,
  INCIDENT_REPORT_KIND_LABEL,
  INCIDENT_REPORT_RECIPIENT_LABEL,
  INCIDENT_STEP_LABEL,
  questionLabel,
} from './incident-labels.js';
import { CHECKLIST_KEYS } from './incident-form.js';
import { Panel } from './Panel.js';
import {
  AFFECTED_PAGE_SIZE,
  useIncident,
  useIncidentAffectedProviders,
  useIncidentMutations,
  type Incident,
} from './use-incidents.js';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children ?? '—'}
      </Text>
    </div>
  );
}

/** One report deadline: the day it is due (day N from awareness), its countdown, and the report once sent. */
function DeadlineRow({
  deadline,
  sentAt,
  reference,
}: {
  deadline: IncidentDeadlineFieldsFragment;
  sentAt: string | null;
  reference: string | null;
}) {
  const { t } = useTranslation('incidents');
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start" data-testid={`deadline-${deadline.kind}`}>
      <div>
        <Text size="sm" fw={500}>
          {INCIDENT_REPORT_KIND_LABEL[deadline.kind]}
        </Text>
        <Text size="xs" c="dimmed">
          {t('deadline.due', { date: formatCalendarDate(deadline.dueOn), day: deadline.day })}
        </Text>
        {sentAt && (
          <Text size="xs">{t('deadline.sent', { at: formatDateTime(sentAt), reference: reference ?? '—' })}</Text>
        )}
      </div>
      <CountdownBadge deadline={deadline} />
    </Group>
  );
}

function checklistAnswer(t: TFunction, value: boolean | null): string {
  return value === true ? t('form.answer.yes') : value === false ? t('form.answer.no') : t('form.answer.unknown');
}

function ChecklistFacts({ checklist }: { checklist: IncidentChecklistFieldsFragment }) {
  const { t } = useTranslation('incidents');
  return (
    <Stack gap={4}>
      {CHECKLIST_KEYS.map((key) => (
        <Group key={key} justify="space-between" wrap="nowrap" gap="sm">
          <Text size="sm">{t(`core:incidentQuestion.${key}`)}</Text>
          <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
            {checklistAnswer(t, checklist[key])}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** Is it reportable, on which criteria, to whom, must the providers be told — and why, with the articles. */
function AssessmentPanel({ incident }: { incident: Incident }) {
  const { t } = useTranslation('incidents');
  const a = incident.assessment;
  return (
    <Panel title={t('detail.assessment')} actions={<ReportabilityBadge reportability={a.reportability} />}>
      <Stack gap="sm">
        <Fact label={t('detail.criteria')}>
          {a.criteria.length === 0 ? (
            t('detail.noCriteria')
          ) : (
            <List size="sm" spacing={2}>
              {a.criteria.map((c) => (
                <List.Item key={c}>{INCIDENT_CRITERION_LABEL[c]}</List.Item>
              ))}
            </List>
          )}
        </Fact>
        <Group grow align="flex-start">
          <Fact label={t('detail.reportTo')}>{a.reportTo ? INCIDENT_REPORT_RECIPIENT_LABEL[a.reportTo] : '—'}</Fact>
          <Fact label={t('detail.notifyProviders')}>
            {a.notifyProviders ? t('common:states.yes') : t('common:states.no')}
          </Fact>
        </Group>
        {a.encryptionExempt && (
          <Badge variant="light" color="teal" tt="none" w="fit-content">
            {t('detail.encryptionExempt')}
          </Badge>
        )}
        {a.unanswered.length > 0 && (
          <Fact label={t('detail.unanswered')}>
            <List size="sm" spacing={2}>
              {a.unanswered.map((q) => (
                <List.Item key={q}>{questionLabel(q)}</List.Item>
              ))}
            </List>
          </Fact>
        )}
        <Fact label={t('detail.reasons')}>
          <List size="sm" spacing={4} aria-label={t('detail.reasons')}>
            {a.reasons.map((r, i) => (
              <List.Item key={`${r.code}-${i}`}>
                {r.message}{' '}
                <Text span size="xs" c="dimmed">
                  ({r.article})
                </Text>
              </List.Item>
            ))}
          </List>
        </Fact>
        <Fact label={t('detail.checklist')}>
          <ChecklistFacts checklist={incident.checklist} />
        </Fact>
      </Stack>
    </Panel>
  );
}

/** The affected providers a page at a time (their names are an audited read), removable while it may be edited. */
function AffectedPanel({ incident, onChanged }: { incident: Incident; onChanged: () => void }) {
  const { t } = useTranslation('incidents');
  const paging = useCursorStack(incident.id);
  const { entries, pageInfo, total, ...query } = useIncidentAffectedProviders(incident.id, paging.after);
  const m = useIncidentMutations();
  const errors = useWriteErrors();
  const remove = async (p: ProviderRefFieldsFragment) => {
    const res = await m.changeAffected({
      id: incident.id,
      removeProviderIds: [p.id],
    });
    if (res.error) errors.report(res.error);
    else {
      errors.clear();
      onChanged();
      query.refetch();
    }
  };
  const columns: DataColumn<ProviderRefFieldsFragment>[] = [
    {
      id: 'provider',
      header: t('detail.affectedColumns.provider'),
      value: (p) => p.reference,
      cell: (p) => <ProviderRefLink provider={p} />,
    },
    ...(incident.abilities.edit
      ? [
          {
            id: 'remove',
            header: '',
            headerLabel: t('detail.affectedColumns.actions'),
            cell: (p: ProviderRefFieldsFragment) => (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => void remove(p)}
                aria-label={t('detail.removeProvider', { reference: p.reference ?? '' })}
              >
                {t('detail.remove')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Panel title={t('detail.affected')}>
      <Text size="sm" mb="xs">
        {t(incident.affectedCountEstimated ? 'detail.affectedCountEstimated' : 'detail.affectedCount', {
          count: incident.affectedCount,
          formatted: formatNumber(incident.affectedCount),
        })}
      </Text>
      <MessagesAlert title={t('actions.refused')} messages={errors.messages} />
      <DataTable
        label={t('detail.affectedTable')}
        columns={columns}
        rows={entries}
        empty={t('detail.noAffected')}
        query={query}
        withCard={false}
        pagination={{ paging, pageInfo, total, pageSize: AFFECTED_PAGE_SIZE }}
      />
    </Panel>
  );
}

/** Every step, oldest first: who, when, what (one line in the reader's language), its note and ledger entry. */
function TimelinePanel({ incident }: { incident: Incident }) {
  const { t } = useTranslation('incidents');
  return (
    <Panel title={t('detail.timeline')}>
      <Timeline bulletSize={12} lineWidth={2} aria-label={t('detail.timeline')}>
        {incident.steps.map((s) => (
          <Timeline.Item key={s.id} title={INCIDENT_STEP_LABEL[s.kind]}>
            <Text size="sm">{s.summary}</Text>
            {s.note && (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                {s.note}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('detail.stepBy', {
                at: formatDateTime(s.at),
                actor: s.actor ? actorText(s.actor) : t('detail.steward'),
              })}
              {s.ledgerSequence !== null && ` · ${t('detail.ledgerEntry', { sequence: s.ledgerSequence })}`}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {incident.notifications.length > 0 && (
        <Stack gap={4} mt="md">
          <Text size="sm" fw={500}>
            {t('detail.notifications')}
          </Text>
          {incident.notifications.map((n) => (
            <Text key={n.id} size="sm">
              {t(n.viaMail ? 'detail.notificationMail' : 'detail.notification', {
                channel: INCIDENT_CHANNEL_LABEL[n.channel],
                at: formatDateTime(n.sentAt),
                count: n.providersCount,
              })}
              {n.note && ` — ${n.note}`}
            </Text>
          ))}
        </Stack>
      )}
    </Panel>
  );
}

function FactsPanel({ incident }: { incident: Incident }) {
  const { t } = useTranslation('incidents');
  return (
    <Panel title={t('detail.facts')}>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <Fact label={t('field.kind')}>{INCIDENT_KIND_LABEL[incident.kind]}</Fact>
          <Fact label={t('field.discovery')}>{INCIDENT_DISCOVERY_LABEL[incident.discovery]}</Fact>
        </Group>
        <Group grow align="flex-start">
          <Fact label={t('field.awareAt')}>{formatDateTime(incident.awareAt)}</Fact>
          <Fact label={t('field.occurredAt')}>
            {incident.occurredAt ? formatDateTime(incident.occurredAt) : t('detail.unknown')}
          </Fact>
        </Group>
        <Fact label={t('field.description')}>{incident.description}</Fact>
        <Group grow align="flex-start">
          <Fact label={t('field.cause')}>{INCIDENT_CAUSE_LABEL[incident.cause]}</Fact>
          <Fact label={t('field.wrongfulPurposeSuspected')}>
            {incident.wrongfulPurposeSuspected ? t('common:states.yes') : t('common:states.no')}
          </Fact>
        </Group>
        <Fact label={t('field.causeDetail')}>{incident.causeDetail}</Fact>
        <Fact label={t('field.categories')}>
          <CategoryBadges categories={incident.categories} />
        </Fact>
        <Fact label={t('field.dataInvolved')}>{incident.dataInvolved}</Fact>
        <Fact label={t('field.secondaryDamage')}>{incident.secondaryDamage}</Fact>
        <Fact label={t('field.measures')}>{incident.measures}</Fact>
        <Fact label={t('field.entrustedBy')}>{incident.entrustedBy ?? t('detail.ownData')}</Fact>
      </Stack>
    </Panel>
  );
}

/** One incident: its deadlines as countdowns, the assessment with its reasons, the affected providers, the timeline, and the actions its abilities allow. */
export function IncidentPage({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation('incidents');
  const { incident, fetching, error, refetch } = useIncident(incidentId);
  if (!incident)
    return fetching ? (
      <Loading label={t('detail.loading')} />
    ) : error ? (
      <ErrorAlert error={error} onRetry={refetch} />
    ) : (
      <Text>{t('detail.notFound')}</Text>
    );
  // What the caller may do, from policy-core's incidentAbilities on the server: no rule is re-derived here.
  const can = incident.abilities;
  const showReports = incident.reportability !== 'NOT_REPORTABLE' || incident.preliminarySentAt !== null;
  return (
    <>
      <PageHeader
        title={t('detail.title', { reference: incident.reference, title: incident.title })}
        badges={<IncidentStatusBadge status={incident.status} />}
        description={t(incident.createdBy ? 'detail.recordedBy' : 'detail.recordedBySteward', {
          at: formatDateTime(incident.createdAt),
          actor: incident.createdBy ? actorText(incident.createdBy) : '',
        })}
        actions={
          can.edit && (
            <Button
              component={Link}
              to={`/incidents/${encodeURIComponent(incident.id)}/edit`}
              size="xs"
              variant="default"
            >
              {t('detail.edit')}
            </Button>
          )
        }
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Panel title={t('detail.deadlines')}>
              <Stack gap="sm">
                <DeadlineRow
                  deadline={incident.preliminary}
                  sentAt={incident.preliminarySentAt}
                  reference={incident.preliminaryReference}
                />
                <DeadlineRow
                  deadline={incident.final}
                  sentAt={incident.finalSentAt}
                  reference={incident.finalReference}
                />
                {showReports && (
                  <Group gap="md">
                    {INCIDENT_REPORT_KINDS.map((kind) => (
                      <Anchor
                        key={kind}
                        component={Link}
                        to={`/incidents/${encodeURIComponent(incident.id)}/report/${kind.toLowerCase()}`}
                        size="sm"
                      >
                        {t('detail.reportForm', { kind: INCIDENT_REPORT_KIND_LABEL[kind] })}
                      </Anchor>
                    ))}
                  </Group>
                )}
              </Stack>
            </Panel>
            <AssessmentPanel incident={incident} />
            <FactsPanel incident={incident} />
            <TimelinePanel incident={incident} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            {can.reports.map((kind) => (
              <ReportForm key={kind} incident={incident} kind={kind} onDone={refetch} />
            ))}
            {can.nextStatuses.length > 0 && <StatusForm incident={incident} onDone={refetch} />}
            {can.notify && <NotificationForm incident={incident} onDone={refetch} />}
            {can.note && <NoteForm incident={incident} onDone={refetch} />}
            <AffectedPanel incident={incident} onChanged={refetch} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

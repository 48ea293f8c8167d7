import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { WorkQueueQuery } from '@steward/schema';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate, formatDateTime, formatNumber } from '../../components/format.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { REQUEST_KIND_LABEL, URGENCY_COLOR, URGENCY_LABEL } from '../requests/request-labels.js';
import { useSessionUser } from '../session/session-context.js';
import { useWorkQueue } from './use-work-queue.js';
import {
  APPROVALS_AWAITING_ME,
  INQUIRIES_NEW,
  INQUIRIES_UNANSWERED,
  INCIDENTS_DUE_SOON,
  INCIDENTS_OPEN,
  INCIDENTS_OVERDUE,
  LEDGER_VERIFICATIONS,
  REQUESTS_DUE_SOON,
  REQUESTS_OVERDUE,
  incidentPath,
  inquiriesUnansweredFor,
  nothingWaiting,
  requestPath,
} from './work-links.js';

type Queue = WorkQueueQuery['workQueue'];

/** A count that leads to the list it counts; its accessible name is its visible text. */
function CountLink({
  to,
  count,
  label,
  urgent = false,
}: {
  to: string;
  count: number;
  label: string;
  urgent?: boolean;
}) {
  return (
    <Anchor component={Link} to={to} underline="hover" c={urgent && count > 0 ? 'red.8' : undefined}>
      <Text span fw={700} fz="xl" mr={6}>
        {formatNumber(count)}
      </Text>
      <Text span size="sm">
        {label}
      </Text>
    </Anchor>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Title order={3} fz="h4" mb="sm">
        {title}
      </Title>
      <Stack gap="xs">{children}</Stack>
    </Card>
  );
}

type DueRow = {
  id: string;
  reference: string;
  href: string;
  what: string;
  due: string;
  overdue: boolean;
  color: string;
  urgency: string;
};

/** The items due first (requests, incident reports): reference as a link, what it is, when due and how urgent. */
function DueFirstTable({ label, headers, rows }: { label: string; headers: string[]; rows: DueRow[] }) {
  if (rows.length === 0) return null;
  return (
    <Table aria-label={label} verticalSpacing={4} fz="sm">
      <Table.Thead>
        <Table.Tr>
          {headers.map((h) => (
            <Table.Th key={h}>{h}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>
              <Anchor component={Link} to={r.href} ff="monospace" size="sm">
                {r.reference}
              </Anchor>
            </Table.Td>
            <Table.Td>{r.what}</Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <span>{r.due}</span>
                <Badge size="xs" variant={r.overdue ? 'filled' : 'light'} color={r.color}>
                  {r.urgency}
                </Badge>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ApprovalsSection({ approvals }: { approvals: NonNullable<Queue['approvals']> }) {
  const { t } = useTranslation('home');
  return (
    <Section title={t('approvals.title')}>
      <CountLink
        to={APPROVALS_AWAITING_ME}
        count={approvals.awaitingMe}
        label={t('approvals.awaitingMe', { count: approvals.awaitingMe })}
        urgent
      />
      <Text size="sm" c="dimmed">
        {t('approvals.mineAwaitingOthers', { count: approvals.mineAwaitingOthers })}
      </Text>
    </Section>
  );
}

function RequestsSection({ requests }: { requests: NonNullable<Queue['requests']> }) {
  const { t } = useTranslation('home');
  return (
    <Section title={t('requests.title')}>
      <CountLink
        to={REQUESTS_OVERDUE}
        count={requests.overdue}
        label={t('requests.overdue', { count: requests.overdue })}
        urgent
      />
      <CountLink
        to={REQUESTS_DUE_SOON}
        count={requests.dueSoon}
        label={t('requests.dueSoon', { count: requests.dueSoon, days: requests.dueSoonDays })}
      />
      <Text size="sm" c="dimmed">
        {t('requests.open', { count: requests.open })}
      </Text>
      <DueFirstTable
        label={t('requests.next')}
        headers={[t('requests.columns.reference'), t('requests.columns.kind'), t('requests.columns.due')]}
        rows={requests.next.map((r) => ({
          id: r.id,
          reference: r.reference,
          href: requestPath(r.id),
          what: REQUEST_KIND_LABEL[r.kind],
          due: formatDate(r.dueAt),
          overdue: r.urgency === 'OVERDUE',
          color: URGENCY_COLOR[r.urgency],
          urgency: URGENCY_LABEL[r.urgency],
        }))}
      />
    </Section>
  );
}

function InquiriesSection({ inquiries }: { inquiries: NonNullable<Queue['inquiries']> }) {
  const { t } = useTranslation('home');
  const me = useSessionUser();
  return (
    <Section title={t('inquiries.title')}>
      <CountLink to={INQUIRIES_NEW} count={inquiries.new} label={t('inquiries.new', { count: inquiries.new })} />
      <CountLink
        to={INQUIRIES_UNANSWERED}
        count={inquiries.unanswered}
        label={t('inquiries.unanswered', { count: inquiries.unanswered })}
      />
      <CountLink
        to={inquiriesUnansweredFor(me.id)}
        count={inquiries.assignedToMe}
        label={t('inquiries.assignedToMe', { count: inquiries.assignedToMe })}
      />
    </Section>
  );
}

function LedgerSection({ ledger }: { ledger: NonNullable<Queue['ledgerVerification']> }) {
  const { t } = useTranslation('home');
  const when = formatDateTime(ledger.finishedAt);
  const outcome =
    ledger.ok === null
      ? t('ledger.never')
      : ledger.ok
        ? t('ledger.ok', { entries: ledger.checkedEntries ?? 0, when })
        : ledger.firstFailureSequence !== null
          ? t('ledger.brokenFrom', { sequence: ledger.firstFailureSequence, when })
          : t('ledger.broken', { when });
  return (
    <Section title={t('ledger.title')}>
      <Group gap="xs">
        {ledger.ok !== null && (
          <Badge color={ledger.ok ? 'teal' : 'red'} variant={ledger.ok ? 'light' : 'filled'}>
            {ledger.ok ? t('ledger.badgeOk') : t('ledger.badgeBroken')}
          </Badge>
        )}
        <Anchor component={Link} to={LEDGER_VERIFICATIONS} size="sm">
          {outcome}
        </Anchor>
      </Group>
      {ledger.pending && (
        <Text size="sm" c="dimmed">
          {t('ledger.pending')}
        </Text>
      )}
    </Section>
  );
}

function IncidentsSection({ incidents }: { incidents: NonNullable<Queue['incidents']> }) {
  const { t } = useTranslation('home');
  return (
    <Section title={t('incidents.title')}>
      <CountLink
        to={INCIDENTS_OVERDUE}
        count={incidents.overdue}
        label={t('incidents.overdue', { count: incidents.overdue })}
        urgent
      />
      <CountLink
        to={INCIDENTS_DUE_SOON}
        count={incidents.dueSoon}
        label={t('incidents.dueSoon', { count: incidents.dueSoon })}
      />
      <Anchor component={Link} to={INCIDENTS_OPEN} size="sm" c="dimmed">
        {t('incidents.open', { count: incidents.open })}
      </Anchor>
      <DueFirstTable
        label={t('incidents.next')}
        headers={[t('incidents.columns.reference'), t('incidents.columns.title'), t('incidents.columns.due')]}
        rows={incidents.next.map((i) => ({
          id: i.id,
          reference: i.reference,
          href: incidentPath(i.id),
          what: i.title,
          // dueOn is a local date already (the organisation's zone): shown as it is.
          due: t('incidents.due', { report: t(`incidents.report.${i.report}`), date: formatDate(i.dueOn, 'UTC') }),
          overdue: i.urgency === 'OVERDUE',
          color: i.urgency === 'OVERDUE' ? 'red' : 'orange',
          urgency: i.urgency === 'OVERDUE' ? t('incidents.urgency.OVERDUE') : t('incidents.urgency.DUE_SOON'),
        }))}
      />
    </Section>
  );
}

/**
 * The home page of work: what waits for the member, each a count leading to the filtered list. A
 * section the member may not see comes as null and is left out (policy-core's workQueueScope); the
 * incidents' card links to the register (features/incidents) by urgency.
 */
export function HomePage() {
  const { t } = useTranslation('home');
  const { queue, loaded, error, refetch } = useWorkQueue();
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {error && <ErrorAlert error={error} onRetry={refetch} />}
      {!loaded && !error && <Loading label={t('loading')} />}
      {queue && (
        <Stack gap="md">
          {nothingWaiting(queue) && (
            <Alert color="teal" variant="light" title={t('empty.title')}>
              {t('empty.body')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {queue.approvals && <ApprovalsSection approvals={queue.approvals} />}
            {queue.requests && <RequestsSection requests={queue.requests} />}
            {queue.inquiries && <InquiriesSection inquiries={queue.inquiries} />}
            {queue.ledgerVerification && <LedgerSection ledger={queue.ledgerVerification} />}
            {queue.incidents && <IncidentsSection incidents={queue.incidents} />}
          </SimpleGrid>
        </Stack>
      )}
    </>
  );
}

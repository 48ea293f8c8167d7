import { Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import {
  PurposesDocument,
  type DecisionBasisKind,
  type LedgerEntryFilter,
  type LedgerEntryKind,
  type LedgerOutcome,
} from '@steward/schema';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { DataTable } from '../../components/DataTable.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ExportButton } from '../exports/ExportButton.js';
import { ProviderPicker } from '../../components/pickers/ProviderPicker.js';
import { useCursorStack } from '../../components/use-cursor-stack.js';
import { useLocale } from '../../i18n/locale.js';
import { LedgerStatus } from '../ledger/LedgerStatus.js';
import { purposeTitle } from '../vocabulary/localized-title.js';
import { purposeKeyError } from '../vocabulary/purpose-keys.js';
import { ActivityChart } from './ActivityChart.js';
import { basisLabel } from './activity.js';
import { BASIS_KINDS, ledgerEntryColumns } from './ledger-entry-columns.js';
import { LEDGER_PAGE_SIZE, useLedgerActivity, useLedgerEntries, useRecipientNames } from './use-ledger-explorer.js';

const KINDS: LedgerEntryKind[] = ['COLLECTION', 'CONSENT', 'USE', 'PROVISION', 'DECISION'];
const OUTCOMES: LedgerOutcome[] = ['RECORDED', 'ALLOWED', 'DENIED'];
const ACTIVITY_DAYS = 30;
const OTHER_PURPOSE = '__other__';
/** A purpose key as an example (a code, the same in every language). */
const PURPOSE_KEY_EXAMPLE = 'INQUIRY_2026_0042';

/** Drops empty values, so the filter sent (and the paging reset key) only names what is set. */
function clean(filter: LedgerEntryFilter): LedgerEntryFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(([, v]) => v !== null && v !== undefined && v !== ''),
  ) as LedgerEntryFilter;
}

/** Issue 3's ledger explorer: every use, provision and decision (and collection and consent), filterable, with activity over time. */
export function LedgerExplorerPage() {
  const { t } = useTranslation('ledger-explorer');
  const { language } = useLocale();
  const [filter, setFilter] = useState<LedgerEntryFilter>({});
  const [otherPurpose, setOtherPurpose] = useState(false);
  const [purposeInput, setPurposeInput] = useState('');
  const [purposeError, setPurposeError] = useState<string | null>(null);
  const paging = useCursorStack(JSON.stringify(filter));
  const { entries, pageInfo, total, ...query } = useLedgerEntries(filter, paging.after);
  const activity = useLedgerActivity(ACTIVITY_DAYS);
  const recipients = useRecipientNames();
  const recipientName = new Map(recipients.map((r) => [r.id, r.name]));
  const [purposesResult] = useQuery({ query: PurposesDocument, variables: { includeRetired: true } });
  const purposes = purposesResult.data?.purposes ?? [];

  const any = t('filters.any');
  const actionName = (action: 'USE' | 'PROVIDE') =>
    action === 'USE' ? t('activity.USE.name') : t('activity.PROVIDE.name');
  const set = (patch: Partial<LedgerEntryFilter>) => setFilter((f) => clean({ ...f, ...patch }));

  // Decisions and provisions under an exception may name a purpose the policy does not state.
  function choosePurpose(value: string) {
    if (value === OTHER_PURPOSE) {
      setOtherPurpose(true);
      return;
    }
    setOtherPurpose(false);
    setPurposeError(null);
    set({ purposeKey: value || null });
  }

  function applyOtherPurpose(event: FormEvent) {
    event.preventDefault();
    const key = purposeInput.trim();
    const problem = purposeKeyError(key);
    setPurposeError(problem);
    if (!problem) set({ purposeKey: key });
  }

  function clearAll() {
    setOtherPurpose(false);
    setPurposeInput('');
    setPurposeError(null);
    setFilter({});
  }

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <>
            <ExportButton input={{ list: 'LEDGER_ENTRIES', ledgerEntries: filter }} />
            <Button variant="default" size="xs" onClick={query.refetch}>
              {t('refresh')}
            </Button>
          </>
        }
      />
      <Card withBorder radius="md" mb="md" padding="sm">
        <LedgerStatus />
      </Card>
      <ErrorAlert error={activity.error} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} mb="md">
        {(['USE', 'PROVIDE'] as const).map((action) => (
          <Card
            key={action}
            withBorder
            radius="md"
            component="section"
            aria-label={t('activity.section', { what: actionName(action) })}
          >
            <Title order={2} size="h5" mb="xs">
              {t('activity.days', { what: actionName(action), days: ACTIVITY_DAYS })}
            </Title>
            <Text size="xs" c="dimmed" mb="xs">
              {action === 'USE' ? t('activity.USE.explanation') : t('activity.PROVIDE.explanation')}
            </Text>
            {activity.activity ? (
              <ActivityChart
                from={activity.activity.from}
                to={activity.activity.to}
                buckets={activity.activity.buckets}
                action={action}
              />
            ) : (
              activity.fetching && (
                <Text size="sm" c="dimmed">
                  {t('activity.loading')}
                </Text>
              )
            )}
          </Card>
        ))}
      </SimpleGrid>

      <Card withBorder radius="md" mb="md" component="section" aria-label={t('filters.label')}>
        <Stack gap="xs">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <ProviderPicker
              label={t('filters.providerId')}
              size="xs"
              w={300}
              value={filter.providerId == null ? null : String(filter.providerId)}
              onChange={(id) => set({ providerId: id })}
            />
            <NativeSelect
              label={t('filters.recipient')}
              size="xs"
              value={filter.recipientId ?? ''}
              onChange={(e) => set({ recipientId: e.currentTarget.value || null })}
              data={[{ value: '', label: any }, ...recipients.map((r) => ({ value: r.id, label: r.name }))]}
            />
            <NativeSelect
              label={t('filters.purpose')}
              size="xs"
              value={otherPurpose ? OTHER_PURPOSE : (filter.purposeKey ?? '')}
              onChange={(e) => choosePurpose(e.currentTarget.value)}
              data={[
                { value: '', label: any },
                ...purposes.map((p) => ({ value: p.key, label: purposeTitle(p, language) })),
                { value: OTHER_PURPOSE, label: t('filters.otherPurpose') },
              ]}
            />
            {otherPurpose && (
              <form onSubmit={applyOtherPurpose} style={{ display: 'flex', gap: 8, alignItems: 'flex-end' }}>
                <TextInput
                  label={t('filters.purposeKey')}
                  size="xs"
                  w={200}
                  value={purposeInput}
                  error={purposeError}
                  onChange={(e) => setPurposeInput(e.currentTarget.value)}
                  placeholder={PURPOSE_KEY_EXAMPLE}
                />
                <Button type="submit" size="xs" variant="default">
                  {t('filters.applyKey')}
                </Button>
              </form>
            )}
            <NativeSelect
              label={t('filters.kind')}
              size="xs"
              value={filter.kind ?? ''}
              onChange={(e) => set({ kind: (e.currentTarget.value || null) as LedgerEntryKind | null })}
              data={[{ value: '', label: any }, ...KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))]}
            />
            <NativeSelect
              label={t('filters.outcome')}
              size="xs"
              value={filter.outcome ?? ''}
              onChange={(e) => set({ outcome: (e.currentTarget.value || null) as LedgerOutcome | null })}
              data={[{ value: '', label: any }, ...OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))]}
            />
            <NativeSelect
              label={t('filters.basis')}
              size="xs"
              value={filter.basisKind ?? ''}
              onChange={(e) => set({ basisKind: (e.currentTarget.value || null) as DecisionBasisKind | null })}
              data={[{ value: '', label: any }, ...BASIS_KINDS.map((b) => ({ value: b, label: basisLabel(t, b) }))]}
            />
            <Button
              size="xs"
              variant="subtle"
              onClick={clearAll}
              disabled={Object.keys(filter).length === 0 && !otherPurpose}
            >
              {t('filters.clear')}
            </Button>
          </Group>
        </Stack>
      </Card>

      <DataTable
        label={t('table')}
        columns={ledgerEntryColumns(t, recipientName, (key) => {
          const p = purposes.find((x) => x.key === key);
          return p ? purposeTitle(p, language) : undefined;
        })}
        rows={entries}
        empty={t('empty')}
        query={query}
        pagination={{ paging, pageInfo, total, pageSize: LEDGER_PAGE_SIZE }}
        minWidth={1000}
        verticalSpacing={6}
      />
    </>
  );
}

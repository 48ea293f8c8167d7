import { Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import {
  PurposesDocument,
  type DecisionBasisKind,
  type LedgerEntryFilter,
  type LedgerEntryKind,
  type LedgerOutcome,
} from '@steward/schema';
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { DataTable } from '../../components/DataTable.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCursorStack } from '../../components/use-cursor-stack.js';
import { LedgerStatus } from '../ledger/LedgerStatus.js';
import { purposeKeyError } from '../vocabulary/purpose-keys.js';
import { ACTION_LABEL } from './activity.js';
import { ActivityChart } from './ActivityChart.js';
import { BASIS_LABEL, ledgerEntryColumns } from './ledger-entry-columns.js';
import { useLedgerActivity, useLedgerEntries, useRecipientNames } from './use-ledger-explorer.js';

const KINDS: LedgerEntryKind[] = ['COLLECTION', 'CONSENT', 'USE', 'PROVISION', 'DECISION'];
const OUTCOMES: LedgerOutcome[] = ['RECORDED', 'ALLOWED', 'DENIED'];
const ACTIVITY_DAYS = 30;
const UUID = /^[0-9a-f-]{36}$/i;
const OTHER_PURPOSE = '__other__';

/** Drops empty values, so the filter sent (and the paging reset key) only names what is set. */
function clean(filter: LedgerEntryFilter): LedgerEntryFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(([, v]) => v !== null && v !== undefined && v !== ''),
  ) as LedgerEntryFilter;
}

/** Issue 3's ledger explorer: every use, provision and decision (and collection and consent), filterable, with activity over time. */
export function LedgerExplorerPage() {
  const [filter, setFilter] = useState<LedgerEntryFilter>({});
  const [providerInput, setProviderInput] = useState('');
  const [providerError, setProviderError] = useState<string | null>(null);
  const [otherPurpose, setOtherPurpose] = useState(false);
  const [purposeInput, setPurposeInput] = useState('');
  const [purposeError, setPurposeError] = useState<string | null>(null);
  const paging = useCursorStack(JSON.stringify(filter));
  const { entries, pageInfo, ...query } = useLedgerEntries(filter, paging.after);
  const activity = useLedgerActivity(ACTIVITY_DAYS);
  const recipients = useRecipientNames();
  const recipientName = new Map(recipients.map((r) => [r.id, r.name]));
  const [purposesResult] = useQuery({ query: PurposesDocument, variables: { includeRetired: true } });
  const purposes = purposesResult.data?.purposes ?? [];

  const set = (patch: Partial<LedgerEntryFilter>) => setFilter((f) => clean({ ...f, ...patch }));

  function applyProvider(event: FormEvent) {
    event.preventDefault();
    const value = providerInput.trim();
    if (value && !UUID.test(value)) {
      setProviderError('Enter a provider id');
      return;
    }
    setProviderError(null);
    set({ providerId: value || null });
  }

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
    setProviderInput('');
    setProviderError(null);
    setOtherPurpose(false);
    setPurposeInput('');
    setPurposeError(null);
    setFilter({});
  }

  return (
    <>
      <PageHeader
        title="Ledger entries"
        description="Every collection, consent change, use, provision and decision, newest first. Entries hold references and hashes, never personal values."
        actions={
          <>
            <Button variant="default" size="xs" onClick={query.refetch}>
              Refresh
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
          <Card key={action} withBorder radius="md" component="section" aria-label={`${ACTION_LABEL[action]} by basis`}>
            <Title order={2} size="h5" mb="xs">
              {ACTION_LABEL[action]} by basis, last {ACTIVITY_DAYS} days
            </Title>
            <Text size="xs" c="dimmed" mb="xs">
              {action === 'USE'
                ? 'Decisions to use data inside the organisation, by what allowed them (or denied).'
                : "Hand-overs to recipients: partners' reads and decisions to provide, by what allowed them (or denied)."}
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
                  Loading activity…
                </Text>
              )
            )}
          </Card>
        ))}
      </SimpleGrid>

      <Card withBorder radius="md" mb="md" component="section" aria-label="Filters">
        <Stack gap="xs">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <form onSubmit={applyProvider} style={{ display: 'flex', gap: 8, alignItems: 'flex-end' }}>
              <TextInput
                label="Provider id"
                size="xs"
                w={300}
                value={providerInput}
                error={providerError}
                onChange={(e) => setProviderInput(e.currentTarget.value)}
                placeholder="0196…"
              />
              <Button type="submit" size="xs" variant="default">
                Apply
              </Button>
            </form>
            <NativeSelect
              label="Recipient"
              size="xs"
              value={filter.recipientId ?? ''}
              onChange={(e) => set({ recipientId: e.currentTarget.value || null })}
              data={[{ value: '', label: 'Any' }, ...recipients.map((r) => ({ value: r.id, label: r.name }))]}
            />
            <NativeSelect
              label="Purpose"
              size="xs"
              value={otherPurpose ? OTHER_PURPOSE : (filter.purposeKey ?? '')}
              onChange={(e) => choosePurpose(e.currentTarget.value)}
              data={[
                { value: '', label: 'Any' },
                ...purposes.map((p) => ({ value: p.key, label: p.titleEn })),
                { value: OTHER_PURPOSE, label: 'Another purpose (not stated)…' },
              ]}
            />
            {otherPurpose && (
              <form onSubmit={applyOtherPurpose} style={{ display: 'flex', gap: 8, alignItems: 'flex-end' }}>
                <TextInput
                  label="Purpose key"
                  size="xs"
                  w={200}
                  value={purposeInput}
                  error={purposeError}
                  onChange={(e) => setPurposeInput(e.currentTarget.value)}
                  placeholder="INQUIRY_2026_0042"
                />
                <Button type="submit" size="xs" variant="default">
                  Apply key
                </Button>
              </form>
            )}
            <NativeSelect
              label="Kind"
              size="xs"
              value={filter.kind ?? ''}
              onChange={(e) => set({ kind: (e.currentTarget.value || null) as LedgerEntryKind | null })}
              data={[
                { value: '', label: 'Any' },
                ...KINDS.map((k) => ({ value: k, label: k.charAt(0) + k.slice(1).toLowerCase() })),
              ]}
            />
            <NativeSelect
              label="Outcome"
              size="xs"
              value={filter.outcome ?? ''}
              onChange={(e) => set({ outcome: (e.currentTarget.value || null) as LedgerOutcome | null })}
              data={[
                { value: '', label: 'Any' },
                ...OUTCOMES.map((o) => ({ value: o, label: o.charAt(0) + o.slice(1).toLowerCase() })),
              ]}
            />
            <NativeSelect
              label="Basis"
              size="xs"
              value={filter.basisKind ?? ''}
              onChange={(e) => set({ basisKind: (e.currentTarget.value || null) as DecisionBasisKind | null })}
              data={[
                { value: '', label: 'Any' },
                ...(Object.keys(BASIS_LABEL) as DecisionBasisKind[]).map((b) => ({ value: b, label: BASIS_LABEL[b] })),
              ]}
            />
            <Button
              size="xs"
              variant="subtle"
              onClick={clearAll}
              disabled={Object.keys(filter).length === 0 && !providerInput && !otherPurpose}
            >
              Clear filters
            </Button>
          </Group>
        </Stack>
      </Card>

      <DataTable
        label="Ledger entries"
        columns={ledgerEntryColumns(recipientName)}
        rows={entries}
        empty="No ledger entries match."
        query={query}
        pagination={{ paging, pageInfo }}
        minWidth={1000}
        verticalSpacing={6}
      />
    </>
  );
}

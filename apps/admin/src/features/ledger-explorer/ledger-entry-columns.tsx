import { Anchor, Badge, Text } from '@mantine/core';
import type { DecisionBasisKind, LedgerEntriesQuery, LedgerOutcome } from '@steward/schema';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { DataColumn } from '../../components/DataTable.js';
import { formatDateTime } from '../../components/format.js';
import { basisLabel } from './activity.js';

type Entry = LedgerEntriesQuery['ledgerEntries']['edges'][number]['node'];

export const BASIS_KINDS: readonly DecisionBasisKind[] = ['CONSENT', 'PUBLICLY_AVAILABLE', 'EXCEPTION'];

const OUTCOME_COLOR: Record<LedgerOutcome, string> = { RECORDED: 'gray', ALLOWED: 'teal', DENIED: 'red' };

const small = (text: string) => (
  <Text span size="xs">
    {text}
  </Text>
);
const smallMono = (text: string) => (
  <Text span size="xs" ff="monospace">
    {text}
  </Text>
);

/** The ledger explorer's columns (`t` of the `ledger-explorer` namespace); recipients are shown by name where known. */
export function ledgerEntryColumns(t: TFunction, recipientName: ReadonlyMap<string, string>): DataColumn<Entry>[] {
  const recipient = (e: Entry) => (e.recipientId ? (recipientName.get(e.recipientId) ?? e.recipientId) : '');
  const basis = (e: Entry) => {
    const label = e.basisKind ? basisLabel(t, e.basisKind) : '';
    return e.exceptionKind ? t('ledger-explorer:basis.withKind', { basis: label, kind: e.exceptionKind }) : label;
  };
  return [
    { id: 'sequence', header: '#', value: (e) => e.sequence, mono: true },
    {
      id: 'recordedAt',
      header: t('ledger-explorer:columns.time'),
      value: (e) => e.recordedAt,
      cell: (e) => formatDateTime(e.recordedAt),
      nowrap: true,
    },
    { id: 'kind', header: t('ledger-explorer:columns.kind'), value: (e) => e.kind, cell: (e) => smallMono(e.kind) },
    { id: 'actor', header: t('ledger-explorer:columns.actor'), value: (e) => e.actor, cell: (e) => small(e.actor) },
    {
      id: 'provider',
      header: t('ledger-explorer:columns.provider'),
      value: (e) => e.providerId,
      cell: (e) =>
        e.providerId && (
          <Anchor component={Link} to={`/providers/${encodeURIComponent(e.providerId)}`} size="xs" ff="monospace">
            {e.providerId.slice(0, 8)}…
          </Anchor>
        ),
    },
    {
      id: 'purpose',
      header: t('ledger-explorer:columns.purpose'),
      value: (e) => e.purposeKey,
      cell: (e) => smallMono(e.purposeKey ?? ''),
    },
    {
      id: 'recipient',
      header: t('ledger-explorer:columns.recipient'),
      value: recipient,
      cell: (e) => small(recipient(e)),
    },
    {
      id: 'categories',
      header: t('ledger-explorer:columns.categories'),
      value: (e) => e.categories.join(', '),
      cell: (e) => small(e.categories.join(', ')),
    },
    {
      id: 'outcome',
      header: t('ledger-explorer:columns.outcome'),
      value: (e) => e.outcome,
      cell: (e) => (
        <Badge size="sm" variant="light" color={OUTCOME_COLOR[e.outcome]}>
          {e.outcome}
        </Badge>
      ),
    },
    { id: 'basis', header: t('ledger-explorer:columns.basis'), value: basis, cell: (e) => small(basis(e)) },
  ];
}

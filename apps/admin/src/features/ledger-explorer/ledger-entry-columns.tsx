import { Anchor, Badge, Text } from '@mantine/core';
import type { DecisionBasisKind, LedgerEntriesQuery, LedgerOutcome } from '@steward/schema';
import { Link } from 'react-router';
import type { DataColumn } from '../../components/DataTable.js';
import { formatDateTime } from '../../components/format.js';

type Entry = LedgerEntriesQuery['ledgerEntries']['edges'][number]['node'];

export const BASIS_LABEL: Record<DecisionBasisKind, string> = {
  CONSENT: 'Consent',
  PUBLICLY_AVAILABLE: 'Publicly available',
  EXCEPTION: 'Permitted exception',
};
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

/** The ledger explorer's columns; recipients are shown by name where known. */
export function ledgerEntryColumns(recipientName: ReadonlyMap<string, string>): DataColumn<Entry>[] {
  const recipient = (e: Entry) => (e.recipientId ? (recipientName.get(e.recipientId) ?? e.recipientId) : '');
  const basis = (e: Entry) =>
    `${e.basisKind ? BASIS_LABEL[e.basisKind] : ''}${e.exceptionKind ? ` (${e.exceptionKind})` : ''}`;
  return [
    { id: 'sequence', header: '#', value: (e) => e.sequence, mono: true },
    {
      id: 'recordedAt',
      header: 'Time',
      value: (e) => e.recordedAt,
      cell: (e) => formatDateTime(e.recordedAt),
      nowrap: true,
    },
    { id: 'kind', header: 'Kind', value: (e) => e.kind, cell: (e) => smallMono(e.kind) },
    { id: 'actor', header: 'Actor', value: (e) => e.actor, cell: (e) => small(e.actor) },
    {
      id: 'provider',
      header: 'Provider',
      value: (e) => e.providerId,
      cell: (e) =>
        e.providerId && (
          <Anchor component={Link} to={`/providers/${encodeURIComponent(e.providerId)}`} size="xs" ff="monospace">
            {e.providerId.slice(0, 8)}…
          </Anchor>
        ),
    },
    { id: 'purpose', header: 'Purpose', value: (e) => e.purposeKey, cell: (e) => smallMono(e.purposeKey ?? '') },
    { id: 'recipient', header: 'Recipient', value: recipient, cell: (e) => small(recipient(e)) },
    {
      id: 'categories',
      header: 'Categories',
      value: (e) => e.categories.join(', '),
      cell: (e) => small(e.categories.join(', ')),
    },
    {
      id: 'outcome',
      header: 'Outcome',
      value: (e) => e.outcome,
      cell: (e) => (
        <Badge size="sm" variant="light" color={OUTCOME_COLOR[e.outcome]}>
          {e.outcome}
        </Badge>
      ),
    },
    { id: 'basis', header: 'Basis', value: basis, cell: (e) => small(basis(e)) },
  ];
}

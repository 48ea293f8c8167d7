import { Badge, Text } from '@mantine/core';
import type { DataCategory, DecisionBasisKind, LedgerEntriesQuery, LedgerOutcome } from '@steward/schema';
import type { TFunction } from 'i18next';
import { categoryLabel } from '../../components/categories.js';
import type { DataColumn } from '../../components/DataTable.js';
import { formatDateTime } from '../../components/format.js';
import { coreMessage } from '../../i18n/core-messages.js';
import { actorText } from '../names/actor-text.js';
import { ProviderRefLink } from '../names/ProviderRefLink.js';
import { basisLabel } from './activity.js';

type Entry = LedgerEntriesQuery['ledgerEntries']['edges'][number]['node'];

export const BASIS_KINDS: readonly DecisionBasisKind[] = ['CONSENT', 'PUBLICLY_AVAILABLE', 'EXCEPTION'];

const OUTCOME_COLOR: Record<LedgerOutcome, string> = { RECORDED: 'gray', ALLOWED: 'teal', DENIED: 'red' };

const small = (text: string) => (
  <Text span size="xs">
    {text}
  </Text>
);

/**
 * The ledger explorer's columns (`t` of the `ledger-explorer` namespace), in names: who acted (staff
 * by name and role, a recipient's or internal system by name), the provider by reference and name,
 * the purpose by its title, categories and kinds by their labels, an exception by its title.
 */
export function ledgerEntryColumns(
  t: TFunction,
  recipientName: ReadonlyMap<string, string>,
  purposeTitle: (key: string) => string | undefined,
): DataColumn<Entry>[] {
  const recipient = (e: Entry) => (e.recipientId ? (recipientName.get(e.recipientId) ?? e.recipientId) : '');
  const purpose = (e: Entry) => (e.purposeKey ? (purposeTitle(e.purposeKey) ?? e.purposeKey) : '');
  const categories = (e: Entry) =>
    e.categories.map((c) => categoryLabel(c as DataCategory)).join(t('ledger-explorer:separator'));
  const basis = (e: Entry) => {
    const label = e.basisKind ? basisLabel(t, e.basisKind) : '';
    if (e.exceptionTitle) return t('ledger-explorer:basis.withTitle', { basis: label, title: e.exceptionTitle });
    const kind = e.exceptionKind ? (coreMessage(`exceptionKind.${e.exceptionKind}`) ?? e.exceptionKind) : null;
    return kind ? t('ledger-explorer:basis.withKind', { basis: label, kind }) : label;
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
    {
      id: 'kind',
      header: t('ledger-explorer:columns.kind'),
      value: (e) => t(`ledger-explorer:kinds.${e.kind}`),
      cell: (e) => small(t(`ledger-explorer:kinds.${e.kind}`)),
    },
    {
      id: 'actor',
      header: t('ledger-explorer:columns.actor'),
      value: (e) => actorText(e.actedBy),
      cell: (e) => small(actorText(e.actedBy)),
    },
    {
      id: 'provider',
      header: t('ledger-explorer:columns.provider'),
      value: (e) => e.provider?.reference ?? '',
      cell: (e) => e.provider && <ProviderRefLink provider={e.provider} size="xs" />,
    },
    { id: 'purpose', header: t('ledger-explorer:columns.purpose'), value: purpose, cell: (e) => small(purpose(e)) },
    {
      id: 'recipient',
      header: t('ledger-explorer:columns.recipient'),
      value: recipient,
      cell: (e) => small(recipient(e)),
    },
    {
      id: 'categories',
      header: t('ledger-explorer:columns.categories'),
      value: categories,
      cell: (e) => small(categories(e)),
    },
    {
      id: 'outcome',
      header: t('ledger-explorer:columns.outcome'),
      value: (e) => t(`ledger-explorer:outcomes.${e.outcome}`),
      cell: (e) => (
        <Badge size="sm" variant="light" color={OUTCOME_COLOR[e.outcome]} tt="none">
          {t(`ledger-explorer:outcomes.${e.outcome}`)}
        </Badge>
      ),
    },
    { id: 'basis', header: t('ledger-explorer:columns.basis'), value: basis, cell: (e) => small(basis(e)) },
  ];
}

import { fromDbDate, fromDbJson } from '../common/sql/dialect.js';
import type { Row } from '../common/sql/statement.js';
import type {
  LedgerBasisKind,
  LedgerEntryKindValue,
  LedgerEntryType,
  LedgerOutcomeValue,
} from './ledger-explorer.type.js';

function basisKindOf(basis: Record<string, unknown> | null): LedgerBasisKind | null {
  if (!basis) return null;
  const kind = basis.kind;
  if (kind === 'CONSENT' || kind === 'PUBLICLY_AVAILABLE' || kind === 'EXCEPTION') return kind;
  return typeof basis.exceptionId === 'string' ? 'EXCEPTION' : null;
}

/** What an entry's stored basis says, as the explorer and the disclosure package show it. */
export function presentLedgerBasis(
  basis: Record<string, unknown> | null,
): Pick<LedgerEntryType, 'basisKind' | 'exceptionId' | 'exceptionKind' | 'basis'> {
  return {
    basisKind: basisKindOf(basis),
    exceptionId: typeof basis?.exceptionId === 'string' ? basis.exceptionId : null,
    exceptionKind: typeof basis?.exceptionKind === 'string' ? basis.exceptionKind : null,
    basis: basis === null ? null : JSON.stringify(basis),
  };
}

const parseJson = fromDbJson<unknown>;

export function presentLedgerEntry(row: Row): LedgerEntryType {
  const basis = (parseJson(row.basis) as Record<string, unknown> | null) ?? null;
  return {
    sequence: Number(row.sequence),
    id: String(row.id),
    recordedAt: fromDbDate(row.recorded_at),
    kind: String(row.kind) as LedgerEntryKindValue,
    actor: String(row.actor),
    providerId: (row.provider_id as string | null) ?? null,
    purposeKey: (row.purpose_key as string | null) ?? null,
    recipientId: (row.recipient_id as string | null) ?? null,
    categories: (parseJson(row.categories) as string[]) ?? [],
    outcome: String(row.outcome) as LedgerOutcomeValue,
    ...presentLedgerBasis(basis),
    policyVersion: Number(row.policy_version),
    hash: String(row.hash),
  };
}

import type { EntityManager } from '@mikro-orm/core';
import { badInput } from '../common/errors.js';
import {
  activityRows,
  ledgerEntryCountUpTo,
  ledgerEntryPage,
  type LedgerEntryPageFilter,
} from './ledger-explorer.queries.js';
import { TOTAL_COUNT_CAP, toTotal, withTotal } from '../common/connection.js';
import { pageSize, toKeysetPage } from '../common/pagination.js';
import { presentLedgerEntry } from './ledger-explorer.presenter.js';
import type {
  LedgerActivity,
  LedgerBasisKind,
  LedgerEntryConnection,
  LedgerEntryFilter,
  LedgerEntryKindValue,
  LedgerOutcomeValue,
} from './ledger-explorer.type.js';
import { isUuid } from '../common/ids.js';

const DAY_MS = 86_400_000;
const ACTIVITY_KINDS = ['USE', 'PROVISION', 'DECISION'] as const;
const CURSOR_PREFIX = 'l1:';

export function encodeSequenceCursor(sequence: number): string {
  return Buffer.from(CURSOR_PREFIX + sequence, 'utf8').toString('base64url');
}

export function decodeSequenceCursor(cursor: string): number {
  const decoded = cursor.length <= 100 ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const n = decoded.startsWith(CURSOR_PREFIX) ? Number(decoded.slice(CURSOR_PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw badInput('after', 'INVALID_FORMAT', 'Not a cursor from this list', '');
  return n;
}

/** Read-only views over the ledger for the explorer: keyset pages and activity counts, in lean SQL. */
export class LedgerExplorerService {
  constructor(private readonly em: EntityManager) {}

  async entries(first: number, after: string | null, filter: LedgerEntryFilter | null): Promise<LedgerEntryConnection> {
    const limit = pageSize(first);
    const page: LedgerEntryPageFilter = { rows: limit + 1 };
    if (after) page.beforeSequence = decodeSequenceCursor(after);
    for (const field of ['providerId', 'recipientId'] as const) {
      const value = filter?.[field];
      if (!value) continue;
      if (!isUuid(value)) throw badInput(`filter.${field}`, 'INVALID_FORMAT', 'Not an id', '');
      page[field] = value.toLowerCase();
    }
    if (filter?.purposeKey) page.purposeKey = filter.purposeKey;
    if (filter?.kind) page.kind = filter.kind;
    if (filter?.outcome) page.outcome = filter.outcome;
    if (filter?.basisKind) page.basisKind = filter.basisKind;
    const rows = await ledgerEntryPage(this.em, page);
    const { rows: _rows, beforeSequence: _before, ...countFilter } = page;
    return withTotal(
      toKeysetPage(rows, limit, after, presentLedgerEntry, (row) => encodeSequenceCursor(Number(row.sequence))),
      async () => toTotal(await ledgerEntryCountUpTo(this.em, countFilter, TOTAL_COUNT_CAP)),
    );
  }

  /** Uses, provisions and decisions per UTC day, basis kind and outcome over the last `days` days (today included). */
  async activity(days: number, now: Date): Promise<LedgerActivity> {
    if (!Number.isInteger(days) || days < 1 || days > 366)
      throw badInput('days', 'INVALID_FORMAT', 'Must be between 1 and 366', '');
    const today = Math.floor(now.getTime() / DAY_MS);
    const fromDay = today - days + 1;
    const rows = await activityRows(this.em, ACTIVITY_KINDS, new Date(fromDay * DAY_MS));
    const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
    return {
      from: iso(fromDay),
      to: iso(today),
      buckets: rows
        .filter((r) => Number(r.day) <= today)
        .map((r) => ({
          day: iso(Number(r.day)),
          kind: r.kind as LedgerEntryKindValue,
          basisKind: (r.basis_kind as LedgerBasisKind | null) ?? null,
          outcome: r.outcome as LedgerOutcomeValue,
          action: r.action === 'USE' || r.action === 'PROVIDE' ? r.action : null,
          count: Number(r.n),
        })),
    };
  }
}

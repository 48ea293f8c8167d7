import type { EntityManager } from '@mikro-orm/core';
import { badInput } from '../common/errors.js';
import { isSqlite, leanRows, toDbDate, type Row } from '../common/lean-sql.js';
import { pageSize } from '../common/pagination.js';
import { presentLedgerEntry } from './ledger-explorer.presenter.js';
import type {
  LedgerActivity,
  LedgerBasisKind,
  LedgerEntryConnection,
  LedgerEntryFilter,
  LedgerEntryKindValue,
  LedgerOutcomeValue,
} from './ledger-explorer.type.js';

const DAY_MS = 86_400_000;
const ACTIVITY_KINDS = ['USE', 'PROVISION', 'DECISION'] as const;
const CURSOR_PREFIX = 'l1:';
const UUID = /^[0-9a-f-]{36}$/i;

export function encodeSequenceCursor(sequence: number): string {
  return Buffer.from(CURSOR_PREFIX + sequence, 'utf8').toString('base64url');
}

export function decodeSequenceCursor(cursor: string): number {
  const decoded = cursor.length <= 100 ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const n = decoded.startsWith(CURSOR_PREFIX) ? Number(decoded.slice(CURSOR_PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw badInput('after', 'INVALID_FORMAT', 'Not a cursor from this list', '');
  return n;
}

/**
 * The basis kind of an entry, derived from its stored basis JSON (decisions store `kind`; provisions
 * store the exception they were made under). Derived in SQL, so no hashed content changes.
 */
function basisKindSql(em: EntityManager): string {
  return isSqlite(em)
    ? "coalesce(json_extract(basis, '$.kind'), case when json_extract(basis, '$.exceptionId') is not null then 'EXCEPTION' end)"
    : "coalesce(basis->>'kind', case when basis->>'exceptionId' is not null then 'EXCEPTION' end)";
}

/** USE or PROVIDE: provisions are hand-overs; decisions store the action they were asked about in their basis. */
function actionSql(em: EntityManager): string {
  const stored = isSqlite(em) ? "json_extract(basis, '$.action')" : "basis->>'action'";
  return `case kind when 'PROVISION' then 'PROVIDE' when 'USE' then 'USE' else ${stored} end`;
}

/** Read-only views over the ledger for the explorer: keyset pages and activity counts, in lean SQL. */
export class LedgerExplorerService {
  constructor(private readonly em: EntityManager) {}

  async entries(first: number, after: string | null, filter: LedgerEntryFilter | null): Promise<LedgerEntryConnection> {
    const limit = pageSize(first);
    const where: string[] = [];
    const params: unknown[] = [];
    if (after) {
      where.push('sequence < ?');
      params.push(decodeSequenceCursor(after));
    }
    for (const [field, column] of [
      ['providerId', 'provider_id'],
      ['recipientId', 'recipient_id'],
    ] as const) {
      const value = filter?.[field];
      if (!value) continue;
      if (!UUID.test(value)) throw badInput(`filter.${field}`, 'INVALID_FORMAT', 'Not an id', '');
      where.push(`${column} = ?`);
      params.push(value.toLowerCase());
    }
    if (filter?.purposeKey) {
      where.push('purpose_key = ?');
      params.push(filter.purposeKey);
    }
    if (filter?.kind) {
      where.push('kind = ?');
      params.push(filter.kind);
    }
    if (filter?.outcome) {
      where.push('outcome = ?');
      params.push(filter.outcome);
    }
    if (filter?.basisKind) {
      where.push(`${basisKindSql(this.em)} = ?`);
      params.push(filter.basisKind);
    }
    params.push(limit + 1);
    const rows = await leanRows<Row>(
      this.em,
      `select sequence, id, recorded_at, kind, actor, provider_id, purpose_key, recipient_id, categories, outcome, basis, policy_version, hash from ledger_entry` +
        `${where.length ? ` where ${where.join(' and ')}` : ''} order by sequence desc limit ?`,
      params,
    );
    const hasNextPage = rows.length > limit;
    const edges = rows
      .slice(0, limit)
      .map((row) => ({ cursor: encodeSequenceCursor(Number(row.sequence)), node: presentLedgerEntry(row) }));
    return {
      edges,
      pageInfo: {
        hasNextPage,
        hasPreviousPage: after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    };
  }

  /** Uses, provisions and decisions per UTC day, basis kind and outcome over the last `days` days (today included). */
  async activity(days: number, now: Date): Promise<LedgerActivity> {
    if (!Number.isInteger(days) || days < 1 || days > 366)
      throw badInput('days', 'INVALID_FORMAT', 'Must be between 1 and 366', '');
    const today = Math.floor(now.getTime() / DAY_MS);
    const fromDay = today - days + 1;
    const dayExpr = isSqlite(this.em)
      ? `cast(recorded_at / ${DAY_MS} as integer)`
      : `floor(extract(epoch from recorded_at) / 86400)`;
    const basisExpr = basisKindSql(this.em);
    const rows = await leanRows<{
      day: number | string;
      kind: string;
      basis_kind: string | null;
      outcome: string;
      action: string | null;
      n: number | string;
    }>(
      this.em,
      `select ${dayExpr} as day, kind, ${basisExpr} as basis_kind, outcome, ${actionSql(this.em)} as action, count(*) as n from ledger_entry` +
        ` where kind in (?, ?, ?) and recorded_at >= ? group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
      [...ACTIVITY_KINDS, toDbDate(this.em, new Date(fromDay * DAY_MS))],
    );
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

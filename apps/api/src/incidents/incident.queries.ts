import type { EntityManager } from '@mikro-orm/core';
import { dialectOf } from '../common/sql/dialect.js';
import { leanRows, leanRun, type Row } from '../common/sql/lean-sql.js';

// The incident register's hand-written statements: the five ways to select affected providers (ids
// only, nothing personal), the affected set itself (written in multi-row inserts: a category held by
// 100,000 people is 200 statements, not 100,000 ORM entities) and the disclosure package's read by
// provider.

/** Rows per insert into incident_provider (4 parameters each: well under both databases' limits). */
const INSERT_CHUNK = 500;

/** Which of `ids` are providers. */
export async function existingProviderIds(em: EntityManager, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await leanRows<{ id: string }>(em, {
    sql: 'select id from provider where id in (:ids)',
    params: { ids },
  });
  return rows.map((r) => r.id);
}

/** Providers by the organisation's references (e.g. membership numbers). */
export async function providersByReference(
  em: EntityManager,
  references: readonly string[],
): Promise<{ id: string; reference: string }[]> {
  const out: { id: string; reference: string }[] = [];
  // IN lists of at most 1,000: SQLite binds up to 32,766 parameters, PostgreSQL 65,535.
  for (let i = 0; i < references.length; i += 1000) {
    out.push(
      ...(await leanRows<{ id: string; reference: string }>(em, {
        sql: 'select id, reference from provider where reference in (:references)',
        params: { references: references.slice(i, i + 1000) },
      })),
    );
  }
  return out;
}

/** Everyone holding an item of `category`. */
export async function providersHoldingCategory(em: EntityManager, category: string): Promise<string[]> {
  const rows = await leanRows<{ provider_id: string }>(em, {
    sql: 'select distinct provider_id from personal_data_item where category = :category',
    params: { category },
  });
  return rows.map((r) => r.provider_id);
}

/** Everyone a PROVISION ledger entry records as provided (ALLOWED) to `recipientId` in [from, to). */
export async function providersProvidedTo(
  em: EntityManager,
  recipientId: string,
  from: Date,
  to: Date,
): Promise<string[]> {
  const d = dialectOf(em);
  const rows = await leanRows<{ provider_id: string }>(em, {
    sql: `select distinct provider_id from ledger_entry
          where recipient_id = :recipientId and kind = 'PROVISION' and outcome = 'ALLOWED'
            and provider_id is not null and recorded_at >= :from and recorded_at < :to`,
    params: { recipientId, from: d.toDbDate(from), to: d.toDbDate(to) },
  });
  return rows.map((r) => r.provider_id);
}

/** Whether a recipient exists. */
export async function recipientExists(em: EntityManager, id: string): Promise<boolean> {
  return (await leanRows(em, { sql: 'select id from recipient where id = :id', params: { id } })).length > 0;
}

/** The LIST_EXPORT job `id` as the selector needs it: its payload (which list) and status. */
export async function exportJobRow(em: EntityManager, id: string): Promise<{ payload: string; status: string } | null> {
  const [row] = await leanRows<{ payload: string; status: string }>(em, {
    sql: "select payload, status from job where id = :id and kind = 'LIST_EXPORT'",
    params: { id },
  });
  return row ?? null;
}

/** The providers an export's file named (export_provider, kept after the file is purged). */
export async function providersInExport(em: EntityManager, exportId: string): Promise<string[]> {
  const rows = await leanRows<{ provider_id: string }>(em, {
    sql: 'select provider_id from export_provider where export_id = :exportId',
    params: { exportId },
  });
  return rows.map((r) => r.provider_id);
}

/** References of the first providers of a set, in reference order (a preview's sample). */
export function providerReferencesOf(em: EntityManager, ids: readonly string[]): Promise<Row[]> {
  if (!ids.length) return Promise.resolve([]);
  return leanRows<Row>(em, {
    sql: 'select id, reference from provider where id in (:ids) order by reference',
    params: { ids },
  });
}

/** The incident's affected provider ids, sorted (what the ledger entries' hash commits to). */
export async function affectedProviderIds(em: EntityManager, incidentId: string): Promise<string[]> {
  const rows = await leanRows<{ provider_id: string }>(em, {
    sql: 'select provider_id from incident_provider where incident_id = :incidentId order by provider_id',
    params: { incidentId },
  });
  // Sorted here too: the databases' collations may differ, the hash must not.
  return rows.map((r) => r.provider_id).sort();
}

/** Adds providers to an incident (ids not yet linked only: the caller passes new ones). */
export async function insertAffected(
  em: EntityManager,
  incidentId: string,
  rows: readonly { providerId: string; selector: string }[],
  addedAt: Date,
): Promise<void> {
  const at = dialectOf(em).toDbDate(addedAt);
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    const params: Record<string, unknown> = { incidentId, at };
    const values = chunk.map((r, j) => {
      params[`p${j}`] = r.providerId;
      params[`s${j}`] = r.selector;
      return `(:incidentId, :p${j}, :at, :s${j})`;
    });
    await leanRun(em, {
      sql: `insert into incident_provider (incident_id, provider_id, added_at, selector) values ${values.join(', ')}`,
      params,
    });
  }
}

/** Removes providers from an incident. */
export async function deleteAffected(
  em: EntityManager,
  incidentId: string,
  providerIds: readonly string[],
): Promise<void> {
  for (let i = 0; i < providerIds.length; i += 1000) {
    await leanRun(em, {
      sql: 'delete from incident_provider where incident_id = :incidentId and provider_id in (:ids)',
      params: { incidentId, ids: providerIds.slice(i, i + 1000) },
    });
  }
}

/** A page of an incident's affected providers by id (keyset), with their references. */
export function affectedPage(
  em: EntityManager,
  incidentId: string,
  after: string | null,
  limit: number,
): Promise<Row[]> {
  return leanRows<Row>(em, {
    sql: `select p.id, p.reference from incident_provider ip join provider p on p.id = ip.provider_id
          where ip.incident_id = :incidentId${after ? ' and ip.provider_id > :after' : ''}
          order by ip.provider_id limit :limit`,
    params: after ? { incidentId, after, limit } : { incidentId, limit },
  });
}

/** How many providers an incident concerns. */
export async function affectedTotal(em: EntityManager, incidentId: string): Promise<number> {
  const [row] = await leanRows<{ n: number | string }>(em, {
    sql: 'select count(*) as n from incident_provider where incident_id = :incidentId',
    params: { incidentId },
  });
  return Number(row?.n ?? 0);
}

/** The ids of the incidents that concern a provider (the disclosure package). */
export async function incidentIdsOfProvider(em: EntityManager, providerId: string): Promise<string[]> {
  const rows = await leanRows<{ incident_id: string }>(em, {
    sql: 'select incident_id from incident_provider where provider_id = :providerId',
    params: { providerId },
  });
  return rows.map((r) => r.incident_id);
}

/** The ids of the incidents that concern the provider with `reference` (the register's filter). */
export async function incidentIdsOfProviderReference(em: EntityManager, reference: string): Promise<string[]> {
  const rows = await leanRows<{ incident_id: string }>(em, {
    sql: `select ip.incident_id from incident_provider ip join provider p on p.id = ip.provider_id
          where p.reference = :reference`,
    params: { reference },
  });
  return rows.map((r) => r.incident_id);
}

/** The highest reference of a year (`INC-2026-0042`), for the next one. */
export async function lastReferenceOfYear(em: EntityManager, prefix: string): Promise<string | null> {
  const [row] = await leanRows<{ reference: string }>(em, {
    // By length first: INC-2026-10000 comes after INC-2026-9999.
    sql: 'select reference from incident where reference like :pattern order by length(reference) desc, reference desc limit 1',
    params: { pattern: `${prefix}%` },
  });
  return row?.reference ?? null;
}

import type { EntityManager } from '@mikro-orm/core';
import { dialectOf, perDialect } from '../common/sql/dialect.js';
import { leanRows, type Row } from '../common/sql/lean-sql.js';

// What a disclosure package reads about one provider: one lean statement per kind of record (the
// package may hold tens of thousands of ledger entries; entities would cost more than the reads).
// Measured: ORM em.find 45× the CPU for a provider's items, 84× for their consent events on SQLite,
// 12× and 13× on PostgreSQL (bench/screens.js, 2026-12-07).

/** The provider row. */
export function providerRows(em: EntityManager, providerId: string): Promise<Row[]> {
  return leanRows<Row>(em, {
    sql: 'select id, reference, kind, language, created_at from provider where id = :providerId',
    params: { providerId },
  });
}

export function itemRows(em: EntityManager, providerId: string): Promise<Row[]> {
  return leanRows<Row>(em, {
    sql: 'select id, category, value_sealed, source_sealed, channel, collected_at, collection_id, publicly_available, public_provenance from personal_data_item where provider_id = :providerId order by collected_at desc, id desc',
    params: { providerId },
  });
}

export function collectionRows(em: EntityManager, providerId: string): Promise<Row[]> {
  return leanRows<Row>(em, {
    sql: 'select id, channel, consent_method, collected_at, policy_version, purposes, categories, source_sealed, note_sealed, receipt_id, receipt_hash from collection_record where provider_id = :providerId order by collected_at desc, id desc',
    params: { providerId },
  });
}

export function consentEventRows(em: EntityManager, providerId: string): Promise<Row[]> {
  return leanRows<Row>(em, {
    sql: 'select ce.id, pu.key as purpose_key, ce.action, ce.method, ce.policy_version, ce.occurred_at, ce.sequence, ce.receipt_id, ce.note_sealed from consent_event ce join purpose pu on pu.id = ce.purpose_id where ce.provider_id = :providerId order by ce.sequence',
    params: { providerId },
  });
}

export function providerRequestRows(em: EntityManager, providerId: string): Promise<Row[]> {
  return leanRows<Row>(em, {
    sql: 'select id, reference, kind, channel, status, received_at, due_at, completed_at from provider_request where provider_id = :providerId order by id',
    params: { providerId },
  });
}

export function itemChangeRows(em: EntityManager, providerId: string): Promise<Row[]> {
  return leanRows<Row>(em, {
    sql: 'select c.id, c.item_id, c.category, c.action, c.before_sealed, c.after_sealed, c.changed_at, c.changed_by_name, r.reference from data_item_change c left join provider_request r on r.id = c.request_id where c.provider_id = :providerId order by c.changed_at, c.id',
    params: { providerId },
  });
}

export function cessationRows(em: EntityManager, providerId: string): Promise<Row[]> {
  return leanRows<Row>(em, {
    sql: 'select c.id, c.action, c.purpose_key, c.recipient_id, c.since, c.recorded_by_name, r.reference from provider_cessation c left join provider_request r on r.id = c.request_id where c.provider_id = :providerId order by c.since, c.id',
    params: { providerId },
  });
}

const ledgerAboutSql = perDialect((d) => {
  const fields = [
    'sequence',
    'id',
    ['recordedAt', 'recorded_at'],
    'kind',
    'actor',
    ['purposeKey', 'purpose_key'],
    ['recipientId', 'recipient_id'],
    'outcome',
    ['policyVersion', 'policy_version'],
    'hash',
    'categories',
    'basis',
  ] as const;
  return `select ${d.jsonAsText(d.jsonList(fields, 'ledger_entry where provider_id = :providerId', 'sequence'))} as entries`;
});

/**
 * Every ledger entry about a provider, through its (provider_id, sequence) index, aggregated into
 * one JSON text by the database: one row crosses the driver instead of 10,000 (the per-row cost of
 * the driver dominated the package), and one native JSON.parse builds them all.
 */
export async function ledgerAboutText(em: EntityManager, providerId: string): Promise<string | null> {
  const [row] = await leanRows<{ entries: string | null }>(em, {
    sql: ledgerAboutSql(dialectOf(em)),
    params: { providerId },
  });
  return row?.entries ?? null;
}

export function recipientRows(
  em: EntityManager,
  ids: readonly string[],
): Promise<{ id: string; name: string; kind: string }[]> {
  return leanRows(em, {
    sql: 'select id, name, kind from recipient where id in (:ids) order by name',
    params: { ids },
  });
}

/** Who the ledger's actor references name: admins, partner keys (with their recipient's name), system keys. */
export function adminRows(em: EntityManager, ids: readonly string[]): Promise<Row[]> {
  return leanRows<Row>(em, {
    sql: 'select id, display_name, role from admin_user where id in (:ids)',
    params: { ids },
  });
}

export function partnerKeyRows(em: EntityManager, ids: readonly string[]): Promise<Row[]> {
  return leanRows<Row>(em, {
    sql: 'select c.id, r.name from partner_credential c join recipient r on r.id = c.recipient_id where c.id in (:ids)',
    params: { ids },
  });
}

export function systemKeyRows(em: EntityManager, ids: readonly string[]): Promise<Row[]> {
  return leanRows<Row>(em, {
    sql: 'select id, system_name from system_credential where id in (:ids)',
    params: { ids },
  });
}

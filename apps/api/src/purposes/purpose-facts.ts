import type { EntityManager } from '@mikro-orm/core';
import type { DataCategory } from '@steward/policy-core';
import { fromDbBoolean, fromDbJson } from '../common/sql/dialect.js';
import { leanRows } from '../common/sql/lean-sql.js';
import type { Purpose } from './purpose.entity.js';

/** What presenting and validating need of a purpose: the entity, or the same read as a plain row. */
export type PurposeFields = Pick<
  Purpose,
  | 'id'
  | 'key'
  | 'titleEn'
  | 'titleJa'
  | 'description'
  | 'descriptionJa'
  | 'categories'
  | 'introducedInVersion'
  | 'retired'
  | 'consentFromVersion'
>;

/** Every purpose, read with one lean query (no entities: the write paths only refer to them). */
export async function loadPurposeFacts(em: EntityManager): Promise<PurposeFields[]> {
  const rows = await leanRows<Record<string, unknown>>(em, {
    sql: 'select id, key, title_en, title_ja, description, description_ja, categories, introduced_in_version, retired, consent_from_version from purpose',
  });
  return rows.map((r) => ({
    id: r.id as string,
    key: r.key as string,
    titleEn: r.title_en as string,
    titleJa: r.title_ja as string,
    description: r.description as string,
    descriptionJa: (r.description_ja as string | null) ?? '',
    // JSON as text on SQLite, already parsed (jsonb) on PostgreSQL.
    categories: fromDbJson<DataCategory[]>(r.categories),
    introducedInVersion: Number(r.introduced_in_version),
    retired: fromDbBoolean(r.retired),
    consentFromVersion: Number(r.consent_from_version ?? 1),
  }));
}

/** A purpose's id by its key, or null. */
export async function purposeIdByKey(em: EntityManager, key: string): Promise<string | null> {
  const [row] = await leanRows<{ id: string }>(em, { sql: 'select id from purpose where key = :key', params: { key } });
  return row?.id ?? null;
}

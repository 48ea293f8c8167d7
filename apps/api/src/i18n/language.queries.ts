import type { EntityManager } from '@mikro-orm/core';
import { isLanguage, type Language } from '@steward/policy-core';
import { leanRows } from '../common/sql/lean-sql.js';

// The organisation's default language, one column of one row: read per request that needs it
// (i18n/language.ts), without loading and hydrating the whole organisation entity.

/** The organisation's `default_language`; null when there is no organisation yet. */
export async function organisationDefaultLanguage(em: EntityManager): Promise<Language | null> {
  const rows = await leanRows<{ default_language: string }>(em, {
    sql: 'select default_language from organisation order by created_at asc limit 1',
  });
  const language = rows[0]?.default_language;
  return isLanguage(language) ? language : null;
}

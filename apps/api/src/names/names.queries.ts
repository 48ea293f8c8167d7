import type { EntityManager } from '@mikro-orm/core';
import { leanRows, type Row } from '../common/sql/lean-sql.js';

// What a screen needs to name the things a record refers to, one statement per kind and page
// (names.service.ts batches a page's references): never one query per row.

export { adminRows, partnerKeyRows, systemKeyRows } from '../requests/disclosure.queries.js';

/** Providers' references (no personal value: their names are items, read by nameItemRows). */
export function providerReferenceRows(em: EntityManager, ids: readonly string[]): Promise<Row[]> {
  return leanRows<Row>(em, { sql: 'select id, reference from provider where id in (:ids)', params: { ids } });
}

/** Permitted exceptions' titles. */
export function exceptionTitleRows(em: EntityManager, ids: readonly string[]): Promise<Row[]> {
  return leanRows<Row>(em, { sql: 'select id, title from permitted_exception where id in (:ids)', params: { ids } });
}

import type { EntityManager } from '@mikro-orm/core';
import { BaseSqlitePlatform } from '@mikro-orm/knex';

// Lean SQL for the hot paths (DESIGN.md §5: most of the ORM's cost is statement building and
// hydration, not the database). Plain parameterised statements through the ORM's own connection,
// inside the caller's transaction when there is one. Everything else stays on the ORM.

export type Row = Record<string, unknown>;

export function isSqlite(em: EntityManager): boolean {
  return em.getPlatform() instanceof BaseSqlitePlatform;
}

/** Runs a select (inside the caller's transaction, if any) and returns plain rows. */
export function leanRows<T = Row>(em: EntityManager, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  return em.getConnection().execute<T[]>(sql, params as unknown[], 'all', em.getTransactionContext());
}

/** Runs a write (inside the caller's transaction, if any). */
export async function leanRun(em: EntityManager, sql: string, params: readonly unknown[] = []): Promise<void> {
  await em.getConnection().execute(sql, params as unknown[], 'run', em.getTransactionContext());
}

/** A date column as stored: epoch milliseconds on SQLite (as the ORM writes them), a Date on PostgreSQL. */
export function toDbDate(em: EntityManager, date: Date): unknown {
  return em.getPlatform().processDateProperty(date);
}

/** A date column as read (SQLite: epoch ms; PostgreSQL: text), hydrated the way the ORM does it. */
export function fromDbDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(value as string | number);
}

/** A boolean column as read (SQLite: 0/1; PostgreSQL: boolean). */
export function fromDbBoolean(value: unknown): boolean {
  return value === true || Number(value) === 1;
}

/** `?, ?, ?` for n parameters. */
export function placeholders(n: number): string {
  return new Array<string>(n).fill('?').join(', ');
}

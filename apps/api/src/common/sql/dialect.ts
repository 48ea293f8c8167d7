import type { EntityManager } from '@mikro-orm/core';
import { BaseSqlitePlatform } from '@mikro-orm/knex';

// The one place where SQL text differs between SQLite and PostgreSQL. A dialect is chosen once per
// ORM platform (dialectOf) and every hand-written statement (`*.queries.ts`, `*-facts.ts`) asks it
// for the pieces that differ instead of testing the database itself.

/** Columns stored as JSON: SQLite keeps them as text, which json() embeds as JSON rather than as a string. */
const JSON_COLUMNS = new Set(['evidence', 'purpose_keys', 'categories', 'provider_ids', 'basis']);

const DAY_MS = 86_400_000;

/** A column, or a `[key, column]` pair, of a JSON object built in SQL. */
export type JsonField = string | readonly [key: string, column: string];

const fieldPair = (f: JsonField): readonly [string, string] => (typeof f === 'string' ? [f, f] : f);

export interface Dialect {
  readonly name: 'sqlite' | 'postgresql';
  /** `json_object` / `json_build_object`. */
  readonly jsonObject: string;
  /** An empty JSON array as an SQL expression. */
  readonly emptyJsonArray: string;
  /** Whether an INSERT can be a CTE of another statement (PostgreSQL's data-modifying WITH: several tables in one atomic round trip). */
  readonly insertInWith: boolean;
  /** Write transactions worth running at once (SQLite has one writer; PostgreSQL commits a few in parallel). */
  readonly writers: number;
  /** What follows a `select … limit n` that claims rows (a job): PostgreSQL skips rows another claim holds; SQLite has one writer. */
  readonly skipLocked: string;
  /** What opens a lean transaction (SQLite takes its write lock up front: a group never fails half-way on a busy lock). */
  readonly begin: string;
  /**
   * One row's columns as a JSON object's `'name', column` pairs (JSON columns embedded as JSON); a
   * `[key, column]` pair names the key.
   */
  jsonFields(columns: readonly JsonField[]): string;
  /** The rows `from` (a table with its where clause, or a subquery with an alias) as a JSON array in `order`; `[]` when none. */
  jsonList(columns: readonly JsonField[], from: string, order: string): string;
  /** A JSON expression as text (PostgreSQL: one JSON.parse on our side instead of the driver's per value). */
  jsonAsText(expression: string): string;
  /** The text of a JSON column's top-level `key` (`json_extract(c, '$.key')` / `c->>'key'`). */
  jsonText(column: string, key: string): string;
  /** A date column as whole UTC days since the epoch. */
  dayBucket(column: string): string;
  /** The number of rows where a boolean column is true (`sum(…)` of 0/1 on SQLite). */
  countTrue(column: string): string;
  /** The n-th (1-based) positional placeholder the driver binds. */
  placeholder(n: number): string;
  /** A date as its column stores it: epoch milliseconds on SQLite (as the ORM writes them), a Date on PostgreSQL. */
  toDbDate(date: Date): unknown;
  /** A boolean as its column stores it (SQLite: 0/1). */
  toDbBoolean(value: boolean): unknown;
  /** A JSON column's value as read: SQLite gives its text (parsed here), PostgreSQL the parsed value (kept, even a string). */
  fromJsonColumn(value: unknown): unknown;
}

/** A date column as read (SQLite: epoch ms; PostgreSQL: a Date, or text inside JSON), hydrated the way the ORM does it. */
export function fromDbDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(value as string | number);
}

/** A boolean column as read (SQLite: 0/1; PostgreSQL: boolean). */
export function fromDbBoolean(value: unknown): boolean {
  return value === true || Number(value) === 1;
}

/** A JSON value as the driver returns it: text on SQLite (and for aggregated JSON), parsed on PostgreSQL. */
export function fromDbJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

const sqlite: Dialect = {
  name: 'sqlite',
  jsonObject: 'json_object',
  emptyJsonArray: 'json_array()',
  begin: 'begin immediate',
  skipLocked: '',
  insertInWith: false,
  writers: 1,
  jsonFields: (columns) =>
    columns
      .map(fieldPair)
      .map(([k, c]) => `'${k}', ${JSON_COLUMNS.has(c) ? `json(${c})` : c}`)
      .join(', '),
  jsonList: (columns, from, order) =>
    `(select json_group_array(json_object(${sqlite.jsonFields(columns)})) from (select * from ${from} order by ${order}))`,
  jsonAsText: (expression) => expression,
  jsonText: (column, key) => `json_extract(${column}, '$.${key}')`,
  dayBucket: (column) => `cast(${column} / ${DAY_MS} as integer)`,
  countTrue: (column) => `sum(${column})`,
  placeholder: () => '?',
  toDbDate: (date) => date.getTime(),
  toDbBoolean: (value) => (value ? 1 : 0),
  fromJsonColumn: (value) => (typeof value === 'string' ? JSON.parse(value) : value),
};

const postgresql: Dialect = {
  name: 'postgresql',
  jsonObject: 'json_build_object',
  emptyJsonArray: "'[]'::json",
  begin: 'begin',
  skipLocked: ' for update skip locked',
  insertInWith: true,
  writers: 4,
  jsonFields: (columns) =>
    columns
      .map(fieldPair)
      .map(([k, c]) => `'${k}', ${c}`)
      .join(', '),
  jsonList: (columns, from, order) =>
    `(select coalesce(json_agg(json_build_object(${postgresql.jsonFields(columns)}) order by ${order}), '[]'::json) from ${from})`,
  jsonAsText: (expression) => `(${expression})::text`,
  jsonText: (column, key) => `${column}->>'${key}'`,
  dayBucket: (column) => `floor(extract(epoch from ${column}) / 86400)`,
  countTrue: (column) => `sum(case when ${column} then 1 else 0 end)`,
  placeholder: (n) => `$${n}`,
  toDbDate: (date) => date,
  toDbBoolean: (value) => value,
  fromJsonColumn: (value) => value,
};

export const DIALECTS = { sqlite, postgresql } as const;

/** The dialect of the database behind `em` (SQLite for every SQLite-family platform, PostgreSQL otherwise). */
export function dialectOf(em: EntityManager): Dialect {
  return em.getPlatform() instanceof BaseSqlitePlatform ? sqlite : postgresql;
}

/**
 * A statement text built once per dialect (lazily), so hot paths pay for building it once and hand
 * the driver the same text every time (same text → same prepared statement).
 */
export function perDialect(build: (d: Dialect) => string): (d: Dialect) => string {
  const texts: Partial<Record<Dialect['name'], string>> = {};
  return (d) => (texts[d.name] ??= build(d));
}

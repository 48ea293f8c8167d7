// Facts read as one JSON value per statement: each fact is a scalar subquery that aggregates its
// rows as JSON, so a hot path reads what it needs in one round trip (on PostgreSQL every statement is
// one; bench/README.md). The two dialects differ only in their JSON functions.

/** Columns stored as JSON: SQLite keeps them as text, which json() embeds as JSON rather than as a string. */
const JSON_COLUMNS = new Set(['evidence', 'purpose_keys', 'categories', 'provider_ids']);

export interface JsonFactsSql {
  /** `json_object` / `json_build_object`. */
  obj: string;
  /** One row's columns as an object: `'name', column` pairs. */
  fields: (columns: readonly string[]) => string;
  /** The rows `from` (a table with its where clause, or a subquery with an alias) as a JSON array in `order`; `[]` when none. */
  list: (columns: readonly string[], from: string, order: string) => string;
}

export function jsonFactsSql(sqlite: boolean): JsonFactsSql {
  const obj = sqlite ? 'json_object' : 'json_build_object';
  const fields = (columns: readonly string[]) =>
    columns.map((c) => `'${c}', ${sqlite && JSON_COLUMNS.has(c) ? `json(${c})` : c}`).join(', ');
  const list = (columns: readonly string[], from: string, order: string) =>
    sqlite
      ? `(select json_group_array(${obj}(${fields(columns)})) from (select * from ${from} order by ${order}))`
      : `(select coalesce(json_agg(${obj}(${fields(columns)}) order by ${order}), '[]'::json) from ${from})`;
  return { obj, fields, list };
}

/** A JSON value as the driver returns it: text on SQLite, parsed on PostgreSQL. */
export const parsedJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

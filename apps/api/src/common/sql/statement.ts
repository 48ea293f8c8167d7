import type { Dialect } from './dialect.js';

/** A row as the driver returns it. */
export type Row = Record<string, unknown>;

/**
 * A hand-written statement: SQL text with named parameters (`:providerId`) and their values by
 * name. A name may appear several times; a value that is an array is expanded into a list
 * (`in (:ids)` → `in (?, ?, ?)`). Nothing depends on the order of the values, so a statement cannot
 * bind one parameter in another's place.
 */
export interface Query {
  sql: string;
  params?: Readonly<Record<string, unknown>>;
}

/** What the driver gets: the dialect's positional placeholders and the values in their order. */
export interface CompiledQuery {
  text: string;
  values: unknown[];
}

interface Parsed {
  /** Text between the parameters (one more than `names`). */
  parts: string[];
  names: string[];
  /** The text with one placeholder per parameter (used when no value is a list). */
  text: string;
  /** Texts by list lengths, for statements with list parameters. */
  lists?: Map<string, string>;
}

/** Parsed texts per dialect: hot paths compile the same text every time (bounded: IN lists vary). */
const parsedTexts = { sqlite: new Map<string, Parsed>(), postgresql: new Map<string, Parsed>() };
const MAX_PARSED = 1000;

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * Splits `sql` at its `:name` parameters, skipping single-quoted literals, double-quoted
 * identifiers and PostgreSQL's `::type` casts. A bare `?` or `$1` is refused: every parameter has a name.
 */
export function parseNamed(sql: string): { parts: string[]; names: string[] } {
  const parts: string[] = [];
  const names: string[] = [];
  let start = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      if (end < 0) throw new Error(`Unterminated ${c} in SQL: ${sql}`);
      i = end;
    } else if (c === ':') {
      if (sql[i + 1] === ':') {
        i++;
        continue;
      }
      if (!NAME_START.test(sql[i + 1] ?? '')) continue;
      let end = i + 1;
      while (end < sql.length && NAME_CHAR.test(sql[end]!)) end++;
      parts.push(sql.slice(start, i));
      names.push(sql.slice(i + 1, end));
      start = end;
      i = end - 1;
    } else if (c === '?' || (c === '$' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      throw new Error(`Positional parameter in SQL (name it, e.g. :id): ${sql}`);
    }
  }
  parts.push(sql.slice(start));
  return { parts, names };
}

function parsed(dialect: Dialect, sql: string): Parsed {
  const cache = parsedTexts[dialect.name];
  let p = cache.get(sql);
  if (!p) {
    const { parts, names } = parseNamed(sql);
    let text = parts[0]!;
    for (let i = 0; i < names.length; i++) text += dialect.placeholder(i + 1) + parts[i + 1]!;
    p = { parts, names, text };
    if (cache.size < MAX_PARSED) cache.set(sql, p);
  }
  return p;
}

/** `query` in the dialect's positional form; a missing parameter is an error (undefined never binds silently). */
export function compile(dialect: Dialect, query: Query): CompiledQuery {
  const p = parsed(dialect, query.sql);
  const params = query.params ?? {};
  const values: unknown[] = new Array(p.names.length);
  let lists = false;
  for (let i = 0; i < p.names.length; i++) {
    const name = p.names[i]!;
    const value = params[name];
    if (value === undefined && !(name in params)) throw new Error(`Missing SQL parameter :${name}`);
    if (Array.isArray(value)) lists = true;
    values[i] = value;
  }
  if (!lists) return { text: p.text, values };
  // A list parameter: one placeholder per element (an empty list would be invalid SQL). Texts are
  // kept per list lengths, so a repeated shape is not rebuilt.
  let shape = '';
  const flat: unknown[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (Array.isArray(value)) {
      if (!value.length) throw new Error(`Empty list for SQL parameter :${p.names[i]}`);
      shape += `${i}:${value.length},`;
      for (const v of value) flat.push(v);
    } else flat.push(value);
  }
  let text = p.lists?.get(shape);
  if (text === undefined) {
    text = p.parts[0]!;
    let n = 0;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      const count = Array.isArray(value) ? value.length : 1;
      const marks: string[] = [];
      for (let k = 0; k < count; k++) marks.push(dialect.placeholder(++n));
      text += (Array.isArray(value) ? marks.join(', ') : marks[0]!) + p.parts[i + 1]!;
    }
    p.lists ??= new Map();
    if (p.lists.size < 100) p.lists.set(shape, text);
  }
  return { text, values: flat };
}

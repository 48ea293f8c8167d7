import { Field, InputType, registerEnumType, type ClassType } from 'type-graphql';
import { badInput } from './errors.js';

/** Ascending or descending, for every list's `sort` argument. */
export const SortDirectionEnum = { ASC: 'ASC', DESC: 'DESC' } as const;
export type SortDirection = keyof typeof SortDirectionEnum;

registerEnumType(SortDirectionEnum, {
  name: 'SortDirection',
  description: 'The order of a sorted list.',
  valuesConfig: {
    ASC: { description: 'Smallest first: A → Z, oldest first, lowest first.' },
    DESC: { description: 'Largest first: Z → A, newest first, highest first.' },
  },
});

/** A sort key as a cursor carries it: text, a number or a time (as epoch milliseconds). */
export type SortKey = string | number | null;

/** A keyset position under one sort: the last row's sort key and its id (the tie-breaker). */
export interface SortPosition {
  key: SortKey;
  id: string;
}

const SORT_CURSOR_PREFIX = 'k1:';

/**
 * Opaque cursors of a sorted list: the sort they belong to, the row's sort key and its id. A page after
 * it is every row past (key, id) in the sort's order, so no row is skipped or repeated whatever the
 * key's ties, and a cursor handed to a list sorted otherwise is refused instead of misread.
 */
export function encodeSortCursor(sort: string, key: SortKey, id: string): string {
  return Buffer.from(SORT_CURSOR_PREFIX + JSON.stringify([sort, key, id]), 'utf8').toString('base64url');
}

export function decodeSortCursor(cursor: string, sort: string, field = 'after'): SortPosition {
  const decoded = cursor.length <= 600 ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  let parsed: unknown = null;
  if (decoded.startsWith(SORT_CURSOR_PREFIX)) {
    try {
      parsed = JSON.parse(decoded.slice(SORT_CURSOR_PREFIX.length));
    } catch {
      parsed = null;
    }
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === 3 &&
    parsed[0] === sort &&
    (parsed[1] === null || typeof parsed[1] === 'string' || typeof parsed[1] === 'number') &&
    typeof parsed[2] === 'string' &&
    /^[0-9a-f-]{36}$/.test(parsed[2])
  ) {
    return { key: parsed[1] as SortKey, id: parsed[2] };
  }
  throw badInput(field, 'INVALID_FORMAT', 'Not a cursor from this list in this order', '');
}

/** The SQL comparison that continues a keyset walk in this direction (`>` ascending, `<` descending). */
export const keysetOperator = (direction: SortDirection): '>' | '<' => (direction === 'ASC' ? '>' : '<');

/** What a list's `sort` argument holds: one of its sortable fields and a direction. */
export interface Sort<F extends string> {
  field: F;
  direction: SortDirection;
}

/**
 * A list's sort input, `<Name>Sort { field: <Name>SortField! direction: SortDirection! }`, over an enum of its
 * sortable fields (registered here with their descriptions). One factory instead of a pair per list.
 */
export function SortInput<const F extends string>(
  name: string,
  fields: { [K in F]: string },
  what: string,
): ClassType<Sort<F>> & { fieldEnum: { [K in F]: K } } {
  const fieldEnum = Object.fromEntries(Object.keys(fields).map((k) => [k, k])) as { [K in F]: K };
  registerEnumType(fieldEnum, {
    name: `${name}SortField`,
    description: `What ${what} can be sorted by.`,
    valuesConfig: Object.fromEntries(Object.entries(fields).map(([k, d]) => [k, { description: d as string }])) as {
      [K in F]?: { description: string };
    },
  });

  @InputType(`${name}Sort`, { description: `The order of ${what}: a field and a direction.` })
  class SortType implements Sort<F> {
    static fieldEnum = fieldEnum;

    @Field(() => fieldEnum, { description: 'The field to sort by; ties are broken by the id, in the same direction.' })
    field!: F;

    @Field(() => SortDirectionEnum, { defaultValue: 'ASC', description: 'Ascending or descending.' })
    direction!: SortDirection;
  }
  return SortType;
}

import { Field, ObjectType } from 'type-graphql';
import { badInput } from './errors.js';

@ObjectType({ description: 'Relay-style page information; pages are keyset-based, never offsets.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow this page (ask again with `after: endCursor`).' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when this page was asked for with a cursor (items came before it).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The first item's cursor; null on an empty page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "The last item's cursor; null on an empty page." })
  endCursor!: string | null;
}

const CURSOR_PREFIX = 'c1:';

/** Opaque cursors: the client must not build or parse them. */
export function encodeCursor(id: string): string {
  return Buffer.from(CURSOR_PREFIX + id, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): string {
  const decoded = cursor.length <= 200 ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const id = decoded.startsWith(CURSOR_PREFIX) ? decoded.slice(CURSOR_PREFIX.length) : '';
  if (!/^[0-9a-f-]{36}$/.test(id)) throw badInput(field, 'INVALID_FORMAT', 'Not a cursor from this list', '');
  return id;
}

export function pageSize(first: number, max = 100, field = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw badInput(field, 'INVALID_FORMAT', `Must be between 1 and ${max}`, '');
  }
  return first;
}

/** Build a page from `limit + 1` rows fetched in order; the extra row only says whether there is more. */
export function toPage<T extends { id: string }, N>(
  rows: T[],
  limit: number,
  after: string | null,
  map: (row: T) => N,
) {
  return toKeysetPage(rows, limit, after, map, (row) => encodeCursor(row.id));
}

/** `toPage` for a list whose cursor is not the row's id (e.g. the ledger's sequence). */
export function toKeysetPage<T, N>(
  rows: T[],
  limit: number,
  after: string | null,
  map: (row: T) => N,
  cursorOf: (row: T) => string,
) {
  const hasNextPage = rows.length > limit;
  const pageRows = hasNextPage ? rows.slice(0, limit) : rows;
  const edges = pageRows.map((row) => ({ cursor: cursorOf(row), node: map(row) }));
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

import type { CombinedError, UseQueryExecute } from 'urql';
import type { ListTotal } from './CursorPagination.js';

/**
 * One page of a connection as a list screen reads it: its nodes, its page info, its total (when the
 * operation asks for `totalCount`), the query's state, and a refetch that asks the server (for lists that grow
 * all the time, like the audit log and the ledger).
 */
export function connectionPage<Node, PageInfo>(
  connection: ({ edges: readonly { node: Node }[]; pageInfo: PageInfo } & Partial<ListTotal>) | undefined,
  result: { fetching: boolean; error?: CombinedError | undefined },
  reexecute: UseQueryExecute,
) {
  return {
    entries: connection?.edges.map((e) => e.node) ?? [],
    pageInfo: connection?.pageInfo ?? null,
    total: listTotal(connection),
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

/** The connection's total, or null when the operation did not ask for it. */
export function listTotal(connection: Partial<ListTotal> | null | undefined): ListTotal | null {
  return connection && typeof connection.totalCount === 'number'
    ? { totalCount: connection.totalCount, totalCountCapped: Boolean(connection.totalCountCapped) }
    : null;
}

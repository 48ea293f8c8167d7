import type { CombinedError, UseQueryExecute } from 'urql';

/**
 * One page of a connection as a list screen reads it: its nodes, its page info, the query's state,
 * and a refetch that asks the server (for lists that grow all the time, like the audit log and the ledger).
 */
export function connectionPage<Node, PageInfo>(
  connection: { edges: readonly { node: Node }[]; pageInfo: PageInfo } | undefined,
  result: { fetching: boolean; error?: CombinedError | undefined },
  reexecute: UseQueryExecute,
) {
  return {
    entries: connection?.edges.map((e) => e.node) ?? [],
    pageInfo: connection?.pageInfo ?? null,
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

import { AuditLogDocument, type AuditLogQueryVariables } from '@steward/schema';
import { useQuery } from 'urql';

export const AUDIT_PAGE_SIZE = 50;

export function useAuditLog(providerId: string | null, after: string | null) {
  const variables: AuditLogQueryVariables = { first: AUDIT_PAGE_SIZE, after, ...(providerId ? { providerId } : {}) };
  // Every page view of the audit log is itself fresh: entries are appended all the time.
  const [result, reexecute] = useQuery({ query: AuditLogDocument, variables, requestPolicy: 'cache-and-network' });
  const connection = result.data?.auditLog;
  return {
    entries: connection?.edges.map((e) => e.node) ?? [],
    pageInfo: connection?.pageInfo ?? null,
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

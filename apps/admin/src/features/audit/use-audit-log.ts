import {
  AuditActorsDocument,
  AuditLogDocument,
  type AuditLogFilter,
  type AuditLogQueryVariables,
} from '@steward/schema';
import { useQuery } from 'urql';
import { connectionPage } from '../../components/connection-page.js';
import type { TableSort } from '../../components/DataTable.js';

export const AUDIT_PAGE_SIZE = 50;

export function useAuditLog(filter: AuditLogFilter, sort: TableSort, after: string | null) {
  const variables: AuditLogQueryVariables = {
    first: AUDIT_PAGE_SIZE,
    after,
    filter,
    sort: { field: 'AT', direction: sort.direction },
  };
  // Every page view of the audit log is itself fresh: entries are appended all the time.
  const [result, reexecute] = useQuery({ query: AuditLogDocument, variables, requestPolicy: 'cache-and-network' });
  return connectionPage(result.data?.auditLog, result, reexecute);
}

/** The staff the log can be filtered by, by name and role. */
export function useAuditActors() {
  const [result] = useQuery({ query: AuditActorsDocument });
  return result.data?.auditActors ?? [];
}

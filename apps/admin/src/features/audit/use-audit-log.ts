import { AuditLogDocument, type AuditLogQueryVariables } from '@steward/schema';
import { useQuery } from 'urql';
import { connectionPage } from '../../components/connection-page.js';

export const AUDIT_PAGE_SIZE = 50;

export function useAuditLog(providerId: string | null, after: string | null) {
  const variables: AuditLogQueryVariables = { first: AUDIT_PAGE_SIZE, after, ...(providerId ? { providerId } : {}) };
  // Every page view of the audit log is itself fresh: entries are appended all the time.
  const [result, reexecute] = useQuery({ query: AuditLogDocument, variables, requestPolicy: 'cache-and-network' });
  return connectionPage(result.data?.auditLog, result, reexecute);
}

import { useSearchParams } from 'react-router';
import { AuditLogPage } from '../features/audit/AuditLogPage.js';
import { useCanWrite } from '../features/session/session-context.js';
import { ReadOnlyNotice } from './read-only.js';

export function AuditRoute() {
  const [params] = useSearchParams();
  // The API keeps the audit trail to owners and privacy officers.
  if (!useCanWrite()) return <ReadOnlyNotice reason="audit" />;
  return <AuditLogPage providerId={params.get('providerId')} />;
}

import { useSearchParams } from 'react-router';
import { AuditLogPage } from '../features/audit/AuditLogPage.js';

export function AuditRoute() {
  const [params] = useSearchParams();
  return <AuditLogPage providerId={params.get('providerId')} />;
}

import type { AuditEntry } from './audit-entry.entity.js';
import type { AuditEntryType } from './audit.type.js';

export function presentAuditEntry(e: AuditEntry): AuditEntryType {
  return {
    id: e.id,
    at: e.at,
    actor: e.actorLabel,
    action: e.action,
    entityType: e.entityType,
    entityId: e.subject,
    providerIds: e.providerIds,
    detail: e.detail ? JSON.stringify(e.detail) : null,
  };
}

import type { AdminRole } from '@steward/policy-core';
import type { AuditEntry } from './audit-entry.entity.js';
import type { AuditDetailFieldType, AuditEntryType } from './audit.type.js';

/** What a page knows of the names an entry points at (audit.queries.ts's auditSubjectNames). */
export interface AuditNames {
  providers: Map<string, string>;
  staff: Map<string, string>;
}

/** The entry as read from the log: the entity's fields, and the actor's name and role where staff acted. */
export type AuditEntryRecord = Pick<
  AuditEntry,
  'id' | 'at' | 'actorId' | 'actorLabel' | 'action' | 'entityType' | 'subject' | 'providerIds' | 'detail'
> & { actorName?: string | null; actorRole?: AdminRole | null };

function detailText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(detailText).join(', ');
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${detailText(v)}`)
      .join('; ');
  return String(value);
}

/** The detail JSON as key/value pairs in the order written. */
export function detailFields(detail: Record<string, unknown> | null): AuditDetailFieldType[] {
  return detail ? Object.entries(detail).map(([key, value]) => ({ key, value: detailText(value) })) : [];
}

export function presentAuditEntry(e: AuditEntryRecord, names?: AuditNames): AuditEntryType {
  const subjectName =
    e.subject === null
      ? null
      : e.entityType === 'Provider'
        ? (names?.providers.get(e.subject) ?? null)
        : e.entityType === 'AdminUser'
          ? (names?.staff.get(e.subject) ?? null)
          : null;
  return {
    id: e.id,
    at: e.at,
    actor: e.actorLabel,
    actorId: e.actorId,
    actorName: e.actorName ?? null,
    actorRole: e.actorRole ?? null,
    action: e.action,
    entityType: e.entityType,
    entityId: e.subject,
    subjectName,
    providerIds: e.providerIds,
    providers: e.providerIds.map((id) => ({ id, reference: names?.providers.get(id) ?? null })),
    detail: e.detail ? JSON.stringify(e.detail) : null,
    detailFields: detailFields(e.detail),
  };
}

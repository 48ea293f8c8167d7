import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection.js';
import { PageInfo } from '../common/pagination.js';
import type { AuditEntry } from './audit-entry.entity.js';

@ObjectType('AuditEntry', { description: 'Who changed or read what, and when. Holds no personal values.' })
export class AuditEntryType {
  @Field(() => ID) id!: string;
  @Field(() => Date) at!: Date;
  @Field(() => String) actor!: string;
  @Field(() => String) action!: string;
  @Field(() => String) entityType!: string;
  @Field(() => String, { nullable: true }) entityId!: string | null;
  @Field(() => [ID]) providerIds!: string[];
  @Field(() => String, { nullable: true, description: 'JSON: ids, categories and counts.' }) detail!: string | null;
}

export const AuditEntryConnection = Connection('AuditEntry', AuditEntryType, {
  one: 'audit entry',
  many: 'audit entries',
});
export type AuditEntryConnection = InstanceType<typeof AuditEntryConnection>;

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

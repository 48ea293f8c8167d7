import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection.js';

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

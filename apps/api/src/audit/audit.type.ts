import type { AdminRole } from '@steward/policy-core';
import { MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { AdminRoleEnum } from '../common/enums.js';
import { Connection } from '../common/connection.js';
import { SortInput } from '../common/sorting.js';

@ObjectType('AuditProviderRef', { description: 'A provider an audit entry is about, by its reference.' })
export class AuditProviderRefType {
  @Field(() => ID, { description: 'The provider.' }) id!: string;
  @Field(() => String, { nullable: true, description: "The provider's reference; null when it no longer exists." })
  reference!: string | null;
}

@ObjectType('AuditDetailField', {
  description: "One value of an entry's detail (ids, categories, counts; never personal).",
})
export class AuditDetailFieldType {
  @Field(() => String, { description: 'The detail key as written (`count`, `fields`); the admin labels it.' })
  key!: string;
  @Field(() => String, { description: 'The value as text: a list joined by ", ", an object as key: value pairs.' })
  value!: string;
}

@ObjectType('AuditEntry', { description: 'Who changed or read what, and when. Holds no personal values.' })
export class AuditEntryType {
  @Field(() => ID, { description: "The entry's id." }) id!: string;
  @Field(() => Date, { description: 'When it happened.' }) at!: Date;
  @Field(() => String, {
    description:
      'Who acted, as a reference: `admin:<id>`, `partner:<credential id>`, `system:<credential id>`, `job:<id>` or `system` (Steward).',
  })
  actor!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The staff account that acted; null for the public, a partner or the system.',
  })
  actorId!: string | null;
  @Field(() => String, { nullable: true, description: "The acting staff member's current name; null when not staff." })
  actorName!: string | null;
  @Field(() => AdminRoleEnum, { nullable: true, description: "The acting staff member's current role." })
  actorRole!: AdminRole | null;
  @Field(() => String, {
    description: 'What was done, as `<subject>.<verb>` (e.g. `provider.read`, `cookie_site.update`).',
  })
  action!: string;
  @Field(() => String, { description: 'The kind of record acted on (e.g. `Provider`, `PermittedException`).' })
  entityType!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The id of the record acted on; null when the action concerns no one record (e.g. a list read).',
  })
  entityId!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The subject by name: a provider's reference or a staff member's name; null for other subjects.",
  })
  subjectName!: string | null;
  @Field(() => [ID], {
    description: 'The providers whose personal information the action read or changed (empty if none).',
  })
  providerIds!: string[];
  @Field(() => [AuditProviderRefType], { description: 'The providers the entry is about, with their references.' })
  providers!: AuditProviderRefType[];
  @Field(() => String, { nullable: true, description: 'JSON: ids, categories and counts.' }) detail!: string | null;
  @Field(() => [AuditDetailFieldType], { description: 'The detail as key and value pairs, for reading.' })
  detailFields!: AuditDetailFieldType[];
}

export const AuditEntryConnection = Connection('AuditEntry', AuditEntryType, {
  one: 'audit entry',
  many: 'audit entries',
});
export type AuditEntryConnection = InstanceType<typeof AuditEntryConnection>;

@InputType('AuditLogFilter', { description: 'Which audit entries to list; every field given must hold.' })
export class AuditLogFilter {
  @Field(() => ID, { nullable: true, description: 'Only what this staff account did.' })
  @MaxLength(100)
  actorId?: string | null;
  @Field(() => String, { nullable: true, description: 'Only this action (e.g. `providers.list`).' })
  @MaxLength(64)
  action?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only entries about this provider.' })
  @MaxLength(100)
  providerId?: string | null;
  @Field(() => String, { nullable: true, description: 'Only entries about the provider with this reference (exact).' })
  @MaxLength(1000)
  providerReference?: string | null;
  @Field(() => Date, { nullable: true, description: 'From this time (inclusive).' })
  from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Before this time (exclusive).' })
  to?: Date | null;
}

export const AuditEntrySort = SortInput(
  'AuditEntry',
  { AT: 'When it happened (the default, newest first).' },
  'audit entries',
);
export type AuditEntrySort = InstanceType<typeof AuditEntrySort>;

@ObjectType('AuditActor', { description: 'A staff account the audit log can be filtered by.' })
export class AuditActorType {
  @Field(() => ID, { description: 'The staff account.' }) id!: string;
  @Field(() => String, { description: 'Its name.' }) name!: string;
  @Field(() => AdminRoleEnum, { description: 'Its role.' }) role!: AdminRole;
}

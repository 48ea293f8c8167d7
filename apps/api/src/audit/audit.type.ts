import { Field, ID, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/pagination.js';

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

@ObjectType('AuditEntryEdge')
export class AuditEntryEdge {
  @Field(() => String) cursor!: string;
  @Field(() => AuditEntryType) node!: AuditEntryType;
}

@ObjectType('AuditEntryConnection')
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge]) edges!: AuditEntryEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

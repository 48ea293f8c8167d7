import type { IssueCode } from '@steward/policy-core';
import { Field, ObjectType } from 'type-graphql';
import { IssueCodeEnum } from './enums.js';

@ObjectType('Issue', { description: 'One problem with one field, as policy-core reports it.' })
export class IssueType {
  @Field(() => String, { description: 'A path such as `evidence.outsourcing.contractReference`.' }) field!: string;
  @Field(() => IssueCodeEnum) code!: IssueCode;
  @Field(() => String) message!: string;
}

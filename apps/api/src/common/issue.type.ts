import type { IssueCode } from '@steward/policy-core';
import { Field, ObjectType } from 'type-graphql';
import { IssueCodeEnum } from './enums.js';

@ObjectType('Issue', { description: 'One problem with one field, as policy-core reports it.' })
export class IssueType {
  @Field(() => String, { description: 'A path such as `evidence.outsourcing.contractReference`.' }) field!: string;
  @Field(() => IssueCodeEnum, {
    description: "What is wrong, as a stable code (word it from policy-core's catalogue, `issue.<code>`).",
  })
  code!: IssueCode;
  @Field(() => String, { description: 'The problem in English.' }) message!: string;
}

import type { PolicyClause } from '@steward/policy-core';
import { POLICY_CLAUSE_INFO } from '@steward/policy-core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PolicyClauseEnum, PolicyStatusEnum } from '../common/enums.js';
import type { PolicyStatus, PolicyVersion } from './policy-version.entity.js';

@ObjectType('PolicySection')
export class PolicySectionType {
  @Field(() => PolicyClauseEnum) clause!: PolicyClause;
  @Field(() => Int) number!: number;
  @Field(() => String) titleEn!: string;
  @Field(() => String) titleJa!: string;
  @Field(() => String) bodyEn!: string;
  @Field(() => String) bodyJa!: string;
}

@ObjectType('PolicyVersion')
export class PolicyVersionType {
  @Field(() => ID) id!: string;
  @Field(() => Int) number!: number;
  @Field(() => PolicyStatusEnum) status!: PolicyStatus;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  @Field(() => String) changeSummary!: string;
  @Field(() => String, { description: 'SHA-256 of the canonical JSON of the sections.' }) contentHash!: string;
  @Field(() => [PolicySectionType]) sections!: PolicySectionType[];
}

export function presentPolicyVersion(v: PolicyVersion): PolicyVersionType {
  return {
    id: v.id,
    number: v.number,
    status: v.status,
    publishedAt: v.publishedAt,
    changeSummary: v.changeSummary,
    contentHash: v.contentHash,
    sections: v.sections.map((s) => ({ ...s, number: POLICY_CLAUSE_INFO[s.clause].number })),
  };
}

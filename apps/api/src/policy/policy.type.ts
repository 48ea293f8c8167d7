import type { PolicyClause } from '@steward/policy-core';
import type { DataCategory } from '@steward/policy-core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DataCategoryEnum, PolicyClauseEnum, PolicyStatusEnum } from '../common/enums.js';
import type { PolicyStatus } from './policy-version.entity.js';

@ObjectType('PolicyPurpose', { description: 'A purpose of use as a policy version states it.' })
export class PolicyPurposeType {
  @Field(() => String, { description: "The purpose's stable key (what consents, exceptions and decisions cite)." })
  key!: string;
  @Field(() => String, { description: 'Its title in English.' }) titleEn!: string;
  @Field(() => String, { description: 'Its title in Japanese.' }) titleJa!: string;
  @Field(() => String, { description: 'What the purpose is for, in English.' }) description!: string;
  @Field(() => String, { description: 'What the purpose is for, in Japanese; empty when not written in Japanese.' })
  descriptionJa!: string;
  @Field(() => [DataCategoryEnum], { description: 'The data categories the purpose needs.' })
  categories!: DataCategory[];
  @Field(() => Boolean, { description: 'True if the version retires it: no new use for it.' }) retired!: boolean;
}

@ObjectType('PolicySection', { description: 'One clause of a policy version, in both languages.' })
export class PolicySectionType {
  @Field(() => PolicyClauseEnum, { description: 'Which clause it is.' }) clause!: PolicyClause;
  @Field(() => Int, { description: 'Its number in the policy, from 1.' }) number!: number;
  @Field(() => String, { description: 'Its title in English.' }) titleEn!: string;
  @Field(() => String, { description: 'Its title in Japanese.' }) titleJa!: string;
  @Field(() => String, { description: "The clause's text in English." }) bodyEn!: string;
  @Field(() => String, { description: "The clause's text in Japanese." }) bodyJa!: string;
}

@ObjectType('PolicyVersion', {
  description: 'A version of the privacy policy: a draft, or a published version (never changed once published).',
})
export class PolicyVersionType {
  @Field(() => ID, { description: "The version's id." }) id!: string;
  @Field(() => Int, { description: 'Its number (a draft shows the number it will have).' }) number!: number;
  @Field(() => PolicyStatusEnum, { description: 'A draft or published.' }) status!: PolicyStatus;
  @Field(() => Date, { nullable: true, description: 'When it was published and took effect; null for a draft.' })
  publishedAt!: Date | null;
  @Field(() => String, {
    deprecationReason: 'Use changeSummaryJa and changeSummaryEn.',
    description: 'The change summary as first stored (one language; for versions before the two fields).',
  })
  changeSummary!: string;
  @Field(() => String, {
    description:
      'What the version changes, in Japanese; empty when not written in Japanese (a version before the bilingual summary: its summary in the language it is written in).',
  })
  changeSummaryJa!: string;
  @Field(() => String, { description: 'What the version changes, in English; empty when not written in English.' })
  changeSummaryEn!: string;
  @Field(() => String, { description: 'SHA-256 of the canonical JSON of the sections.' }) contentHash!: string;
  @Field(() => [PolicySectionType], { description: 'Its clauses, in order.' }) sections!: PolicySectionType[];
  @Field(() => Int, { description: 'Optimistic lock: pass it back as expectedVersion when editing a draft.' })
  version!: number;
  @Field(() => [PolicyPurposeType], {
    nullable: true,
    description: 'The purposes of use the version states (null for a version seeded without them).',
  })
  purposes!: PolicyPurposeType[] | null;
}

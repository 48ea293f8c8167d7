import type { PolicyClause } from '@steward/policy-core';
import type { DataCategory } from '@steward/policy-core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DataCategoryEnum, PolicyClauseEnum, PolicyStatusEnum } from '../common/enums.js';
import type { PolicyStatus } from './policy-version.entity.js';

@ObjectType('PolicyPurpose', { description: 'A purpose of use as a policy version states it.' })
export class PolicyPurposeType {
  @Field(() => String) key!: string;
  @Field(() => String) titleEn!: string;
  @Field(() => String) titleJa!: string;
  @Field(() => String, { description: 'What the purpose is for, in English.' }) description!: string;
  @Field(() => String, { description: 'What the purpose is for, in Japanese; empty when not written in Japanese.' })
  descriptionJa!: string;
  @Field(() => [DataCategoryEnum]) categories!: DataCategory[];
  @Field(() => Boolean) retired!: boolean;
}

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
  @Field(() => [PolicySectionType]) sections!: PolicySectionType[];
  @Field(() => Int, { description: 'Optimistic lock: pass it back as expectedVersion when editing a draft.' })
  version!: number;
  @Field(() => [PolicyPurposeType], {
    nullable: true,
    description: 'The purposes of use the version states (null for a version seeded without them).',
  })
  purposes!: PolicyPurposeType[] | null;
}

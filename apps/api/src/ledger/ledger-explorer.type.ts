import { MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../common/connection.js';
import type { DecisionAction } from '@steward/policy-core';
import { DecisionActionEnum, DecisionBasisKindEnum } from '../common/enums.js';

export const LedgerEntryKindEnum = {
  COLLECTION: 'COLLECTION',
  CONSENT: 'CONSENT',
  USE: 'USE',
  PROVISION: 'PROVISION',
  DECISION: 'DECISION',
  POLICY: 'POLICY',
  RESTORE: 'RESTORE',
  INCIDENT: 'INCIDENT',
} as const;
export const LedgerOutcomeEnum = { RECORDED: 'RECORDED', ALLOWED: 'ALLOWED', DENIED: 'DENIED' } as const;
registerEnumType(LedgerEntryKindEnum, {
  name: 'LedgerEntryKind',
  valuesConfig: {
    RESTORE: {
      description:
        'A restore of an older backup: names the backup (its manifest hash and time) and the range of entries lost since it, signed when it was written.',
    },
    INCIDENT: {
      description:
        'A step of handling an incident (a leak, loss, damage or falsification): its basis names the incident, the step and the status, and commits to the providers affected by the hash of their sorted ids.',
    },
  },
});
registerEnumType(LedgerOutcomeEnum, { name: 'LedgerOutcome' });

export type LedgerEntryKindValue = keyof typeof LedgerEntryKindEnum;
export type LedgerOutcomeValue = keyof typeof LedgerOutcomeEnum;
export type LedgerBasisKind = keyof typeof DecisionBasisKindEnum;

@InputType('LedgerEntryFilter')
export class LedgerEntryFilter {
  @Field(() => ID, { nullable: true }) @MaxLength(100) providerId?: string | null;
  @Field(() => ID, { nullable: true }) @MaxLength(100) recipientId?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(64) purposeKey?: string | null;
  @Field(() => LedgerEntryKindEnum, { nullable: true }) kind?: LedgerEntryKindValue | null;
  @Field(() => LedgerOutcomeEnum, { nullable: true }) outcome?: LedgerOutcomeValue | null;
  @Field(() => DecisionBasisKindEnum, {
    nullable: true,
    description: 'The basis of a use, provision or decision (provisions are always EXCEPTION).',
  })
  basisKind?: LedgerBasisKind | null;
}

@ObjectType('LedgerEntry', { description: 'One link of the ledger: references and hashes, never personal values.' })
export class LedgerEntryType {
  @Field(() => Int) sequence!: number;
  @Field(() => ID) id!: string;
  @Field(() => Date) recordedAt!: Date;
  @Field(() => LedgerEntryKindEnum) kind!: LedgerEntryKindValue;
  @Field(() => String) actor!: string;
  @Field(() => ID, { nullable: true }) providerId!: string | null;
  @Field(() => String, { nullable: true }) purposeKey!: string | null;
  @Field(() => ID, { nullable: true }) recipientId!: string | null;
  @Field(() => [String]) categories!: string[];
  @Field(() => LedgerOutcomeEnum) outcome!: LedgerOutcomeValue;
  @Field(() => DecisionBasisKindEnum, { nullable: true }) basisKind!: LedgerBasisKind | null;
  @Field(() => ID, { nullable: true }) exceptionId!: string | null;
  @Field(() => String, { nullable: true }) exceptionKind!: string | null;
  @Field(() => String, { nullable: true, description: 'The stored basis as JSON (references only).' }) basis!:
    string | null;
  @Field(() => Int) policyVersion!: number;
  @Field(() => String) hash!: string;
}

export const LedgerEntryConnection = Connection('LedgerEntry', LedgerEntryType, {
  one: 'ledger entry',
  many: 'ledger entries',
});
export type LedgerEntryConnection = InstanceType<typeof LedgerEntryConnection>;

@ObjectType('LedgerActivityBucket', {
  description: 'How many uses, provisions and decisions of one day had one basis and outcome.',
})
export class LedgerActivityBucket {
  @Field(() => String, { description: 'UTC day, YYYY-MM-DD.' }) day!: string;
  @Field(() => LedgerEntryKindEnum) kind!: LedgerEntryKindValue;
  @Field(() => DecisionBasisKindEnum, {
    nullable: true,
    description: 'Null when there was no basis (a denied decision).',
  })
  basisKind!: LedgerBasisKind | null;
  @Field(() => LedgerOutcomeEnum) outcome!: LedgerOutcomeValue;
  @Field(() => DecisionActionEnum, {
    nullable: true,
    description: 'USE or PROVIDE: a provision is a PROVIDE; a decision is about the action it was asked for.',
  })
  action!: DecisionAction | null;
  @Field(() => Int) count!: number;
}

@ObjectType('LedgerActivity')
export class LedgerActivity {
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
  @Field(() => [LedgerActivityBucket]) buckets!: LedgerActivityBucket[];
}

import { MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../common/connection.js';
import type { DecisionAction } from '@steward/policy-core';
import { DecisionActionEnum, DecisionBasisKindEnum, describeValues } from '../common/enums.js';

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
  description: 'What a ledger entry records.',
  valuesConfig: describeValues({
    COLLECTION: 'Personal information was collected from a provider.',
    CONSENT: 'A provider granted, refused or withdrew consent.',
    USE: 'Data was used inside the organisation (through a decision).',
    PROVISION: 'Data was handed to an outside recipient (a partner read it).',
    DECISION: 'A use or provision was decided, allowed or denied, with its basis.',
    POLICY: 'A privacy policy version was published.',
    RESTORE:
      'A restore of an older backup: names the backup (its manifest hash and time) and the range of entries lost since it, signed when it was written.',
    INCIDENT:
      'A step of handling an incident (a leak, loss, damage or falsification): its basis names the incident, the step and the status, and commits to the providers affected by the hash of their sorted ids.',
  }),
});
registerEnumType(LedgerOutcomeEnum, {
  name: 'LedgerOutcome',
  description: 'How a recorded act ended.',
  valuesConfig: describeValues({
    RECORDED: 'A fact recorded (a collection, consent, policy or restore): nothing was decided.',
    ALLOWED: 'The use, provision or decision was allowed.',
    DENIED: 'It was refused; nothing was used or provided.',
  }),
});

export type LedgerEntryKindValue = keyof typeof LedgerEntryKindEnum;
export type LedgerOutcomeValue = keyof typeof LedgerOutcomeEnum;
export type LedgerBasisKind = keyof typeof DecisionBasisKindEnum;

@InputType('LedgerEntryFilter', { description: 'Narrows the ledger entries; every field given must match.' })
export class LedgerEntryFilter {
  @Field(() => ID, { nullable: true, description: 'Only entries about this provider.' }) @MaxLength(100) providerId?:
    string | null;
  @Field(() => ID, { nullable: true, description: 'Only provisions to this recipient.' }) @MaxLength(100) recipientId?:
    string | null;
  @Field(() => String, { nullable: true, description: 'Only entries for this purpose of use.' })
  @MaxLength(64)
  purposeKey?: string | null;
  @Field(() => LedgerEntryKindEnum, { nullable: true, description: 'Only entries of this kind.' })
  kind?: LedgerEntryKindValue | null;
  @Field(() => LedgerOutcomeEnum, { nullable: true, description: 'Only entries with this outcome.' })
  outcome?: LedgerOutcomeValue | null;
  @Field(() => DecisionBasisKindEnum, {
    nullable: true,
    description: 'The basis of a use, provision or decision (provisions are always EXCEPTION).',
  })
  basisKind?: LedgerBasisKind | null;
}

@ObjectType('LedgerEntry', { description: 'One link of the ledger: references and hashes, never personal values.' })
export class LedgerEntryType {
  @Field(() => Int, { description: 'Its place in the chain, from 1, without gaps.' }) sequence!: number;
  @Field(() => ID, { description: "The entry's id." }) id!: string;
  @Field(() => Date, { description: 'When it was recorded.' }) recordedAt!: Date;
  @Field(() => LedgerEntryKindEnum, {
    description: 'What was recorded: collection, consent, use, provision, decision, policy or restore.',
  })
  kind!: LedgerEntryKindValue;
  @Field(() => String, {
    description:
      'Who acted, as a reference: `admin:<id>`, `partner:<credential id>`, `system:<credential id>`, `job:<id>` or `system` (Steward); `actedBy` names them.',
  })
  actor!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The provider concerned; null for an entry about no one provider (e.g. a policy).',
  })
  providerId!: string | null;
  @Field(() => String, { nullable: true, description: 'The purpose of use concerned; null if none.' }) purposeKey!:
    string | null;
  @Field(() => ID, { nullable: true, description: 'The outside recipient, for a provision; null otherwise.' })
  recipientId!: string | null;
  @Field(() => [String], { description: 'The data categories concerned (data category codes).' }) categories!: string[];
  @Field(() => LedgerOutcomeEnum, { description: 'Allowed or denied (a decision, use or provision), or recorded.' })
  outcome!: LedgerOutcomeValue;
  @Field(() => DecisionBasisKindEnum, {
    nullable: true,
    description: 'For a use, provision or decision: what allowed it; null otherwise or when denied.',
  })
  basisKind!: LedgerBasisKind | null;
  @Field(() => ID, { nullable: true, description: 'The permitted exception relied on; null if none.' }) exceptionId!:
    string | null;
  @Field(() => String, { nullable: true, description: 'Its kind (an ExceptionKind code); null if none.' })
  exceptionKind!: string | null;
  @Field(() => String, { nullable: true, description: 'The stored basis as JSON (references only).' }) basis!:
    string | null;
  @Field(() => Int, { description: 'The privacy policy version in force.' }) policyVersion!: number;
  @Field(() => String, {
    description: "SHA-256 over the entry and the previous entry's hash, hex: the chain that shows tampering.",
  })
  hash!: string;
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
  @Field(() => LedgerEntryKindEnum, { description: 'Use, provision or decision.' }) kind!: LedgerEntryKindValue;
  @Field(() => DecisionBasisKindEnum, {
    nullable: true,
    description: 'Null when there was no basis (a denied decision).',
  })
  basisKind!: LedgerBasisKind | null;
  @Field(() => LedgerOutcomeEnum, { description: 'Allowed, denied or recorded.' }) outcome!: LedgerOutcomeValue;
  @Field(() => DecisionActionEnum, {
    nullable: true,
    description: 'USE or PROVIDE: a provision is a PROVIDE; a decision is about the action it was asked for.',
  })
  action!: DecisionAction | null;
  @Field(() => Int, { description: 'How many entries.' }) count!: number;
}

@ObjectType('LedgerActivity', { description: "Ledger entries per day over a period, for the ledger explorer's chart." })
export class LedgerActivity {
  @Field(() => String, { description: 'The first day counted, `YYYY-MM-DD` (UTC).' }) from!: string;
  @Field(() => String, { description: 'The last day counted (today), `YYYY-MM-DD` (UTC).' }) to!: string;
  @Field(() => [LedgerActivityBucket], { description: 'One bucket per day, kind, basis and outcome that had entries.' })
  buckets!: LedgerActivityBucket[];
}

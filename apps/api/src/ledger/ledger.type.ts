import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('LedgerFailure', { description: 'The first ledger entry that fails verification, and why.' })
export class LedgerFailureType {
  @Field(() => Int) sequence!: number;
  @Field(() => String) reason!: string;
}

@ObjectType('LedgerVerification')
export class LedgerVerificationType {
  @Field(() => Boolean, { description: 'True when every entry, the head and every signed checkpoint agree.' })
  ok!: boolean;
  @Field(() => Int) checkedEntries!: number;
  @Field(() => Int) headSequence!: number;
  @Field(() => Int) checkpoints!: number;
  @Field(() => LedgerFailureType, { nullable: true }) firstFailure!: LedgerFailureType | null;
  @Field(() => String, { description: 'Ed25519 public key (SPKI, base64) that verifies the checkpoints outside Steward.' })
  checkpointPublicKey!: string;
}

@ObjectType('LedgerCheckpoint', { description: 'A signed statement that entry `sequence` has hash `hash`.' })
export class LedgerCheckpointType {
  @Field(() => Int) sequence!: number;
  @Field(() => String) hash!: string;
}

import { Field, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('LedgerFailure', { description: 'The first ledger entry that fails verification, and why.' })
export class LedgerFailureType {
  @Field(() => Int) sequence!: number;
  @Field(() => String) reason!: string;
}

@ObjectType('LedgerCheckpointSummary', { description: 'The newest signed checkpoint.' })
export class LedgerCheckpointSummaryType {
  @Field(() => Int) sequence!: number;
  @Field(() => String) hash!: string;
  @Field(() => Date) signedAt!: Date;
}

@ObjectType('LedgerRecordedGap', {
  description:
    'Entries lost when an older backup was restored, as the signed RESTORE entry at `sequence` records them: verification accepts a gap only when it is recorded this way.',
})
export class LedgerRecordedGapType {
  @Field(() => Int, { description: 'The RESTORE entry that records the gap (the first number after the lost range).' })
  sequence!: number;
  @Field(() => Int, { description: 'The first lost entry.' }) from!: number;
  @Field(() => Int, { description: 'The last lost entry (the anchor kept outside the database when the restore ran).' })
  to!: number;
  @Field(() => String, { description: "SHA-256 of the restored backup's manifest." }) manifestHash!: string;
  @Field(() => String, { description: 'When the restored backup was made (ISO 8601).' }) backupCreatedAt!: string;
}

@InputType('LedgerAnchorInput', {
  description:
    'A head recorded earlier outside Steward (e.g. from an earlier verification): entry `sequence` must still have `hash`.',
})
export class LedgerAnchorInput {
  @Field(() => Int) sequence!: number;
  @Field(() => String, { description: '64 hexadecimal digits.' }) hash!: string;
}

@ObjectType('LedgerVerification')
export class LedgerVerificationType {
  @Field(() => Boolean, {
    description: 'True when every entry, the head, every signed checkpoint and the anchor (if given) agree.',
  })
  ok!: boolean;
  @Field(() => Int) checkedEntries!: number;
  @Field(() => Int) headSequence!: number;
  @Field(() => String, {
    description:
      "The head's hash: keep it with `headSequence` outside Steward and pass both as the anchor of a later verification.",
  })
  headHash!: string;
  @Field(() => Int) checkpoints!: number;
  @Field(() => LedgerCheckpointSummaryType, { nullable: true }) lastCheckpoint!: LedgerCheckpointSummaryType | null;
  @Field(() => Int, {
    description:
      'Entries after the newest signed checkpoint. Checkpoints are signed every 1,000 entries (verification requires each of them) and, on a running server, every minute; the end after the last 1,000th entry is protected against being cut off only by an anchor kept outside the database (the server keeps one in STEWARD_LEDGER_ANCHOR_FILE).',
  })
  unsignedEntries!: number;
  @Field(() => Boolean, { description: 'True when an anchor was given and the ledger holds it.' })
  anchorChecked!: boolean;
  @Field(() => [LedgerRecordedGapType], {
    description: 'Ranges of entries lost by restores of older backups, each recorded in the ledger by a signed entry.',
  })
  gaps!: LedgerRecordedGapType[];
  @Field(() => LedgerFailureType, { nullable: true }) firstFailure!: LedgerFailureType | null;
  @Field(() => String, {
    description: 'Ed25519 public key (SPKI, base64) that verifies the checkpoints outside Steward.',
  })
  checkpointPublicKey!: string;
}

@ObjectType('LedgerCheckpoint', { description: 'A signed statement that entry `sequence` has hash `hash`.' })
export class LedgerCheckpointType {
  @Field(() => Int) sequence!: number;
  @Field(() => String) hash!: string;
}

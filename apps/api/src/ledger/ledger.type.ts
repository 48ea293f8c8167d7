import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { JobType } from '../jobs/job.type.js';

@ObjectType('LedgerFailure', { description: 'The first ledger entry that fails verification, and why.' })
export class LedgerFailureType {
  @Field(() => Int, { description: 'The sequence number of the first entry that fails.' }) sequence!: number;
  @Field(() => String, { description: 'What is wrong, in English (e.g. a hash that does not match).' }) reason!: string;
}

@ObjectType('LedgerCheckpointSummary', { description: 'The newest signed checkpoint.' })
export class LedgerCheckpointSummaryType {
  @Field(() => Int, { description: "The checkpointed entry's sequence number." }) sequence!: number;
  @Field(() => String, { description: "The checkpointed entry's hash, hex." }) hash!: string;
  @Field(() => Date, { description: 'When it was signed.' }) signedAt!: Date;
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
  @Field(() => Int, { description: "The entry's sequence number." }) sequence!: number;
  @Field(() => String, { description: '64 hexadecimal digits.' }) hash!: string;
}

@ObjectType('LedgerVerification', {
  description: "The result of re-computing the ledger's hash chain and checking its signed checkpoints.",
})
export class LedgerVerificationType {
  @Field(() => Boolean, {
    description: 'True when every entry, the head, every signed checkpoint and the anchor (if given) agree.',
  })
  ok!: boolean;
  @Field(() => Int, { description: 'How many entries were checked.' }) checkedEntries!: number;
  @Field(() => Int, { description: 'The sequence number of the newest entry.' }) headSequence!: number;
  @Field(() => String, {
    description:
      "The head's hash: keep it with `headSequence` outside Steward and pass both as the anchor of a later verification.",
  })
  headHash!: string;
  @Field(() => Int, { description: 'How many signed checkpoints were checked.' }) checkpoints!: number;
  @Field(() => LedgerCheckpointSummaryType, {
    nullable: true,
    description: 'The newest signed checkpoint; null if none yet.',
  })
  lastCheckpoint!: LedgerCheckpointSummaryType | null;
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
  @Field(() => LedgerFailureType, {
    nullable: true,
    description: 'The first entry that fails; null when the whole ledger verifies.',
  })
  firstFailure!: LedgerFailureType | null;
  @Field(() => String, {
    description: 'Ed25519 public key (SPKI, base64) that verifies the checkpoints outside Steward.',
  })
  checkpointPublicKey!: string;
}

@ObjectType('LedgerCheckpoint', { description: 'A signed statement that entry `sequence` has hash `hash`.' })
export class LedgerCheckpointType {
  @Field(() => Int, { description: "The entry's sequence number." }) sequence!: number;
  @Field(() => String, { description: "The entry's hash, hex." }) hash!: string;
}

@ObjectType('LedgerVerificationOutcome', {
  description:
    'What the last finished ledger verification job found (scheduled or started by an owner): read from the job table, so it survives restarts and every instance says the same.',
})
export class LedgerVerificationOutcomeType {
  @Field(() => ID, { description: 'The verification job (see `job(id)`).' })
  jobId!: string;
  @Field(() => Date, { description: 'When the verification ended.' })
  finishedAt!: Date;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'True when the ledger verified, false when it did not (`firstFailureSequence` names where); null when the job ended without a verdict (`errorCode`).',
  })
  ok!: boolean | null;
  @Field(() => Int, { nullable: true, description: 'Entries checked; null without a verdict.' })
  checkedEntries!: number | null;
  @Field(() => Int, { nullable: true, description: 'The head it checked up to; null without a verdict.' })
  headSequence!: number | null;
  @Field(() => String, { nullable: true, description: "That head's hash; null without a verdict." })
  headHash!: string | null;
  @Field(() => Int, { nullable: true, description: 'The first entry that failed; null when it verified.' })
  firstFailureSequence!: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why the job failed, as a stable code (`LEDGER_VERIFICATION_FAILED`, `INTERNAL`, `ABANDONED`).',
  })
  errorCode!: string | null;
  @Field(() => String, { nullable: true, description: 'The admin who started it, by name; null when scheduled.' })
  startedBy!: string | null;
}

@ObjectType('LedgerStatus', {
  description:
    'The ledger at a glance without walking it: the stored head and newest checkpoint, the last verification job’s result and the one queued or running now.',
})
export class LedgerStatusType {
  @Field(() => Int, { description: 'The head: the number of the newest entry (0 while empty).' })
  headSequence!: number;
  @Field(() => String, { description: "The head's hash, as stored (not verified here)." })
  headHash!: string;
  @Field(() => LedgerCheckpointSummaryType, { nullable: true, description: 'The newest signed checkpoint.' })
  lastCheckpoint!: LedgerCheckpointSummaryType | null;
  @Field(() => Int, { description: 'Entries after the newest signed checkpoint.' })
  unsignedEntries!: number;
  @Field(() => String, {
    description: 'Ed25519 public key (SPKI, base64) that verifies the checkpoints outside Steward.',
  })
  checkpointPublicKey!: string;
  @Field(() => LedgerVerificationOutcomeType, {
    nullable: true,
    description: 'The last finished verification (cancelled ones aside); null when none has finished yet.',
  })
  lastVerification!: LedgerVerificationOutcomeType | null;
  @Field(() => JobType, {
    nullable: true,
    description:
      'The verification queued or running now, with its progress (entries checked of the head); null when none.',
  })
  runningVerification!: JobType | null;
  @Field(() => Int, { description: "Leaves in the ledger's Merkle tree (one per entry it covers so far)." })
  treeSize!: number;
  @Field(() => Int, {
    description:
      'Entry numbers the tree does not cover yet: 0 once caught up; while above 0 the build job (LEDGER_TREE_BUILD) is filling it in and proofs past it answer LEDGER_TREE_BUILDING.',
  })
  treeLag!: number;
}

import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection.js';

@ObjectType('LedgerTreeHead', {
  description:
    "A signed tree head: Steward's signed statement that the ledger's Merkle tree (RFC 9162; one leaf per entry, in order) had `treeSize` leaves with root `rootHash` at `timestamp`. Signed at each checkpoint, only once the tree holds every entry up to then.",
})
export class LedgerTreeHeadType {
  @Field(() => Int, {
    description: 'Leaves in the tree: the entries it covers (numbers lost by a restore are no leaves).',
  })
  treeSize!: number;
  @Field(() => String, { description: "The tree's root hash (MTH, RFC 9162 §2.1.1), 64 lowercase hexadecimal digits." })
  rootHash!: string;
  @Field(() => Date, { description: 'When it was signed; part of the signed statement (ISO 8601, milliseconds, UTC).' })
  timestamp!: Date;
  @Field(() => String, {
    nullable: true,
    description: "The provider map's root the head commits to; null: none (the statement then says `-`).",
  })
  providerMapRoot!: string | null;
  @Field(() => String, {
    description:
      'The exact text signed (UTF-8): `steward-tree-head/1`, the size, the root, the timestamp and the provider map root, one per line.',
  })
  statement!: string;
  @Field(() => String, { description: 'Ed25519 signature of `statement` with the ledger checkpoint key, base64.' })
  signature!: string;
  @Field(() => String, { description: 'Which key ring signed it (the master key in use then).' })
  keyId!: string;
  @Field(() => String, { description: 'The Ed25519 public key that verifies `signature`: its raw 32 bytes, base64.' })
  publicKey!: string;
}

export const LedgerTreeHeadConnection = Connection('LedgerTreeHead', LedgerTreeHeadType, {
  one: 'signed tree head',
  many: 'signed tree heads',
});
export type LedgerTreeHeadConnection = InstanceType<typeof LedgerTreeHeadConnection>;

@InputType('LedgerInclusionProofInput', {
  description: 'Which entry to prove is in the ledger tree, and in which tree.',
})
export class LedgerInclusionProofInput {
  @Field(() => Int, { description: "The entry's number (sequence)." })
  sequence!: number;
  @Field(() => Int, {
    nullable: true,
    description:
      "The size of the tree to prove it in (e.g. a signed head's `treeSize`); omitted: the whole tree as it is now.",
  })
  treeSize?: number | null;
}

@ObjectType('LedgerInclusionProof', {
  description:
    'Proof that one ledger entry is a leaf of the tree of `treeSize` leaves (RFC 9162 §2.1.3): hash the leaf, then the audit path, and compare with `rootHash` (or a signed head of that size).',
})
export class LedgerInclusionProofType {
  @Field(() => Int, { description: "The entry's number." })
  sequence!: number;
  @Field(() => Int, { description: "The entry's position among the leaves, from 0." })
  leafIndex!: number;
  @Field(() => String, {
    description: "The leaf's data: the entry's chain hash (hex), which a verifier recomputes from the entry itself.",
  })
  entryHash!: string;
  @Field(() => Int, { description: 'The size of the tree proved against.' })
  treeSize!: number;
  @Field(() => String, { description: 'That tree’s root hash (hex).' })
  rootHash!: string;
  @Field(() => [String], { description: 'The audit path, from the leaf up to the root (hex hashes).' })
  auditPath!: string[];
}

@InputType('LedgerConsistencyProofInput', { description: 'Two sizes of the ledger tree, the earlier first.' })
export class LedgerConsistencyProofInput {
  @Field(() => Int, { description: 'The earlier tree size (at least 1), e.g. a signed head kept earlier.' })
  fromSize!: number;
  @Field(() => Int, { description: 'The later tree size (at least `fromSize`, at most the tree built).' })
  toSize!: number;
}

@ObjectType('LedgerConsistencyProof', {
  description:
    'Proof that the tree of `fromSize` leaves is the start of the tree of `toSize` leaves (RFC 9162 §2.1.4): nothing recorded earlier was changed or removed.',
})
export class LedgerConsistencyProofType {
  @Field(() => Int, { description: 'The earlier tree size.' })
  fromSize!: number;
  @Field(() => Int, { description: 'The later tree size.' })
  toSize!: number;
  @Field(() => String, { description: 'The root of the earlier tree (hex).' })
  fromRoot!: string;
  @Field(() => String, { description: 'The root of the later tree (hex).' })
  toRoot!: string;
  @Field(() => [String], {
    description: 'The consistency proof (hex hashes), in RFC 9162 order; empty when the sizes are equal.',
  })
  proof!: string[];
}

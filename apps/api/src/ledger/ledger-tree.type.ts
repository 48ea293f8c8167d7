import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection.js';

@ObjectType('LedgerTreeHead', {
  description:
    "A signed tree head: Steward's signed statement that the ledger's Merkle tree (RFC 9162; one leaf per entry, in order) had `treeSize` leaves with root `rootHash` at `timestamp` — and, in version 2, that the provider map of that tree had `providerMapSize` leaves with root `providerMapRoot`. Signed at each checkpoint, only once the tree holds every entry up to then.",
})
export class LedgerTreeHeadType {
  @Field(() => Int, {
    description:
      'The statement’s version: 1 — size and root only (signed inside an append at every 1,000th entry); 2 — with the provider map too (signed by the checkpoint timer, on demand and for evidence packages; replaces a version 1 head of the same size).',
  })
  version!: number;
  @Field(() => Int, {
    description: 'Leaves in the tree: the entries it covers (numbers lost by a restore are no leaves).',
  })
  treeSize!: number;
  @Field(() => String, { description: "The tree's root hash (MTH, RFC 9162 §2.1.1), 64 lowercase hexadecimal digits." })
  rootHash!: string;
  @Field(() => Date, { description: 'When it was signed; part of the signed statement (ISO 8601, milliseconds, UTC).' })
  timestamp!: Date;
  @Field(() => Int, {
    nullable: true,
    description:
      'Version 2: leaves in the provider map, i.e. providers named by at least one entry of the tree (`providerId`); null in version 1.',
  })
  providerMapSize!: number | null;
  @Field(() => String, {
    nullable: true,
    description:
      "The provider map's root the head commits to (hex; version 2); null: none (version 1, whose statement then says `-`).",
  })
  providerMapRoot!: string | null;
  @Field(() => String, {
    description:
      'The exact text signed (UTF-8), one item per line: version 1 — `steward-tree-head/1`, the size, the root, the timestamp, `-`; version 2 — `steward-tree-head/2`, the size, the root, the timestamp, the provider map size, the provider map root.',
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

@InputType('LedgerProviderEvidenceInput', {
  description: 'Whose evidence package to make, and the head they kept from before (if any).',
})
export class LedgerProviderEvidenceInput {
  @Field(() => String, { description: "The provider's id: the package holds every ledger entry naming it." })
  providerId!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'A signed tree head the provider kept (e.g. from an earlier package), as its JSON text (version 1 or 2); the package then proves the ledger only grew since, or shows the restores that explain why not. Refused (BAD_USER_INPUT on `earlierHead`) unless signed by this ledger’s key.',
  })
  earlierHead?: string | null;
}

@ObjectType('LedgerProviderEvidence', {
  description:
    'An evidence package (`steward-evidence/1`) about one provider, which the offline verifier (`steward-verify`) checks without Steward: every ledger entry naming the provider up to a tree head signed for it, each with its inclusion proof, and the provider map’s proof that these are all of them (or that there are none).',
})
export class LedgerProviderEvidenceType {
  @Field(() => String, { description: 'The package itself, as JSON text: hand it to the provider unchanged.' })
  evidence!: string;
  @Field(() => String, { description: 'The provider it is about (lowercase).' })
  providerId!: string;
  @Field(() => Int, { description: 'The size of the tree head the package proves against.' })
  treeSize!: number;
  @Field(() => Date, { description: 'When that head was signed.' })
  timestamp!: Date;
  @Field(() => Int, { description: 'Providers in that head’s provider map.' })
  providerMapSize!: number;
  @Field(() => Int, {
    description: 'Entries naming the provider in the package (0: the package proves there are none).',
  })
  entryCount!: number;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'With an earlier head: whether the package proves the tree only grew since it (false: it is not a prefix of the tree, see `restoreCount`); null without one.',
  })
  earlierHeadConsistent!: boolean | null;
  @Field(() => Int, {
    description:
      'Restores of an older backup recorded since the earlier head, which the package carries with their signed statements (0 without an earlier head or when it is consistent).',
  })
  restoreCount!: number;
}

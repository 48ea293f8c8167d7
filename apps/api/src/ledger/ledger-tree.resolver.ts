import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { WRITERS } from '../common/auth-checker.js';
import type { Context } from '../context.js';
import { services } from '../services.js';
import {
  LedgerConsistencyProofInput,
  LedgerConsistencyProofType,
  LedgerInclusionProofInput,
  LedgerInclusionProofType,
  LedgerProviderEvidenceInput,
  LedgerProviderEvidenceType,
  LedgerTreeHeadConnection,
} from './ledger-tree.type.js';

/** The ledger's Merkle tree: read by every member of staff (proofs hold hashes and numbers only). */
@Resolver()
export class LedgerTreeResolver {
  @Authorized()
  @Query(() => LedgerTreeHeadConnection, {
    description: "The ledger tree's signed heads, largest first: the history an outside party checks proofs against.",
  })
  ledgerTreeHeads(
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many heads per page (1–100).' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the page before.' })
    after: string | null,
    @Ctx() ctx: Context,
  ): Promise<LedgerTreeHeadConnection> {
    return services(ctx).ledgerTree.heads(first, after);
  }

  @Authorized()
  @Query(() => LedgerInclusionProofType, {
    description:
      'Proves one entry is in the ledger tree. LEDGER_TREE_BUILDING while the tree is still being built past the size asked.',
  })
  ledgerInclusionProof(
    @Arg('input', () => LedgerInclusionProofInput, { description: 'The entry, and optionally the tree size.' })
    input: LedgerInclusionProofInput,
    @Ctx() ctx: Context,
  ): Promise<LedgerInclusionProofType> {
    return services(ctx).ledgerTree.inclusionProof(input.sequence, input.treeSize ?? null);
  }

  @Authorized()
  @Query(() => LedgerConsistencyProofType, {
    description:
      'Proves an earlier ledger tree is the start of a later one. LEDGER_TREE_BUILDING while the tree is still being built past `toSize`.',
  })
  ledgerConsistencyProof(
    @Arg('input', () => LedgerConsistencyProofInput, { description: 'The two tree sizes.' })
    input: LedgerConsistencyProofInput,
    @Ctx() ctx: Context,
  ): Promise<LedgerConsistencyProofType> {
    return services(ctx).ledgerTree.consistencyProof(input.fromSize, input.toSize);
  }

  @Authorized(WRITERS)
  @Query(() => LedgerProviderEvidenceType, {
    description:
      'Makes the evidence package about one provider (owners and privacy officers; audited as a read of the provider): signs a version 2 tree head now unless one stands at the tree’s size. LEDGER_TREE_BUILDING while the tree is still being built.',
  })
  ledgerProviderEvidence(
    @Arg('input', () => LedgerProviderEvidenceInput, { description: 'The provider, and the head they kept (if any).' })
    input: LedgerProviderEvidenceInput,
    @Ctx() ctx: Context,
  ): Promise<LedgerProviderEvidenceType> {
    return services(ctx).providerEvidence.evidence(input.providerId, input.earlierHead ?? null);
  }
}

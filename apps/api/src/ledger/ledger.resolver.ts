import { Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { WRITERS } from '../common/auth-checker.js';
import type { Context } from '../context.js';
import { LedgerService } from './ledger.service.js';
import { LedgerCheckpointType, LedgerVerificationType } from './ledger.type.js';

@Resolver()
export class LedgerResolver {
  @Authorized(WRITERS)
  @Query(() => LedgerVerificationType, { description: 'Re-computes the whole hash chain and checks the signed checkpoints.' })
  verifyLedger(@Ctx() ctx: Context): Promise<LedgerVerificationType> {
    return new LedgerService(ctx.em, ctx.deps).verify();
  }

  @Authorized(WRITERS)
  @Mutation(() => LedgerCheckpointType, { nullable: true, description: 'Signs the current head of the ledger (null while it is empty).' })
  createLedgerCheckpoint(@Ctx() ctx: Context): Promise<LedgerCheckpointType | null> {
    return new LedgerService(ctx.em, ctx.deps).checkpoint();
  }
}

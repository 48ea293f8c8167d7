import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Issue } from '@steward/policy-core';
import { WRITERS } from '../common/auth-checker.js';
import { BadInputError } from '../common/errors.js';
import type { Context } from '../context.js';
import { services } from '../services.js';
import { readAnchorFile } from './anchor-file.js';
import { LedgerActivity, LedgerEntryConnection, LedgerEntryFilter } from './ledger-explorer.type.js';
import { type LedgerAnchor } from './ledger.service.js';
import { presentLedgerStatus } from './ledger-status.presenter.js';
import { LedgerAnchorInput, LedgerCheckpointType, LedgerStatusType, LedgerVerificationType } from './ledger.type.js';

function checkedAnchor(anchor: LedgerAnchorInput | null): LedgerAnchor | null {
  if (!anchor) return null;
  const issues: Issue[] = [];
  if (anchor.sequence < 1)
    issues.push({ field: 'sequence', code: 'INVALID_VALUE', message: 'The anchored entry is numbered from 1' });
  if (!/^[0-9a-fA-F]{64}$/.test(anchor.hash))
    issues.push({ field: 'hash', code: 'INVALID_FORMAT', message: 'A hash is 64 hexadecimal digits' });
  if (issues.length) throw new BadInputError(issues, 'anchor');
  return { sequence: anchor.sequence, hash: anchor.hash.toLowerCase() };
}

@Resolver()
export class LedgerResolver {
  @Authorized(WRITERS)
  @Query(() => LedgerVerificationType, {
    description: 'Re-computes the whole hash chain and checks the signed checkpoints (and the anchor, if given).',
  })
  verifyLedger(
    @Arg('anchor', () => LedgerAnchorInput, {
      nullable: true,
      validate: false,
      description: 'A head recorded earlier outside Steward, to check it is still in the chain; null to skip.',
    })
    anchor: LedgerAnchorInput | null,
    @Ctx() ctx: Context,
  ): Promise<LedgerVerificationType> {
    // Without an anchor given, the one the server keeps outside the database (if any).
    const file = ctx.deps.config.ledgerAnchorFile;
    return services(ctx).ledger.verify(checkedAnchor(anchor) ?? (file ? readAnchorFile(file) : null));
  }

  @Authorized(WRITERS)
  @Query(() => LedgerStatusType, {
    description:
      'The ledger without walking it: its head, the newest checkpoint, the last verification job’s result with its time and the verification running now (start one with `runLedgerVerification`).',
  })
  async ledgerStatus(@Ctx() ctx: Context): Promise<LedgerStatusType> {
    return presentLedgerStatus(await services(ctx).ledger.status(), ctx.actor);
  }

  @Authorized(WRITERS)
  @Mutation(() => LedgerCheckpointType, {
    nullable: true,
    description: 'Signs the current head of the ledger (null while it is empty).',
  })
  createLedgerCheckpoint(@Ctx() ctx: Context): Promise<LedgerCheckpointType | null> {
    // Only a head that continues unbroken from the newest checkpoint and the anchor kept outside the database.
    const file = ctx.deps.config.ledgerAnchorFile;
    return services(ctx).ledger.checkpoint(file ? readAnchorFile(file) : null);
  }

  @Authorized(WRITERS)
  @Query(() => LedgerEntryConnection, {
    description:
      'Ledger entries, newest first, optionally filtered. Entries hold references and hashes, never personal values.',
  })
  ledgerEntries(
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many (1–100).' }) first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The `endCursor` of the page before; omit for the first page.',
    })
    after: string | null,
    @Arg('filter', () => LedgerEntryFilter, { nullable: true, description: 'Narrows the list; null for every entry.' })
    filter: LedgerEntryFilter | null,
    @Ctx() ctx: Context,
  ): Promise<LedgerEntryConnection> {
    return services(ctx).ledgerExplorer.entries(first, after, filter);
  }

  @Authorized(WRITERS)
  @Query(() => LedgerActivity, {
    description: 'Uses, provisions and decisions per UTC day, basis and outcome over the last `days` days.',
  })
  ledgerActivity(
    @Arg('days', () => Int, { defaultValue: 30, description: 'How many days back from today to count (1–366).' })
    days: number,
    @Ctx() ctx: Context,
  ): Promise<LedgerActivity> {
    return services(ctx).ledgerExplorer.activity(days, ctx.deps.now());
  }
}

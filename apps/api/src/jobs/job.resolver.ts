import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { OWNERS, WRITERS } from '../common/auth-checker.js';
import { toPage } from '../common/pagination.js';
import { withTotal } from '../common/connection.js';
import type { Context } from '../context.js';
import { services } from '../services.js';
import { CancelJobInput } from './job.inputs.js';
import { presentJob } from './job.presenter.js';
import { JobConnection, JobType } from './job.type.js';

@Resolver()
export class JobResolver {
  @Authorized(WRITERS)
  @Query(() => JobConnection, { description: 'Background jobs, newest first: owners and privacy officers.' })
  async jobs(
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many (1–100).' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'The cursor of the last job of the page before.' })
    after: string | null,
    @Ctx() ctx: Context,
  ): Promise<JobConnection> {
    const jobs = services(ctx).job;
    const rows = await jobs.list(first, after);
    return withTotal(
      toPage(rows, first, after, (job) => presentJob(job, ctx.actor)),
      () => jobs.total(),
    );
  }

  @Authorized(WRITERS)
  @Query(() => JobType, { description: 'One background job, with its progress: owners and privacy officers.' })
  async job(@Arg('id', () => ID, { description: 'The job.' }) id: string, @Ctx() ctx: Context): Promise<JobType> {
    return presentJob(await services(ctx).job.get(id), ctx.actor);
  }

  @Authorized(OWNERS)
  @Mutation(() => JobType, {
    description:
      'Verifies the ledger now, as a background job (the same check as `verifyLedger`, audited): owners. Follow it with `job(id)`.',
  })
  async runLedgerVerification(@Ctx() ctx: Context): Promise<JobType> {
    return presentJob(await services(ctx).job.runLedgerVerification(), ctx.actor);
  }

  @Authorized(OWNERS)
  @Mutation(() => JobType, { description: 'Cancels a queued background job (audited): owners.' })
  async cancelJob(
    @Arg('input', () => CancelJobInput, { description: 'Which job.' }) input: CancelJobInput,
    @Ctx() ctx: Context,
  ): Promise<JobType> {
    return presentJob(await services(ctx).job.cancel(input.id), ctx.actor);
  }
}

import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { services } from '../services.js';
import { WorkQueueType } from './work-queue.type.js';

@Resolver()
export class WorkQueueResolver {
  @Authorized()
  @Query(() => WorkQueueType, {
    description:
      "The home page of work: approvals waiting for the caller, requests by due date, inquiries waiting and the ledger's last verification, as counts; sections the caller may not see are null.",
  })
  workQueue(@Ctx() ctx: Context): Promise<WorkQueueType> {
    return services(ctx).workQueue.get();
  }
}

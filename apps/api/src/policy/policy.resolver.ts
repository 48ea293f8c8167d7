import { Ctx, Query, Resolver } from 'type-graphql';
import { Authorized } from 'type-graphql';
import type { Context } from '../context.js';
import { PolicyVersion } from './policy-version.entity.js';
import { currentPolicy } from './policy.service.js';
import { PolicyVersionType, presentPolicyVersion } from './policy.type.js';

@Resolver()
export class PolicyResolver {
  /** Public: the policy in force is published to everyone (clauses 5 and 7). */
  @Query(() => PolicyVersionType)
  async currentPolicy(@Ctx() ctx: Context): Promise<PolicyVersionType> {
    return presentPolicyVersion(await currentPolicy(ctx.em));
  }

  @Authorized()
  @Query(() => [PolicyVersionType], { description: 'Every version, newest first.' })
  async policyVersions(@Ctx() ctx: Context): Promise<PolicyVersionType[]> {
    const versions = await ctx.em.find(PolicyVersion, {}, { orderBy: { number: 'desc' } });
    return versions.map(presentPolicyVersion);
  }
}

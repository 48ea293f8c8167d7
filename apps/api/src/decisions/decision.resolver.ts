import type { Language } from '@steward/policy-core';
import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { WRITERS_AND_SYSTEMS } from '../common/auth-checker.js';
import type { Context } from '../context.js';
import { services } from '../services.js';
import { DecisionRequestInput } from './decision.inputs.js';
import { presentDecision } from './decision.presenter.js';
import { DecisionType } from './decision.type.js';

@Resolver()
export class DecisionResolver {
  @Authorized(WRITERS_AND_SYSTEMS)
  @Query(() => DecisionType, {
    description:
      'Decides a use or provision with its basis and reasons. Every decision, allowed or denied, is recorded in the ledger. Owners and privacy officers ask it signed in; internal systems with their key (`Authorization: Bearer sys_…`), which reaches this query only.',
  })
  async decision(
    @Arg('input', () => DecisionRequestInput, { validate: false }) input: DecisionRequestInput,
    @Ctx() ctx: Context,
  ): Promise<DecisionType> {
    // The caller's language goes here once staff and internal systems have one (issue 16).
    const language: Language = 'en';
    return presentDecision(await services(ctx).decision.decide(input), language);
  }
}

import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { WRITERS_AND_SYSTEMS } from '../common/auth-checker.js';
import type { Context } from '../context.js';
import { decisionLanguage } from '../i18n/language.js';
import { services } from '../services.js';
import { DecisionRequestInput } from './decision.inputs.js';
import { presentDecision } from './decision.presenter.js';
import { DecisionType } from './decision.type.js';

@Resolver()
export class DecisionResolver {
  @Authorized(WRITERS_AND_SYSTEMS)
  @Query(() => DecisionType, {
    description:
      "Decides a use or provision with its basis and reasons. Every decision, allowed or denied, is recorded in the ledger. Owners and privacy officers ask it signed in; internal systems with their key (`Authorization: Bearer sys_…`), which reaches this query only. Reason messages are in the language of the member of staff asking (their own, else the organisation's default); in English for an internal system, which words reasons from their `code` and `params`.",
  })
  async decision(
    @Arg('input', () => DecisionRequestInput, {
      validate: false,
      description: 'Who, what, for which purpose, and to whom.',
    })
    input: DecisionRequestInput,
    @Ctx() ctx: Context,
  ): Promise<DecisionType> {
    const recorded = await services(ctx).decision.decide(input);
    return presentDecision(recorded, await decisionLanguage(ctx));
  }
}

import type { PolicyLanguage } from '@steward/policy-core';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { WRITERS, requireActor } from '../common/auth-checker.js';
import type { Context } from '../context.js';
import { services } from '../services.js';
import { loadOrganisation } from '../organisation/organisation.service.js';
import { DiscardPolicyDraftInput, PublishPolicyVersionInput, UpdatePolicyDraftInput } from './policy.inputs.js';
import { presentDiff, presentImpact, presentPublicPolicy } from './policy.presenter.js';
import { currentPolicy } from './policy-text.js';
import {
  LackingConsentConnection,
  PolicyDiffType,
  PolicyImpactType,
  PolicyLanguageEnum,
  PublicPolicyType,
} from './policy-change.type.js';
import { PolicyVersionType } from './policy.type.js';
import { presentPolicyVersion } from './policy.presenter.js';

@Resolver()
export class PolicyResolver {
  /** Public: the policy in force is published to everyone (clauses 5 and 7). */
  @Query(() => PolicyVersionType, { description: 'The privacy policy version in force.' })
  async currentPolicy(@Ctx() ctx: Context): Promise<PolicyVersionType> {
    return presentPolicyVersion(await currentPolicy(ctx.em));
  }

  /** Public and anonymous: what the privacy page shows. */
  @Query(() => PublicPolicyType, {
    description:
      'The policy in force, its change log, the website disclaimer and the secretariat, in one language. Anonymous.',
  })
  async publicPolicy(
    @Arg('language', () => PolicyLanguageEnum, { defaultValue: 'ja', description: 'The language to read it in.' })
    language: PolicyLanguage,
    @Ctx() ctx: Context,
  ): Promise<PublicPolicyType> {
    const [version, changeLog, org] = await Promise.all([
      currentPolicy(ctx.em),
      services(ctx).policy.changeLog(),
      loadOrganisation(ctx.em),
    ]);
    return presentPublicPolicy(version, changeLog, org, language);
  }

  @Authorized()
  @Query(() => [PolicyVersionType], { description: 'Every version, newest first (a draft included).' })
  async policyVersions(@Ctx() ctx: Context): Promise<PolicyVersionType[]> {
    return (await services(ctx).policy.versions()).map(presentPolicyVersion);
  }

  @Authorized()
  @Query(() => PolicyVersionType, {
    nullable: true,
    description: 'One policy version, draft or published; null when there is none.',
  })
  async policyVersion(
    @Arg('id', () => ID, { description: "The version's id." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<PolicyVersionType | null> {
    const v = await services(ctx).policy.get(id);
    return v ? presentPolicyVersion(v) : null;
  }

  @Authorized()
  @Query(() => PolicyVersionType, { nullable: true, description: 'The draft of the next version, if there is one.' })
  async policyDraft(@Ctx() ctx: Context): Promise<PolicyVersionType | null> {
    const v = await services(ctx).policy.draft();
    return v ? presentPolicyVersion(v) : null;
  }

  @Authorized()
  @Query(() => PolicyDiffType, {
    description: 'A version against the one before it (a draft: against the version in force).',
  })
  async policyDiff(
    @Arg('id', () => ID, { description: "The policy version's id." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<PolicyDiffType> {
    const diff = await services(ctx).policyImpact.diff(id);
    return presentDiff(diff.version, diff);
  }

  @Authorized()
  @Query(() => PolicyImpactType, {
    description: 'Who must be asked for consent again because of a version: counts per added or widened purpose.',
  })
  async policyImpact(
    @Arg('id', () => ID, { description: "The policy version's id (usually the draft)." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<PolicyImpactType> {
    return presentImpact(await services(ctx).policyImpact.impact(id));
  }

  @Authorized()
  @Query(() => LackingConsentConnection, {
    description: 'A page of the providers lacking consent to one added or widened purpose of a version.',
  })
  policyImpactProviders(
    @Arg('id', () => ID, { description: "The policy version's id." }) id: string,
    @Arg('purposeKey', () => String, { description: "The added or widened purpose's key." }) purposeKey: string,
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many (1–100).' }) first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The `endCursor` of the page before; omit for the first page.',
    })
    after: string | null,
    @Ctx() ctx: Context,
  ): Promise<LackingConsentConnection> {
    return services(ctx).policyImpact.lackingProviders(id, purposeKey, first, after);
  }

  @Authorized(WRITERS)
  @Mutation(() => PolicyVersionType, {
    description: 'Starts the next version as a copy of the one in force; only one draft at a time.',
  })
  async createPolicyDraft(@Ctx() ctx: Context): Promise<PolicyVersionType> {
    requireActor(ctx);
    return presentPolicyVersion(await services(ctx).policy.createDraft());
  }

  @Authorized(WRITERS)
  @Mutation(() => PolicyVersionType, {
    description:
      "Starts the next version as a copy of the one in force with clause 8's text (both languages) naming the secretariat's contact in the organisation settings, and a change summary saying so. Refused with NO_CHANGE (field contact) when the version in force already names it; CONFLICT when a draft exists.",
  })
  async createContactUpdateDraft(@Ctx() ctx: Context): Promise<PolicyVersionType> {
    requireActor(ctx);
    return presentPolicyVersion(await services(ctx).policy.createContactUpdateDraft());
  }

  @Authorized(WRITERS)
  @Mutation(() => PolicyVersionType, { description: 'Replaces the draft (optimistic lock: expectedVersion).' })
  async updatePolicyDraft(
    @Arg('input', () => UpdatePolicyDraftInput, { description: 'The draft, as read, and its new content.' })
    input: UpdatePolicyDraftInput,
    @Ctx() ctx: Context,
  ): Promise<PolicyVersionType> {
    requireActor(ctx);
    return presentPolicyVersion(await services(ctx).policy.updateDraft(input));
  }

  @Authorized(WRITERS)
  @Mutation(() => Boolean, { description: 'Deletes the draft; published versions can never be deleted.' })
  discardPolicyDraft(
    @Arg('input', () => DiscardPolicyDraftInput, { description: 'The draft, as read.' }) input: DiscardPolicyDraftInput,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    requireActor(ctx);
    return services(ctx).policy.discardDraft(input.id, input.expectedVersion);
  }

  @Authorized(WRITERS)
  @Mutation(() => PolicyVersionType, {
    description:
      'Publishes the draft: it takes effect at once, without prior notice, for all information already collected (clause 7), and its purposes of use apply. confirmNumber must repeat the new version number.',
  })
  async publishPolicyVersion(
    @Arg('input', () => PublishPolicyVersionInput, { description: 'The draft, as read, and its number again.' })
    input: PublishPolicyVersionInput,
    @Ctx() ctx: Context,
  ): Promise<PolicyVersionType> {
    requireActor(ctx);
    const { id, expectedVersion, confirmNumber } = input;
    return presentPolicyVersion(await services(ctx).policy.publish(id, expectedVersion, confirmNumber));
  }
}

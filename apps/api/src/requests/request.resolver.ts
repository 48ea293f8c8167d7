import {
  Arg,
  Authorized,
  Ctx,
  Extensions,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { badInput } from '../common/errors.js';
import { rateLimitedBy } from '../common/rate-limit.js';
import { LedgerEntryType } from '../ledger/ledger-explorer.type.js';
import { OWNERS, WRITERS, requireActor } from '../common/auth-checker.js';
import type { Context } from '../context.js';
import { AmendmentService } from './amendment.service.js';
import { CessationService } from './cessation.service.js';
import { DisclosureService } from './disclosure.service.js';
import {
  ApplyAmendmentInput,
  ApplyCessationInput,
  ChangeRequestStatusInput,
  CreateProviderRequestInput,
  ProviderRequestFilter,
  SubmitProviderRequestInput,
  UpdateRequestSettingsInput,
  VerifyRequestIdentityInput,
} from './request.inputs.js';
import { ProviderRightsService } from './provider-rights.service.js';
import { RequestIntakeService, SUBMIT_RULE } from './request-intake.service.js';
import { RequestSettingsService } from './request-settings.js';
import { RequestService } from './request.service.js';
import {
  AmendmentResultType,
  CessationResultType,
  DataItemChangeType,
  DisclosurePackageType,
  ProviderCessationType,
  ProviderRequestConnection,
  ProviderRequestType,
  RequestReceiptType,
  RequestSettingsType,
  RequestStatusChangeType,
} from './request.type.js';

function service(ctx: Context): RequestService {
  return new RequestService(ctx.em, ctx.actor, ctx.deps);
}

@Resolver(() => ProviderRequestType)
export class RequestResolver {
  @Mutation(() => RequestReceiptType, {
    description:
      'Public: a provider asks for disclosure, amendment or cessation. Rate-limited per address; keep the reference.',
  })
  @Extensions(rateLimitedBy(SUBMIT_RULE))
  submitProviderRequest(
    @Arg('input', () => SubmitProviderRequestInput) input: SubmitProviderRequestInput,
    @Ctx() ctx: Context,
  ): Promise<RequestReceiptType> {
    return new RequestIntakeService(ctx.em, ctx.actor, ctx.deps).submit(input, ctx.clientAddress, (rule, key) =>
      ctx.rateLimits.consume(rule, key),
    );
  }

  @Authorized()
  @Query(() => ProviderRequestConnection, { description: 'Provider requests, newest first, in keyset pages of 1–100.' })
  providerRequests(
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => ProviderRequestFilter, { nullable: true }) filter: ProviderRequestFilter | null,
    @Ctx() ctx: Context,
  ): Promise<ProviderRequestConnection> {
    return service(ctx).list({ first, after, filter });
  }

  @Authorized()
  @Query(() => ProviderRequestType, { nullable: true })
  async providerRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ProviderRequestType | null> {
    const row = await service(ctx).get(id);
    return row ? service(ctx).present([row])[0]! : null;
  }

  @FieldResolver(() => [RequestStatusChangeType])
  history(@Root() request: ProviderRequestType, @Ctx() ctx: Context): Promise<RequestStatusChangeType[]> {
    return service(ctx).history(request.id);
  }

  @Authorized()
  @Query(() => RequestSettingsType, { description: 'The response period provider requests are due in.' })
  requestSettings(@Ctx() ctx: Context): Promise<RequestSettingsType> {
    return new RequestSettingsService(ctx.em, ctx.actor, ctx.deps).settings();
  }

  @Authorized()
  @Query(() => [DataItemChangeType], { description: "A provider's amendment history, newest first." })
  providerAmendments(
    @Arg('providerId', () => ID) providerId: string,
    @Ctx() ctx: Context,
  ): Promise<DataItemChangeType[]> {
    return new ProviderRightsService(ctx.em, ctx.actor, ctx.deps).itemChanges(providerId);
  }

  @Authorized()
  @Query(() => [ProviderCessationType], { description: 'What a provider asked the organisation to stop.' })
  providerCessations(
    @Arg('providerId', () => ID) providerId: string,
    @Ctx() ctx: Context,
  ): Promise<ProviderCessationType[]> {
    return new ProviderRightsService(ctx.em, ctx.actor, ctx.deps).cessations(providerId);
  }

  @Authorized(WRITERS)
  @Mutation(() => ProviderRequestType, {
    description: 'Enters a request received by post, telephone, fax, e-mail or in person.',
  })
  async createProviderRequest(
    @Arg('input', () => CreateProviderRequestInput) input: CreateProviderRequestInput,
    @Ctx() ctx: Context,
  ): Promise<ProviderRequestType> {
    const s = new RequestService(ctx.em, requireActor(ctx), ctx.deps);
    return s.present([await new RequestIntakeService(ctx.em, ctx.actor, ctx.deps).create(input)])[0]!;
  }

  @Authorized(WRITERS)
  @Mutation(() => ProviderRequestType, {
    description: 'Names the provider a request concerns (before the identity is verified).',
  })
  async linkRequestProvider(
    @Arg('requestId', () => ID) requestId: string,
    @Arg('providerId', () => ID) providerId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: Context,
  ): Promise<ProviderRequestType> {
    const s = new RequestService(ctx.em, requireActor(ctx), ctx.deps);
    return s.present([await s.link(requestId, providerId, expectedVersion)])[0]!;
  }

  @Authorized(WRITERS)
  @Mutation(() => ProviderRequestType, { description: 'Records how the requester was confirmed to be the provider.' })
  async verifyRequestIdentity(
    @Arg('input', () => VerifyRequestIdentityInput) input: VerifyRequestIdentityInput,
    @Ctx() ctx: Context,
  ): Promise<ProviderRequestType> {
    const s = new RequestService(ctx.em, requireActor(ctx), ctx.deps);
    return s.present([await s.verify(input)])[0]!;
  }

  @Authorized(WRITERS)
  @Mutation(() => ProviderRequestType, {
    description: 'Moves a request on (policy-core validateStatusChange); rejecting needs a reason.',
  })
  async changeRequestStatus(
    @Arg('input', () => ChangeRequestStatusInput) input: ChangeRequestStatusInput,
    @Ctx() ctx: Context,
  ): Promise<ProviderRequestType> {
    const s = new RequestService(ctx.em, requireActor(ctx), ctx.deps);
    return s.present([await s.changeStatus(input)])[0]!;
  }

  @Authorized(WRITERS)
  @Mutation(() => DisclosurePackageType, {
    description:
      'Produces the disclosure package for a verified disclosure request in progress (or completed). Audited; marks the request.',
  })
  produceDisclosurePackage(
    @Arg('requestId', () => ID) requestId: string,
    @Ctx() ctx: Context,
  ): Promise<DisclosurePackageType> {
    return new DisclosureService(ctx.em, requireActor(ctx), ctx.deps).produce(requestId);
  }

  @Authorized(WRITERS)
  @Mutation(() => AmendmentResultType, {
    description: 'Applies an amendment item by item, against the provider version read.',
  })
  async applyAmendment(
    @Arg('input', () => ApplyAmendmentInput) input: ApplyAmendmentInput,
    @Ctx() ctx: Context,
  ): Promise<AmendmentResultType> {
    const s = new RequestService(ctx.em, requireActor(ctx), ctx.deps);
    const done = await new AmendmentService(ctx.em, requireActor(ctx), ctx.deps).apply(input);
    return {
      request: s.present([await s.reload(done.request.id)])[0]!,
      changes: done.changes,
      providerVersion: done.providerVersion,
    };
  }

  @Authorized(WRITERS)
  @Mutation(() => CessationResultType, {
    description: 'Stops use for purposes and/or provision to recipients, as the provider asked.',
  })
  async applyCessation(
    @Arg('input', () => ApplyCessationInput) input: ApplyCessationInput,
    @Ctx() ctx: Context,
  ): Promise<CessationResultType> {
    const s = new RequestService(ctx.em, requireActor(ctx), ctx.deps);
    const done = await new CessationService(ctx.em, requireActor(ctx), ctx.deps).apply(input);
    return {
      request: s.present([await s.reload(done.request.id)])[0]!,
      cessations: done.cessations,
      withdrawnPurposeKeys: done.withdrawnPurposeKeys,
      providerVersion: done.providerVersion,
    };
  }

  @Authorized(OWNERS)
  @Mutation(() => RequestSettingsType, { description: 'Owner only: the response period provider requests are due in.' })
  updateRequestSettings(
    @Arg('input', () => UpdateRequestSettingsInput) input: UpdateRequestSettingsInput,
    @Ctx() ctx: Context,
  ): Promise<RequestSettingsType> {
    return new RequestSettingsService(ctx.em, requireActor(ctx), ctx.deps).updateSettings(input);
  }
}

@Resolver(() => DisclosurePackageType)
export class DisclosurePackageResolver {
  @FieldResolver(() => [LedgerEntryType], {
    description:
      'Every collection, consent, use, provision and decision recorded about the provider, oldest first; `first` limits the typed list (e.g. for a preview) — `json` always holds them all.',
  })
  ledger(
    @Root() pkg: DisclosurePackageType,
    @Arg('first', () => Int, { nullable: true }) first: number | null | undefined,
  ): LedgerEntryType[] {
    if (first === null || first === undefined) return pkg.ledger;
    if (!Number.isInteger(first) || first < 0) throw badInput('first', 'INVALID_VALUE', 'Must be 0 or more', '');
    return pkg.ledger.slice(0, first);
  }
}

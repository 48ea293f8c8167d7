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
import { OWNERS, WRITERS } from '../common/auth-checker.js';
import type { Context } from '../context.js';
import { services } from '../services.js';
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
import { SUBMIT_RULE } from './request-intake.service.js';
import {
  AmendmentResultType,
  CessationResultType,
  DataItemChangeType,
  DisclosurePackageType,
  ProviderCessationType,
  ProviderRequestConnection,
  ProviderRequestSort,
  ProviderRequestType,
  RequestReceiptType,
  RequestSettingsType,
  RequestStatusChangeType,
} from './request.type.js';

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
    return services(ctx).requestIntake.submit(input, ctx.clientAddress, (rule, key) =>
      ctx.rateLimits.consumeAddress(rule, key),
    );
  }

  @Authorized()
  @Query(() => ProviderRequestConnection, { description: 'Provider requests, newest first, in keyset pages of 1–100.' })
  providerRequests(
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => ProviderRequestFilter, { nullable: true }) filter: ProviderRequestFilter | null,
    @Arg('sort', () => ProviderRequestSort, {
      nullable: true,
      description: 'The order; newest received first when omitted. A cursor belongs to the order it was read in.',
    })
    sort: ProviderRequestSort | null,
    @Ctx() ctx: Context,
  ): Promise<ProviderRequestConnection> {
    return services(ctx).request.list({ first, after, filter, sort });
  }

  @Authorized()
  @Query(() => ProviderRequestType, { nullable: true })
  async providerRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ProviderRequestType | null> {
    const requests = services(ctx).request;
    const row = await requests.get(id);
    return row ? requests.present([row])[0]! : null;
  }

  @FieldResolver(() => [RequestStatusChangeType])
  history(@Root() request: ProviderRequestType, @Ctx() ctx: Context): Promise<RequestStatusChangeType[]> {
    return services(ctx).request.history(request.id);
  }

  @Authorized()
  @Query(() => RequestSettingsType, { description: 'The response period provider requests are due in.' })
  requestSettings(@Ctx() ctx: Context): Promise<RequestSettingsType> {
    return services(ctx).requestSettings.settings();
  }

  @Authorized()
  @Query(() => [DataItemChangeType], { description: "A provider's amendment history, newest first." })
  providerAmendments(
    @Arg('providerId', () => ID) providerId: string,
    @Ctx() ctx: Context,
  ): Promise<DataItemChangeType[]> {
    return services(ctx).providerRights.itemChanges(providerId);
  }

  @Authorized()
  @Query(() => [ProviderCessationType], { description: 'What a provider asked the organisation to stop.' })
  providerCessations(
    @Arg('providerId', () => ID) providerId: string,
    @Ctx() ctx: Context,
  ): Promise<ProviderCessationType[]> {
    return services(ctx).providerRights.cessations(providerId);
  }

  @Authorized(WRITERS)
  @Mutation(() => ProviderRequestType, {
    description: 'Enters a request received by post, telephone, fax, e-mail or in person.',
  })
  async createProviderRequest(
    @Arg('input', () => CreateProviderRequestInput) input: CreateProviderRequestInput,
    @Ctx() ctx: Context,
  ): Promise<ProviderRequestType> {
    const { request, requestIntake } = services(ctx);
    return request.present([await requestIntake.create(input)])[0]!;
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
    const s = services(ctx).request;
    return s.present([await s.link(requestId, providerId, expectedVersion)])[0]!;
  }

  @Authorized(WRITERS)
  @Mutation(() => ProviderRequestType, { description: 'Records how the requester was confirmed to be the provider.' })
  async verifyRequestIdentity(
    @Arg('input', () => VerifyRequestIdentityInput) input: VerifyRequestIdentityInput,
    @Ctx() ctx: Context,
  ): Promise<ProviderRequestType> {
    const s = services(ctx).request;
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
    const s = services(ctx).request;
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
    return services(ctx).disclosure.produce(requestId);
  }

  @Authorized(WRITERS)
  @Mutation(() => AmendmentResultType, {
    description: 'Applies an amendment item by item, against the provider version read.',
  })
  async applyAmendment(
    @Arg('input', () => ApplyAmendmentInput) input: ApplyAmendmentInput,
    @Ctx() ctx: Context,
  ): Promise<AmendmentResultType> {
    const { request: s, amendment } = services(ctx);
    const done = await amendment.apply(input);
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
    const { request: s, cessation } = services(ctx);
    const done = await cessation.apply(input);
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
    return services(ctx).requestSettings.updateSettings(input);
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

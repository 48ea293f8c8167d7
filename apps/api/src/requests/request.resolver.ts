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
  LinkRequestProviderInput,
  ProduceDisclosurePackageInput,
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
    @Arg('input', () => SubmitProviderRequestInput, { description: 'The request as the form sends it.' })
    input: SubmitProviderRequestInput,
    @Ctx() ctx: Context,
  ): Promise<RequestReceiptType> {
    return services(ctx).requestIntake.submit(input, ctx.clientAddress, (rule, key) =>
      ctx.rateLimits.consumeAddress(rule, key),
    );
  }

  @Authorized()
  @Query(() => ProviderRequestConnection, { description: 'Provider requests, newest first, in keyset pages of 1–100.' })
  providerRequests(
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many (1–100).' }) first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The `endCursor` of the page before; omit for the first page.',
    })
    after: string | null,
    @Arg('filter', () => ProviderRequestFilter, {
      nullable: true,
      description: 'Narrows the list; null for every request.',
    })
    filter: ProviderRequestFilter | null,
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
  @Query(() => ProviderRequestType, {
    nullable: true,
    description: 'One provider request; null when there is none. Reading its requester is audited.',
  })
  async providerRequest(
    @Arg('id', () => ID, { description: "The request's id." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<ProviderRequestType | null> {
    const requests = services(ctx).request;
    const row = await requests.get(id);
    return row ? requests.present([row])[0]! : null;
  }

  @FieldResolver(() => [RequestStatusChangeType], { description: 'Every change of status, oldest first.' })
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
    @Arg('providerId', () => ID, { description: "The provider's id." }) providerId: string,
    @Ctx() ctx: Context,
  ): Promise<DataItemChangeType[]> {
    return services(ctx).providerRights.itemChanges(providerId);
  }

  @Authorized()
  @Query(() => [ProviderCessationType], { description: 'What a provider asked the organisation to stop.' })
  providerCessations(
    @Arg('providerId', () => ID, { description: "The provider's id." }) providerId: string,
    @Ctx() ctx: Context,
  ): Promise<ProviderCessationType[]> {
    return services(ctx).providerRights.cessations(providerId);
  }

  @Authorized(WRITERS)
  @Mutation(() => ProviderRequestType, {
    description: 'Enters a request received by post, telephone, fax, e-mail or in person.',
  })
  async createProviderRequest(
    @Arg('input', () => CreateProviderRequestInput, { description: 'The request as received.' })
    input: CreateProviderRequestInput,
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
    @Arg('input', () => LinkRequestProviderInput, { description: 'The request, as read, and the provider.' })
    input: LinkRequestProviderInput,
    @Ctx() ctx: Context,
  ): Promise<ProviderRequestType> {
    const s = services(ctx).request;
    return s.present([await s.link(input.requestId, input.providerId, input.expectedVersion)])[0]!;
  }

  @Authorized(WRITERS)
  @Mutation(() => ProviderRequestType, { description: 'Records how the requester was confirmed to be the provider.' })
  async verifyRequestIdentity(
    @Arg('input', () => VerifyRequestIdentityInput, {
      description: 'The request, as read, and how the requester was checked.',
    })
    input: VerifyRequestIdentityInput,
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
    @Arg('input', () => ChangeRequestStatusInput, { description: 'The request, as read, and its new status.' })
    input: ChangeRequestStatusInput,
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
    @Arg('input', () => ProduceDisclosurePackageInput, { description: 'The disclosure request.' })
    input: ProduceDisclosurePackageInput,
    @Ctx() ctx: Context,
  ): Promise<DisclosurePackageType> {
    return services(ctx).disclosure.produce(input.requestId);
  }

  @Authorized(WRITERS)
  @Mutation(() => AmendmentResultType, {
    description: 'Applies an amendment item by item, against the provider version read.',
  })
  async applyAmendment(
    @Arg('input', () => ApplyAmendmentInput, { description: 'The request and the changes.' })
    input: ApplyAmendmentInput,
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
    @Arg('input', () => ApplyCessationInput, {
      description: 'The request, the provider version read and what to stop.',
    })
    input: ApplyCessationInput,
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
    @Arg('input', () => UpdateRequestSettingsInput, { description: 'The response period and the calendar.' })
    input: UpdateRequestSettingsInput,
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
    @Arg('first', () => Int, {
      nullable: true,
      description:
        'At most this many entries, the oldest first (0 or more); all when omitted. `ledgerCount` says how many there are; `json` always holds them all.',
    })
    first: number | null | undefined,
  ): LedgerEntryType[] {
    if (first === null || first === undefined) return pkg.ledger;
    if (!Number.isInteger(first) || first < 0) throw badInput('first', 'INVALID_VALUE', 'Must be 0 or more', '');
    return pkg.ledger.slice(0, first);
  }
}

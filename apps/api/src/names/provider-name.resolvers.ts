import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { InquirySummaryType } from '../inquiries/inquiry.type.js';
import { RequestProviderType } from '../requests/request.type.js';
import { services } from '../services.js';

const DISPLAY_NAME = {
  nullable: true,
  description:
    "The provider's name (their newest NAME item), for owners and privacy officers (policy-core's readProviderNames); null for a viewer. The names a page asks for are one audited read (provider.read, listing the providers).",
};

// The provider a request or an inquiry is about, by name beside its reference: batched per page
// through the operation's NameService, as ProviderRef.displayName.

@Resolver(() => RequestProviderType)
export class RequestProviderNameResolver {
  @FieldResolver(() => String, DISPLAY_NAME)
  displayName(@Root() provider: RequestProviderType, @Ctx() ctx: Context): Promise<string | null> {
    return services(ctx).names.providerName(provider.id);
  }
}

@Resolver(() => InquirySummaryType)
export class InquiryProviderNameResolver {
  @FieldResolver(() => String, DISPLAY_NAME)
  providerName(@Root() inquiry: InquirySummaryType, @Ctx() ctx: Context): Promise<string | null> | null {
    return inquiry.providerId ? services(ctx).names.providerName(inquiry.providerId) : null;
  }
}

import { Arg, Authorized, Ctx, Extensions, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { WRITERS, requireActor } from '../common/auth-checker.js';
import { rateLimitedBy } from '../common/rate-limit.js';
import type { Context } from '../context.js';
import { services } from '../services.js';
import { COOKIE_RATE_LIMITS } from './cookie-consent.service.js';
import {
  openCookieHistory,
  presentCategory,
  presentDeclaration,
  presentHistoryEntry,
  presentReceipt,
  presentSite,
  presentStatus,
} from './cookie.presenter.js';
import {
  CookieDeclarationInput,
  CookieSiteInput,
  DeleteCookieDeclarationInput,
  RecordCookieConsentInput,
  UpdateCookieCategoryInput,
  UpdateCookieDeclarationInput,
  UpdateCookieSiteInput,
  WithdrawCookieConsentInput,
} from './cookie.inputs.js';
import {
  CookieBannerType,
  CookieCategoryInfoType,
  CookieConsentHistoryEntryType,
  CookieConsentReceiptType,
  CookieConsentStatsType,
  CookieConsentStatusType,
  CookieDeclarationType,
  CookieSiteType,
} from './cookie.type.js';

/** The public consent API: anonymous, only from a site's allowed origins, rate-limited per visitor and address. */
@Resolver()
export class CookieConsentResolver {
  @Query(() => CookieBannerType, {
    description: 'Public: what the banner shows for a site (texts, categories, declarations, policy version).',
  })
  @Extensions(rateLimitedBy(COOKIE_RATE_LIMITS.address))
  cookieBanner(
    @Arg('siteKey', () => String, { description: "The site's public key, as embedded in its pages." }) siteKey: string,
    @Arg('locale', () => String, { defaultValue: 'en', description: 'ja or en (anything else: en).' }) locale: string,
    @Ctx() ctx: Context,
  ): Promise<CookieBannerType> {
    return services(ctx).cookieConsent.banner(siteKey, locale.slice(0, 35), ctx);
  }

  @Query(() => CookieConsentStatusType, {
    nullable: true,
    description: "Public: a visitor's current choice on a site.",
  })
  @Extensions(rateLimitedBy(COOKIE_RATE_LIMITS.address))
  async cookieConsent(
    @Arg('siteKey', () => String, { description: "The site's public key." }) siteKey: string,
    @Arg('visitorId', () => String, { description: "The visitor's id, as the banner keeps it." }) visitorId: string,
    @Ctx() ctx: Context,
  ): Promise<CookieConsentStatusType | null> {
    const status = await services(ctx).cookieConsent.status(siteKey, visitorId, ctx);
    return status ? presentStatus(status) : null;
  }

  @Mutation(() => CookieConsentReceiptType, {
    description: "Public: records a visitor's choice; a retry with the same idempotency key returns the same receipt.",
  })
  @Extensions(rateLimitedBy(COOKIE_RATE_LIMITS.address))
  async recordCookieConsent(
    @Arg('input', () => RecordCookieConsentInput, {
      validate: false,
      description: "The visitor's choice from the banner.",
    })
    input: RecordCookieConsentInput,
    @Ctx() ctx: Context,
  ): Promise<CookieConsentReceiptType> {
    return presentReceipt(await services(ctx).cookieConsent.record(input, ctx));
  }

  @Mutation(() => CookieConsentReceiptType, {
    description: 'Public: withdraws every optional category for a visitor on a site.',
  })
  @Extensions(rateLimitedBy(COOKIE_RATE_LIMITS.address))
  async withdrawCookieConsent(
    @Arg('input', () => WithdrawCookieConsentInput, { validate: false, description: 'The visitor and site.' })
    input: WithdrawCookieConsentInput,
    @Ctx() ctx: Context,
  ): Promise<CookieConsentReceiptType> {
    return presentReceipt(await services(ctx).cookieConsent.withdraw(input, ctx));
  }
}

/** Categories, declarations and sites (owners and privacy officers edit; viewers read), statistics and visitor history. */
@Resolver()
export class CookieAdminResolver {
  @Authorized()
  @Query(() => [CookieCategoryInfoType], { description: "The cookie categories with the organisation's wording." })
  async cookieCategories(@Ctx() ctx: Context): Promise<CookieCategoryInfoType[]> {
    return (await services(ctx).cookieAdmin.categories()).map(presentCategory);
  }

  @Authorized()
  @Query(() => [CookieSiteType], { description: 'Every cookie site, with its declarations.' })
  async cookieSites(@Ctx() ctx: Context): Promise<CookieSiteType[]> {
    const service = services(ctx).cookieAdmin;
    const sites = await service.sites();
    const declarations = await service.declarations(sites.map((s) => s.id));
    return sites.map((s) => presentSite(s, declarations));
  }

  @Authorized()
  @Query(() => CookieSiteType, { nullable: true, description: 'One cookie site; null when there is none.' })
  async cookieSite(
    @Arg('id', () => ID, { description: "The site's id." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<CookieSiteType | null> {
    const service = services(ctx).cookieAdmin;
    const site = await service.site(id);
    return site ? presentSite(site, await service.declarations([site.id])) : null;
  }

  @Authorized()
  @Query(() => CookieConsentStatsType, {
    description:
      'Visitors per UTC day for a site over the last `days` days, each counted once a day by their last choice or withdrawal.',
  })
  async cookieConsentStats(
    @Arg('siteId', () => ID, { description: 'The cookie site.' }) siteId: string,
    @Arg('days', () => Int, { defaultValue: 30, description: 'How many days back from today to count (1–366).' })
    days: number,
    @Ctx() ctx: Context,
  ): Promise<CookieConsentStatsType> {
    return { siteId, ...(await services(ctx).cookieAdmin.stats(siteId, days)) };
  }

  @Authorized(WRITERS)
  @Query(() => [CookieConsentHistoryEntryType], {
    description: "A visitor's consent history on every site (by the id the banner shows them); audited.",
  })
  async cookieConsentHistory(
    @Arg('visitorId', () => String, { description: "The visitor's id, as the banner showed it to them." })
    visitorId: string,
    @Ctx() ctx: Context,
  ): Promise<CookieConsentHistoryEntryType[]> {
    requireActor(ctx);
    return openCookieHistory(
      ctx.deps.cipher,
      await services(ctx).cookieAdmin.visitorHistory(visitorId.slice(0, 64)),
    ).map(presentHistoryEntry);
  }

  @Authorized(WRITERS)
  @Mutation(() => CookieCategoryInfoType, {
    description: 'Rewords a cookie category in the banner (owners and privacy officers).',
  })
  async updateCookieCategory(
    @Arg('input', () => UpdateCookieCategoryInput, { description: 'The category and its wording.' })
    input: UpdateCookieCategoryInput,
    @Ctx() ctx: Context,
  ): Promise<CookieCategoryInfoType> {
    return presentCategory(await services(ctx).cookieAdmin.updateCategory(input));
  }

  @Authorized(WRITERS)
  @Mutation(() => CookieSiteType, { description: 'Creates a site with a new public site key.' })
  async createCookieSite(
    @Arg('input', () => CookieSiteInput, { description: "The site's settings." }) input: CookieSiteInput,
    @Ctx() ctx: Context,
  ): Promise<CookieSiteType> {
    return presentSite(await services(ctx).cookieAdmin.createSite(input), []);
  }

  @Authorized(WRITERS)
  @Mutation(() => CookieSiteType, { description: "Replaces a site's settings; its public site key stays." })
  async updateCookieSite(
    @Arg('input', () => UpdateCookieSiteInput, { description: 'The site and its new settings.' })
    input: UpdateCookieSiteInput,
    @Ctx() ctx: Context,
  ): Promise<CookieSiteType> {
    const service = services(ctx).cookieAdmin;
    const site = await service.updateSite(input.id, input);
    return presentSite(site, await service.declarations([site.id]));
  }

  @Authorized(WRITERS)
  @Mutation(() => CookieDeclarationType, { description: 'Declares a tracker on a site; the banner lists it at once.' })
  async createCookieDeclaration(
    @Arg('input', () => CookieDeclarationInput, { description: 'The tracker and its site.' })
    input: CookieDeclarationInput,
    @Ctx() ctx: Context,
  ): Promise<CookieDeclarationType> {
    return presentDeclaration(await services(ctx).cookieAdmin.createDeclaration(input));
  }

  @Authorized(WRITERS)
  @Mutation(() => CookieDeclarationType, { description: "Replaces a declaration's wording; it stays with its site." })
  async updateCookieDeclaration(
    @Arg('input', () => UpdateCookieDeclarationInput, { description: 'The declaration and its new wording.' })
    input: UpdateCookieDeclarationInput,
    @Ctx() ctx: Context,
  ): Promise<CookieDeclarationType> {
    return presentDeclaration(await services(ctx).cookieAdmin.updateDeclaration(input.id, input));
  }

  @Authorized(WRITERS)
  @Mutation(() => ID, { description: 'Deletes a declaration; answers its id.' })
  deleteCookieDeclaration(
    @Arg('input', () => DeleteCookieDeclarationInput, { description: 'The declaration.' })
    input: DeleteCookieDeclarationInput,
    @Ctx() ctx: Context,
  ): Promise<string> {
    return services(ctx).cookieAdmin.deleteDeclaration(input.id);
  }
}

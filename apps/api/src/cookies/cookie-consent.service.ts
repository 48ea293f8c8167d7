import type { SqlEntityManager } from '@mikro-orm/knex';
import {
  COOKIE_CATEGORIES,
  COOKIE_CATEGORY_INFO,
  applyGpc,
  choiceFromList,
  isChoiceExpired,
  isVisitorId,
  issue,
  normalizeOrigin,
  validateCookieChoice,
  withdrawnChoice,
  type CookieChoice,
  type CookieConsentAction,
} from '@steward/policy-core';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json.js';
import { BadInputError, DomainError, ForbiddenError } from '../common/errors.js';
import { newId } from '../common/ids.js';
import { fromDbBoolean, fromDbDate } from '../common/sql/dialect.js';
import { cookieSiteByKey, eventByIdempotencyKey, newestEvent, visitorHistoryPage } from './cookie.queries.js';
import type { RateLimitRule } from '../common/rate-limit.js';
import type { AppDeps } from '../context.js';
import { currentPolicyFacts } from '../policy/policy-text.js';
import { visitorSealContext } from './cookie-consent.entity.js';
import {
  choiceOf,
  eventOf,
  type CookieReceipt,
  type CookieStatus,
  type EventRow,
  type SealedCookieHistoryEntry,
} from './cookie-event.js';
import { identityIssues, publicInputBounds, type PublicRequest, type PublicSite } from './cookie-public-input.js';
import { cookieWriteBatcher } from './cookie-write-batch.js';
import { publicCaches } from './cookie-cache.js';
import { CookieCategoryEntity } from './cookie-category.entity.js';
import { CookieDeclaration } from './cookie-declaration.entity.js';
import { CookieSite } from './cookie-site.entity.js';
import type { CookieBannerType } from './cookie.type.js';
import type { RecordCookieConsentInput, WithdrawCookieConsentInput } from './cookie.inputs.js';

/** Budgets of the public consent API (STEWARD_RATE_LIMIT_SCALE multiplies them). */
export const COOKIE_RATE_LIMITS = {
  /** Writes per visitor and site: a person clicks a banner a few times, not hundreds. */
  visitor: { name: 'cookie-consent:visitor', points: 30, durationSeconds: 60 },
  /** Every public cookie request per client address (offices share one address behind NAT). */
  address: { name: 'cookie-consent:address', points: 600, durationSeconds: 60 },
} as const satisfies Record<string, RateLimitRule>;

/** One answer for an unknown site key and an origin the site does not allow: nothing tells them apart. */
export const COOKIE_SITE_REFUSED = 'This site key cannot be used from this origin';

const DAY_MS = 86_400_000;

/** Rows per statement when a visitor's history is read (all of it is read, page after page). */
export const HISTORY_PAGE_ROWS = 2000;

function parseList(value: unknown): string[] {
  const list: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string') : [];
}

/** The visitor's blind index: the same for every site, so a disclosure finds all of a visitor's events. */
export function visitorIndexOf(deps: AppDeps, visitorId: string): string {
  return deps.cipher.blindIndex('cookie-visitor', visitorId);
}

/**
 * The public cookie consent API (anonymous, called by the banner from the site's own pages). The
 * write path is lean SQL — an insert that does nothing on a repeated (visitor, site, idempotency key)
 * and the audit entry in one transaction — because it is the hottest path Steward has
 * (bench/README.md). Every lookup on it is by the event table's one unique key or its prefix.
 */
export class CookieConsentService {
  constructor(
    /** For lean SQL (the write path); may be the root EntityManager (Context.db). */
    private readonly em: SqlEntityManager,
    private readonly deps: AppDeps,
    /** An EntityManager for entity reads (the banner), made only when needed. */
    private readonly entities: () => SqlEntityManager = () => em,
  ) {}

  /** The site a key names, if the request comes from one of its allowed origins; FORBIDDEN otherwise. */
  async siteFor(siteKey: string, req: PublicRequest): Promise<PublicSite> {
    const refused = () => new ForbiddenError(COOKIE_SITE_REFUSED);
    const normalized = req.origin ? normalizeOrigin(req.origin) : null;
    if (!normalized || siteKey.length > 64) throw refused();
    const stamp = await req.changeStamp();
    const site = await publicCaches(this.em.getConnection()).sites.get(siteKey, stamp, async () => {
      const row = await cookieSiteByKey<{
        id: string;
        allowed_origins: unknown;
        honours_gpc: unknown;
        consent_lifetime_days: number | string;
      }>(this.em, siteKey);
      return row
        ? {
            id: row.id,
            siteKey,
            honoursGpc: fromDbBoolean(row.honours_gpc),
            consentLifetimeDays: Number(row.consent_lifetime_days),
            allowedOrigins: parseList(row.allowed_origins),
          }
        : null;
    });
    if (!site || !site.allowedOrigins.includes(normalized)) throw refused();
    return site;
  }

  async record(input: RecordCookieConsentInput, req: PublicRequest): Promise<CookieReceipt> {
    await req.rateLimits.consumeAddress(COOKIE_RATE_LIMITS.address, req.clientAddress);
    publicInputBounds(input);
    const issues = identityIssues(input);
    const listed = choiceFromList(input.choices);
    issues.push(...listed.issues);
    const checked = validateCookieChoice(listed.record);
    if (!checked.ok) issues.push(...checked.issues.map((i) => ({ ...i, field: `choices.${i.field}` })));
    if (issues.length) throw new BadInputError(issues);
    return this.write('CHOOSE', input, listed.record as CookieChoice, req);
  }

  async withdraw(input: WithdrawCookieConsentInput, req: PublicRequest): Promise<CookieReceipt> {
    await req.rateLimits.consumeAddress(COOKIE_RATE_LIMITS.address, req.clientAddress);
    publicInputBounds(input);
    const issues = identityIssues(input);
    if (issues.length) throw new BadInputError(issues);
    return this.write('WITHDRAW', input, withdrawnChoice(), req);
  }

  /** What the banner shows on a site, in one language (en unless the locale is Japanese). */
  async banner(siteKey: string, locale: string, req: PublicRequest): Promise<CookieBannerType> {
    await req.rateLimits.consumeAddress(COOKIE_RATE_LIMITS.address, req.clientAddress);
    const site = await this.siteFor(siteKey, req);
    const lang = /^ja\b/i.test(locale.trim()) ? 'ja' : 'en';
    const em = this.entities();
    const row = await em.findOneOrFail(CookieSite, { id: site.id });
    const categories = await em.find(CookieCategoryEntity, {});
    const declarations = await em.find(
      CookieDeclaration,
      { site: site.id },
      { orderBy: { category: 'asc', name: 'asc', id: 'asc' } },
    );
    const policy = await currentPolicyFacts(em);
    const byKey = new Map(categories.map((c) => [c.category, c]));
    const pick = (en: string, ja: string) => (lang === 'ja' ? ja : en);
    return {
      siteKey,
      locale: lang,
      title: pick(row.bannerTitleEn, row.bannerTitleJa),
      text: pick(row.bannerTextEn, row.bannerTextJa),
      policyVersion: policy.number,
      consentLifetimeDays: row.consentLifetimeDays,
      honoursGpc: row.honoursGpc,
      categories: COOKIE_CATEGORIES.map((category) => {
        const info = COOKIE_CATEGORY_INFO[category];
        const text = byKey.get(category);
        return {
          category,
          label: text ? pick(text.labelEn, text.labelJa) : info.label[lang],
          description: text ? pick(text.descriptionEn, text.descriptionJa) : info.description[lang],
          required: info.required,
        };
      }),
      declarations: declarations.map((d) => ({
        name: d.name,
        domain: d.domain,
        category: d.category,
        vendor: d.vendor,
        purpose: pick(d.purposeEn, d.purposeJa),
        durationDays: d.durationDays,
        storageKind: d.storageKind,
      })),
    };
  }

  /** The visitor's current choice on the site, or null when there is none. */
  async status(siteKey: string, visitorId: string, req: PublicRequest): Promise<CookieStatus | null> {
    await req.rateLimits.consumeAddress(COOKIE_RATE_LIMITS.address, req.clientAddress);
    if (!isVisitorId(visitorId))
      throw new BadInputError([issue('visitorId', 'INVALID_FORMAT', 'A visitor id is a version-4 UUID.')], '');
    const site = await this.siteFor(siteKey, req);
    // The newest event of the visitor on the site (a handful of rows: the unique index's prefix).
    const row = await newestEvent<Omit<EventRow, 'gpc_applied' | 'payload_hash'>>(
      this.em,
      visitorIndexOf(this.deps, visitorId),
      site.id,
    );
    if (!row) return null;
    const recordedAt = fromDbDate(row.occurred_at);
    return {
      receiptId: row.id,
      action: row.action,
      choice: choiceOf(row),
      gpc: fromDbBoolean(row.gpc),
      policyVersion: Number(row.policy_version),
      recordedAt,
      expiresAt: new Date(recordedAt.getTime() + site.consentLifetimeDays * DAY_MS),
      expired: isChoiceExpired(recordedAt, site.consentLifetimeDays, this.deps.now()),
    };
  }

  /**
   * Every consent event of a visitor, on every site, oldest first, with the visitor id still sealed
   * (openCookieHistory opens it and checks it against the one asked for). For disclosure requests (issue #4) and the admin's
   * visitor history; it does not audit — the caller records the read in its own audit entry.
   * Complete, however long: read in keyset pages of `pageRows` by (time, id), so no statement
   * returns an unbounded number of rows and none is left out (a disclosure must not omit any).
   */
  async historyForVisitor(visitorId: string, pageRows = HISTORY_PAGE_ROWS): Promise<SealedCookieHistoryEntry[]> {
    if (!isVisitorId(visitorId)) return [];
    const limit = Math.max(1, Math.floor(pageRows));
    const visitorIndex = visitorIndexOf(this.deps, visitorId);
    const entries: SealedCookieHistoryEntry[] = [];
    // The last row read, its time as the database gave it (so the next page starts exactly after it).
    let after: { at: unknown; id: string } | null = null;
    for (;;) {
      const rows: (EventRow & { site_id: string; site_name: string; visitor_sealed: string })[] =
        await visitorHistoryPage(this.em, visitorIndex, after, limit);
      for (const r of rows) {
        entries.push({
          ...eventOf(r),
          siteId: r.site_id,
          siteName: r.site_name,
          visitorId,
          visitorSealed: r.visitor_sealed,
        });
      }
      const last = rows.at(-1);
      if (!last || rows.length < limit) return entries;
      after = { at: last.occurred_at, id: last.id };
    }
  }

  private async write(
    action: CookieConsentAction,
    input: { siteKey: string; visitorId: string; idempotencyKey: string; policyVersion: number; gpc: boolean },
    asked: CookieChoice,
    req: PublicRequest,
  ): Promise<CookieReceipt> {
    const site = await this.siteFor(input.siteKey, req);
    const visitorIndex = visitorIndexOf(this.deps, input.visitorId);
    await req.rateLimits.consume(COOKIE_RATE_LIMITS.visitor, `${site.id}:${visitorIndex}`);
    // The policy in force, as of the change stamp this request read (publishing moves it).
    const policyNumber = await publicCaches(this.em.getConnection()).policy.get(
      'current',
      await req.changeStamp(),
      async () => (await currentPolicyFacts(this.em)).number,
    );
    if (input.policyVersion > policyNumber) {
      throw new BadInputError([
        issue('policyVersion', 'POLICY_VERSION_NOT_CURRENT', `Policy version ${input.policyVersion} is not published.`),
      ]);
    }
    const choice = applyGpc(asked, { gpc: input.gpc, honoursGpc: site.honoursGpc });
    const gpcApplied = COOKIE_CATEGORIES.some((c) => asked[c] !== choice[c]);
    const payloadHash = createHash('sha256')
      .update(
        canonicalJson({
          action,
          site: site.id,
          visitor: input.visitorId,
          choice: asked,
          gpc: input.gpc,
          policyVersion: input.policyVersion,
        }),
      )
      .digest('hex');
    const id = newId();
    const now = this.deps.now();
    const stored = await cookieWriteBatcher(this.em).submit({
      id,
      siteId: site.id,
      siteKey: site.siteKey,
      visitorIndex,
      visitorSealed: this.deps.cipher.encrypt(input.visitorId, visitorSealContext(id)),
      action,
      functional: choice.FUNCTIONAL,
      analytics: choice.ANALYTICS,
      marketing: choice.MARKETING,
      gpc: input.gpc,
      gpcApplied,
      policyVersion: input.policyVersion,
      idempotencyKey: input.idempotencyKey,
      payloadHash,
      at: now,
      accepted: COOKIE_CATEGORIES.filter((c) => choice[c]),
    });
    if (stored) {
      return {
        receiptId: id,
        action,
        choice,
        gpc: input.gpc,
        gpcApplied,
        policyVersion: input.policyVersion,
        recordedAt: now,
        expiresAt: this.expiry(now, site),
      };
    }
    return this.replay(site, visitorIndex, input.idempotencyKey, payloadHash);
  }

  /** A retry: the stored receipt if the payload is the same; CONFLICT if the key was used for something else. */
  private async replay(
    site: PublicSite,
    visitorIndex: string,
    idempotencyKey: string,
    payloadHash: string,
  ): Promise<CookieReceipt> {
    const row = await eventByIdempotencyKey<EventRow>(this.em, visitorIndex, site.id, idempotencyKey);
    if (!row) throw new Error('An idempotency key conflicted but its event is missing');
    if (row.payload_hash !== payloadHash) {
      throw new DomainError('CONFLICT', 'This idempotency key was already used for a different request', {
        field: 'input.idempotencyKey',
        reason: 'IDEMPOTENCY_KEY_REUSED',
      });
    }
    const event = eventOf(row);
    return { ...event, expiresAt: this.expiry(event.recordedAt, site) };
  }

  private expiry(at: Date, site: PublicSite): Date {
    return new Date(at.getTime() + site.consentLifetimeDays * DAY_MS);
  }
}

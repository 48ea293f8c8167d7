import type { SqlEntityManager } from '@mikro-orm/knex';
import {
  COOKIE_CATEGORIES,
  COOKIE_CATEGORY_INFO,
  normalizeLineBreaks,
  normalizeOrigin,
  validateCookieCategoryText,
  validateCookieDeclaration,
  validateCookieSite,
  type CookieCategory,
} from '@steward/policy-core';
import { randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import { BadInputError, DomainError, NotFoundError, badInput } from '../common/errors.js';
import { CookieConsentService, visitorIndexOf } from './cookie-consent.service.js';
import type { SealedCookieHistoryEntry } from './cookie-event.js';
import { bumpChangeStamp } from '../common/facts/change-stamp.queries.js';
import { cookieStatsRows } from './cookie.queries.js';
import { CookieCategoryEntity } from './cookie-category.entity.js';
import { CookieDeclaration } from './cookie-declaration.entity.js';
import { CookieSite } from './cookie-site.entity.js';
import type { CookieDeclarationInput, CookieSiteInput, UpdateCookieCategoryInput } from './cookie.inputs.js';
import { isUuid } from '../common/ids.js';
import { Service } from '../common/transaction.js';

const DAY_MS = 86_400_000;

/** A public site key: `site_` and 20 random base32 characters. */
export function generateSiteKey(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  return `site_${[...randomBytes(20)].map((b) => alphabet[b % 32]).join('')}`;
}

/** Makes sure every category has a row with the organisation's wording (policy-core's defaults first). */
export async function ensureCookieCategories(em: SqlEntityManager, now: Date): Promise<void> {
  const existing = new Set((await em.find(CookieCategoryEntity, {})).map((c) => c.category));
  for (const category of COOKIE_CATEGORIES) {
    if (existing.has(category)) continue;
    const info = COOKIE_CATEGORY_INFO[category];
    em.create(CookieCategoryEntity, {
      category,
      labelEn: info.label.en,
      labelJa: info.label.ja,
      descriptionEn: info.description.en,
      descriptionJa: info.description.ja,
      updatedAt: now,
    });
  }
  await em.flush();
}

export interface CookieStatsDay {
  day: string;
  choices: number;
  withdrawals: number;
  gpc: number;
  functional: number;
  analytics: number;
  marketing: number;
}

/** Categories, declarations and sites (owners and privacy officers edit), statistics and a visitor's history. */
export class CookieAdminService extends Service {
  async categories(): Promise<CookieCategoryEntity[]> {
    const rows = await this.em.find(CookieCategoryEntity, {});
    const byKey = new Map(rows.map((r) => [r.category, r]));
    return COOKIE_CATEGORIES.map((c) => byKey.get(c)).filter((r): r is CookieCategoryEntity => r !== undefined);
  }

  sites(): Promise<CookieSite[]> {
    return this.em.find(CookieSite, {}, { orderBy: { name: 'asc', id: 'asc' } });
  }

  async site(id: string): Promise<CookieSite | null> {
    return isUuid(id) ? this.em.findOne(CookieSite, { id }) : null;
  }

  declarations(siteIds: readonly string[]): Promise<CookieDeclaration[]> {
    if (!siteIds.length) return Promise.resolve([]);
    return this.em.find(
      CookieDeclaration,
      { site: { $in: [...siteIds] } },
      { orderBy: { category: 'asc', name: 'asc', id: 'asc' } },
    );
  }

  updateCategory(input: UpdateCookieCategoryInput): Promise<CookieCategoryEntity> {
    return this.inTransaction(async ({ em }) => {
      const text = {
        label: { en: input.label.en.trim(), ja: input.label.ja.trim() },
        description: {
          en: normalizeLineBreaks(input.description.en).trim(),
          ja: normalizeLineBreaks(input.description.ja).trim(),
        },
      };
      const issues = validateCookieCategoryText(text);
      if (issues.length) throw new BadInputError(issues);
      await ensureCookieCategories(em, this.deps.now());
      const row = await em.findOneOrFail(CookieCategoryEntity, { category: input.category });
      Object.assign(row, {
        labelEn: text.label.en,
        labelJa: text.label.ja,
        descriptionEn: text.description.en,
        descriptionJa: text.description.ja,
        updatedAt: this.deps.now(),
      });
      this.audit(em).record({
        action: 'cookie_category.update',
        entityType: 'CookieCategory',
        subject: input.category,
      });
      await em.flush();
      return row;
    });
  }

  createSite(input: CookieSiteInput): Promise<CookieSite> {
    return this.inTransaction(async ({ em }) => {
      const fields = this.siteFields(input);
      const now = this.deps.now();
      const site = em.create(CookieSite, { ...fields, siteKey: generateSiteKey(), createdAt: now, updatedAt: now });
      this.audit(em).record({
        action: 'cookie_site.create',
        entityType: 'CookieSite',
        subject: site.id,
        detail: { origins: fields.allowedOrigins.length },
      });
      await em.flush();
      // Every instance's cached sites and origins are stale from this commit on.
      await bumpChangeStamp(em);
      return site;
    });
  }

  updateSite(id: string, input: CookieSiteInput): Promise<CookieSite> {
    return this.inTransaction(async ({ em }) => {
      const site = isUuid(id) ? await em.findOne(CookieSite, { id }) : null;
      if (!site) throw new NotFoundError('Cookie site', 'id');
      Object.assign(site, this.siteFields(input), { updatedAt: this.deps.now() });
      this.audit(em).record({
        action: 'cookie_site.update',
        entityType: 'CookieSite',
        subject: site.id,
        detail: { origins: site.allowedOrigins.length },
      });
      await em.flush();
      // Every instance's cached sites and origins are stale from this commit on.
      await bumpChangeStamp(em);
      return site;
    });
  }

  createDeclaration(input: CookieDeclarationInput): Promise<CookieDeclaration> {
    return this.inTransaction(async ({ em }) => {
      const site = isUuid(input.siteId) ? await em.findOne(CookieSite, { id: input.siteId }) : null;
      if (!site) throw new NotFoundError('Cookie site', 'input.siteId');
      const now = this.deps.now();
      const declaration = em.create(CookieDeclaration, {
        site,
        ...this.declarationFields(input),
        createdAt: now,
        updatedAt: now,
      });
      this.audit(em).record({
        action: 'cookie_declaration.create',
        entityType: 'CookieDeclaration',
        subject: declaration.id,
        detail: { siteId: site.id },
      });
      await em.flush();
      return declaration;
    });
  }

  updateDeclaration(id: string, input: CookieDeclarationInput): Promise<CookieDeclaration> {
    return this.inTransaction(async ({ em }) => {
      const declaration = isUuid(id) ? await em.findOne(CookieDeclaration, { id }) : null;
      if (!declaration) throw new NotFoundError('Cookie declaration', 'id');
      if (declaration.site.id !== input.siteId)
        throw badInput('siteId', 'INVALID_VALUE', 'A declaration stays with its site');
      Object.assign(declaration, this.declarationFields(input), { updatedAt: this.deps.now() });
      this.audit(em).record({
        action: 'cookie_declaration.update',
        entityType: 'CookieDeclaration',
        subject: declaration.id,
        detail: { siteId: input.siteId },
      });
      await em.flush();
      return declaration;
    });
  }

  deleteDeclaration(id: string): Promise<string> {
    return this.inTransaction(async ({ em }) => {
      const declaration = isUuid(id) ? await em.findOne(CookieDeclaration, { id }) : null;
      if (!declaration) throw new NotFoundError('Cookie declaration', 'id');
      this.audit(em).record({
        action: 'cookie_declaration.delete',
        entityType: 'CookieDeclaration',
        subject: id,
        detail: { siteId: declaration.site.id },
      });
      em.remove(declaration);
      await em.flush();
      return id;
    });
  }

  /**
   * Visitors per UTC day over the last `days` days (today included), each counted once a day by
   * their last event that day: how many were left with a choice or a withdrawal, with a GPC
   * signal, and per category how many had it accepted. (Counting events instead would count a
   * visitor who clicks Accept all, then Reject all, as two choices and one acceptance.) One
   * statement on both databases: the (site, time) index finds the rows, a window function keeps
   * each visitor's newest of the day — the same rows read as counting events, plus a sort.
   */
  async stats(siteId: string, days: number): Promise<{ from: string; to: string; days: CookieStatsDay[] }> {
    if (!Number.isInteger(days) || days < 1 || days > 366)
      throw badInput('days', 'INVALID_VALUE', 'Must be between 1 and 366', '');
    if (!(await this.site(siteId))) throw new NotFoundError('Cookie site', 'siteId');
    const today = Math.floor(this.deps.now().getTime() / DAY_MS);
    const fromDay = today - days + 1;
    const rows = await cookieStatsRows(this.em, siteId, fromDay);
    const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
    return {
      from: iso(fromDay),
      to: iso(today),
      days: rows
        .filter((r) => Number(r.day) <= today)
        .map((r) => ({
          day: iso(Number(r.day)),
          choices: Number(r.choices),
          withdrawals: Number(r.withdrawals),
          gpc: Number(r.gpc),
          functional: Number(r.functional),
          analytics: Number(r.analytics),
          marketing: Number(r.marketing),
        })),
    };
  }

  /** A visitor's consent history on every site, still sealed; the read is audited (by the blind index, never the id). */
  async visitorHistory(visitorId: string): Promise<SealedCookieHistoryEntry[]> {
    const trimmed = visitorId.trim().toLowerCase();
    const entries = await new CookieConsentService(this.em, this.deps).historyForVisitor(trimmed);
    await this.audit(this.em).insertNow({
      action: 'cookie_consent.history_read',
      entityType: 'CookieConsentEvent',
      subject: visitorIndexOf(this.deps, trimmed),
      detail: { categories: ['COOKIE_IDENTIFIER'], count: entries.length },
    });
    return entries;
  }

  private audit(em: SqlEntityManager): AuditService {
    if (!this.actor) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue');
    return new AuditService(em, this.actor, this.deps);
  }

  private siteFields(input: CookieSiteInput) {
    const fields = {
      name: input.name.trim(),
      domains: input.domains.map((d) => d.trim().toLowerCase()),
      allowedOrigins: input.allowedOrigins.map((o) => normalizeOrigin(o.trim().replace(/\/$/, '')) ?? o.trim()),
      consentLifetimeDays: input.consentLifetimeDays,
      honoursGpc: input.honoursGpc,
      bannerTitle: { en: input.bannerTitle.en.trim(), ja: input.bannerTitle.ja.trim() },
      bannerText: {
        en: normalizeLineBreaks(input.bannerText.en).trim(),
        ja: normalizeLineBreaks(input.bannerText.ja).trim(),
      },
    };
    const issues = validateCookieSite(fields);
    if (issues.length) throw new BadInputError(issues);
    return {
      name: fields.name,
      domains: fields.domains,
      allowedOrigins: fields.allowedOrigins,
      consentLifetimeDays: fields.consentLifetimeDays,
      honoursGpc: fields.honoursGpc,
      bannerTitleEn: fields.bannerTitle.en,
      bannerTitleJa: fields.bannerTitle.ja,
      bannerTextEn: fields.bannerText.en,
      bannerTextJa: fields.bannerText.ja,
    };
  }

  private declarationFields(input: CookieDeclarationInput) {
    const fields = {
      name: input.name.trim(),
      domain: input.domain.trim().toLowerCase(),
      vendor: input.vendor.trim(),
      purpose: { en: normalizeLineBreaks(input.purpose.en).trim(), ja: normalizeLineBreaks(input.purpose.ja).trim() },
      durationDays: input.durationDays ?? null,
    };
    const issues = validateCookieDeclaration(fields);
    if (issues.length) throw new BadInputError(issues);
    return {
      name: fields.name,
      domain: fields.domain,
      category: input.category as CookieCategory,
      vendor: fields.vendor,
      purposeEn: fields.purpose.en,
      purposeJa: fields.purpose.ja,
      durationDays: fields.durationDays,
      storageKind: input.storageKind,
    };
  }
}

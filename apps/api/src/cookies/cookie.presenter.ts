import { COOKIE_CATEGORY_INFO } from '@steward/policy-core';
import type { FieldCipher } from '../crypto/field-cipher.js';
import { visitorSealContext } from './cookie-consent.entity.js';
import {
  choiceList,
  type CookieHistoryEntry,
  type CookieReceipt,
  type CookieStatus,
  type SealedCookieHistoryEntry,
} from './cookie-event.js';
import type { CookieCategoryEntity } from './cookie-category.entity.js';
import type { CookieDeclaration } from './cookie-declaration.entity.js';
import type { CookieSite } from './cookie-site.entity.js';
import type {
  CookieCategoryInfoType,
  CookieConsentHistoryEntryType,
  CookieConsentReceiptType,
  CookieConsentStatusType,
  CookieDeclarationType,
  CookieSiteType,
} from './cookie.type.js';

export function presentCategory(c: CookieCategoryEntity): CookieCategoryInfoType {
  const info = COOKIE_CATEGORY_INFO[c.category];
  return {
    category: c.category,
    label: { en: c.labelEn, ja: c.labelJa },
    description: { en: c.descriptionEn, ja: c.descriptionJa },
    required: info.required,
    gpcOptOut: info.gpcOptOut,
  };
}

export function presentDeclaration(d: CookieDeclaration): CookieDeclarationType {
  return {
    id: d.id,
    siteId: d.site.id,
    name: d.name,
    domain: d.domain,
    category: d.category,
    vendor: d.vendor,
    purpose: { en: d.purposeEn, ja: d.purposeJa },
    durationDays: d.durationDays,
    storageKind: d.storageKind,
  };
}

export function presentSite(s: CookieSite, declarations: readonly CookieDeclaration[]): CookieSiteType {
  return {
    id: s.id,
    name: s.name,
    siteKey: s.siteKey,
    domains: s.domains,
    allowedOrigins: s.allowedOrigins,
    consentLifetimeDays: s.consentLifetimeDays,
    honoursGpc: s.honoursGpc,
    bannerTitle: { en: s.bannerTitleEn, ja: s.bannerTitleJa },
    bannerText: { en: s.bannerTextEn, ja: s.bannerTextJa },
    declarations: declarations.filter((d) => d.site.id === s.id).map(presentDeclaration),
    createdAt: s.createdAt,
  };
}

export function presentReceipt(r: CookieReceipt): CookieConsentReceiptType {
  return { ...r, choices: choiceList(r.choice) };
}

export function presentStatus(s: CookieStatus): CookieConsentStatusType {
  return { ...s, choices: choiceList(s.choice) };
}

/** The admin's view of a visitor's history: the decrypted visitor id leaves the server here only. */
export function presentHistoryEntry(e: CookieHistoryEntry): CookieConsentHistoryEntryType {
  return { ...e, choices: choiceList(e.choice) };
}

/**
 * Opens a visitor's history as historyForVisitor read it by blind index: each event's sealed
 * visitor id must be the one asked for (a mismatch is a corrupted or falsified row, never shown).
 */
export function openCookieHistory(
  cipher: FieldCipher,
  entries: readonly SealedCookieHistoryEntry[],
): CookieHistoryEntry[] {
  return entries.map(({ visitorSealed, ...entry }) => {
    const stored = cipher.decrypt(visitorSealed, visitorSealContext(entry.receiptId));
    if (stored !== entry.visitorId) throw new Error('A cookie consent event does not match its blind index');
    return { ...entry, visitorId: stored };
  });
}

import type { EntityManager } from '@mikro-orm/core';
import type { AppDeps } from '../context.js';

/** What a section contributor is given: whose package it is and what the requester told us. */
export interface DisclosureSubject {
  providerId: string;
  /** Cookie-banner consent ids the requester gave (their cookie consent history belongs in the package). */
  cookieConsentIds: readonly string[];
}

/**
 * A section of the disclosure package contributed by another feature. `collect` returns plain,
 * JSON-serialisable records about this subject only (decrypted as the provider may see them).
 */
export interface DisclosureSectionSource {
  key: string;
  title: string;
  collect(em: EntityManager, deps: AppDeps, subject: DisclosureSubject): Promise<readonly unknown[]>;
}

/**
 * EXTENSION POINT — sections other features add to every disclosure package, in this order.
 * Wire them in here at merge, e.g.
 *   { key: 'inquiries', title: 'Inquiries', collect: (em, deps, s) => new InquiryService(em, null, deps).forProvider(s.providerId) }
 *   { key: 'cookieConsents', title: 'Cookie consents', collect: (em, deps, s) => cookieConsentsForVisitors(em, s.cookieConsentIds) }
 * Until then both sections are present and empty, so the package format does not change at merge.
 */
export const DISCLOSURE_SECTIONS: DisclosureSectionSource[] = [
  { key: 'inquiries', title: 'Inquiries', collect: () => Promise.resolve([]) },
  { key: 'cookieConsents', title: 'Cookie consents', collect: () => Promise.resolve([]) },
];

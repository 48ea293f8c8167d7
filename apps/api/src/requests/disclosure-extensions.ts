import type { SqlEntityManager } from '@mikro-orm/knex';
import type { AppDeps } from '../context.js';
import { CookieConsentService } from '../cookies/cookie-consent.service.js';
import { InquiryService } from '../inquiries/inquiry.service.js';
import { openCookieHistory } from '../cookies/cookie.presenter.js';

/** What a section contributor is given: whose package it is and what the requester told us. */
export interface DisclosureSubject {
  providerId: string;
  /** Cookie-banner consent ids the requester gave (their cookie consent history belongs in the package). */
  cookieConsentIds: readonly string[];
  /** The values of the provider's COOKIE_IDENTIFIER items, as the package discloses them. */
  cookieIdentifiers: readonly string[];
}

/**
 * A section of the disclosure package contributed by another feature. `collect` returns plain,
 * JSON-serialisable records about this subject only (decrypted as the provider may see them).
 */
export interface DisclosureSectionSource {
  key: string;
  title: string;
  collect(em: SqlEntityManager, deps: AppDeps, subject: DisclosureSubject): Promise<readonly unknown[]>;
}

/**
 * The visitor ids whose cookie consents are this provider's: the ids the requester quoted from the
 * banner, and any cookie identifier stored as one of the provider's data items.
 */
function visitorIdsOf(subject: DisclosureSubject): string[] {
  return [...new Set([...subject.cookieConsentIds, ...subject.cookieIdentifiers].map((id) => id.trim().toLowerCase()))];
}

/** Sections other features add to every disclosure package, in this order. */
export const DISCLOSURE_SECTIONS: DisclosureSectionSource[] = [
  {
    key: 'inquiries',
    title: 'Inquiries',
    // Every inquiry linked to the provider, with its replies (the read is audited by the inquiry service).
    collect: (em, deps, s) => new InquiryService(em, null, deps).listInquiriesForProvider(s.providerId),
  },
  {
    key: 'cookieConsents',
    title: 'Cookie consents',
    // Cookie-collected identifiers are personal data like any other (clause 6): their consent history, every site.
    collect: async (em, deps, s) => {
      const cookies = new CookieConsentService(em, deps);
      const histories = [];
      for (const visitorId of visitorIdsOf(s))
        histories.push(...openCookieHistory(deps.cipher, await cookies.historyForVisitor(visitorId)));
      return histories;
    },
  },
];

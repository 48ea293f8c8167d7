import type { SqlEntityManager } from '@mikro-orm/knex';
import { label, type DisclosureSectionKey, type LabelValue, type Language } from '@steward/policy-core';
import type { AppDeps } from '../context.js';
import { CookieConsentService } from '../cookies/cookie-consent.service.js';
import { IncidentService } from '../incidents/incident.service.js';
import { InquiryService } from '../inquiries/inquiry.service.js';
import { openCookieHistory } from '../cookies/cookie.presenter.js';

/** What a section contributor is given: whose package it is and what the requester told us. */
export interface DisclosureSubject {
  providerId: string;
  /** The provider's language: a section labels its codes in it (`statusLabel` beside `status`). */
  language: Language;
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
  /** Its title is the catalogue's `disclosureSection.<key>` in the provider's language. */
  key: Extract<DisclosureSectionKey, 'inquiries' | 'cookieConsents' | 'incidents'>;
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
    // Every inquiry linked to the provider, with its replies (the read is audited by the inquiry service).
    collect: async (em, deps, s) => {
      const inquiries = await new InquiryService(em, null, deps).listInquiriesForProvider(s.providerId);
      const say = <N extends 'inquiryStatus' | 'requestChannel' | 'inquiryReplyKind'>(n: N, v: LabelValue<N>) =>
        label(s.language, n, v);
      // The staff's workflow fields (where the status may go next, the row's version) are not about the provider.
      return inquiries.map(({ summary: { nextStatuses: _next, version: _version, ...summary }, ...i }) => ({
        ...i,
        summary: {
          ...summary,
          channelLabel: say('requestChannel', summary.channel),
          statusLabel: say('inquiryStatus', summary.status),
        },
        replies: i.replies.map((r) => ({
          ...r,
          kindLabel: say('inquiryReplyKind', r.kind),
          channelLabel: r.channel ? say('requestChannel', r.channel) : null,
        })),
      }));
    },
  },
  {
    key: 'cookieConsents',
    // Cookie-collected identifiers are personal data like any other (clause 6): their consent history, every site.
    collect: async (em, deps, s) => {
      const cookies = new CookieConsentService(em, deps);
      const histories = [];
      for (const visitorId of visitorIdsOf(s))
        histories.push(...openCookieHistory(deps.cipher, await cookies.historyForVisitor(visitorId)));
      return histories.map((h) => ({ ...h, actionLabel: label(s.language, 'cookieConsentAction', h.action) }));
    },
  },
  {
    key: 'incidents',
    // From steward.disclosure/5: the incidents whose affected set names this provider (incident_provider),
    // what was done and when they were told; the steps are worded in the provider's language by the seam.
    collect: async (em, deps, s) => {
      const incidents = await new IncidentService(em, null, deps).incidentsForProvider(s.providerId);
      return incidents.map((i) => ({
        reference: i.reference,
        title: i.title,
        kind: i.kind,
        kindLabel: label(s.language, 'incidentKind', i.kind),
        awareAt: i.awareAt,
        status: i.status,
        statusLabel: label(s.language, 'incidentStatus', i.status),
        measures: i.measures,
        notifiedAt: i.notifiedAt,
        steps: i.steps.map((step) => ({
          kind: step.kind,
          kindLabel: label(s.language, 'incidentStep', step.kind),
          at: step.at,
          summary: step.summary,
        })),
      }));
    },
  },
];

import {
  COOKIE_CATEGORIES,
  type CookieCategory,
  type CookieChoice,
  type CookieConsentAction,
} from '@steward/policy-core';
import { fromDbBoolean, fromDbDate } from '../common/sql/dialect.js';

/** What a stored consent event says: a receipt answers it, a visitor's history lists it. */
export interface CookieEvent {
  receiptId: string;
  action: CookieConsentAction;
  choice: CookieChoice;
  gpc: boolean;
  gpcApplied: boolean;
  policyVersion: number;
  recordedAt: Date;
}

export interface CookieReceipt extends CookieEvent {
  expiresAt: Date;
}

export interface CookieStatus extends Omit<CookieReceipt, 'gpcApplied'> {
  expired: boolean;
}

/** One stored event with the visitor id decrypted: what a disclosure package lists. */
export interface CookieHistoryEntry extends CookieEvent {
  siteId: string;
  siteName: string;
  visitorId: string;
}

/**
 * An event as historyForVisitor reads it by the visitor's blind index: `visitorId` is the id asked
 * for, `visitorSealed` the one stored; openCookieHistory (cookie.presenter.ts) checks they agree.
 */
export interface SealedCookieHistoryEntry extends CookieHistoryEntry {
  visitorSealed: string;
}

/** A cookie_consent row as the lean SQL of cookie.queries.ts reads it. */
export type EventRow = {
  id: string;
  action: CookieConsentAction;
  functional: unknown;
  analytics: unknown;
  marketing: unknown;
  gpc: unknown;
  gpc_applied: unknown;
  policy_version: number | string;
  payload_hash: string;
  occurred_at: unknown;
};

export function choiceOf(row: { functional: unknown; analytics: unknown; marketing: unknown }): CookieChoice {
  return {
    STRICTLY_NECESSARY: true,
    FUNCTIONAL: fromDbBoolean(row.functional),
    ANALYTICS: fromDbBoolean(row.analytics),
    MARKETING: fromDbBoolean(row.marketing),
  };
}

export function eventOf(row: Omit<EventRow, 'payload_hash'>): CookieEvent {
  return {
    receiptId: row.id,
    action: row.action,
    choice: choiceOf(row),
    gpc: fromDbBoolean(row.gpc),
    gpcApplied: fromDbBoolean(row.gpc_applied),
    policyVersion: Number(row.policy_version),
    recordedAt: fromDbDate(row.occurred_at),
  };
}

/** A choice as the GraphQL list of `{ category, accepted }`, in vocabulary order. */
export function choiceList(choice: CookieChoice): { category: CookieCategory; accepted: boolean }[] {
  return COOKIE_CATEGORIES.map((category) => ({ category, accepted: choice[category] }));
}

// The visitor's side of the banner: their id and stored choice (localStorage), and what a choice does
// to the page — the tagged scripts it runs and the declared cookies and storage items it deletes.

import { COOKIE_CATEGORIES, isVisitorId, type CookieCategory, type CookieChoice } from '@steward/policy-core';
import {
  choiceFromReceipt,
  cookieExpiries,
  cookieNames,
  newUuid,
  refusedAfterRunning,
  refusedItems,
  taggedCategory,
  type Declared,
} from './banner-rules.js';
import type { Receipt } from './banner-transport.js';

/** What the banner keeps per site in localStorage (short keys: it is read on every page). */
interface Stored {
  /** Receipt (consent event) id. */
  r: string;
  c: CookieChoice;
  /** Expires at (epoch ms). */
  x: number;
  /** Withdrawn. */
  w?: boolean;
}

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* storage refused: the choice still applies to this page */
  }
}

/** The visitor's id, kept across the sites' pages; a new one when none (or a malformed one) is stored. */
function visitorIdFromStorage(): string {
  const key = 'steward_cookie_visitor';
  const stored = read<unknown>(key);
  if (isVisitorId(stored)) return stored;
  // crypto.randomUUID exists only in secure contexts; on a plain-http page the id is built from getRandomValues.
  const id = newUuid(crypto);
  write(key, id);
  return id;
}

/** Runs the tagged scripts of every accepted category (each once). */
function runAccepted(choice: CookieChoice): void {
  document.querySelectorAll<HTMLScriptElement>('script[type="text/plain"][data-cookie-category]').forEach((tagged) => {
    const category = taggedCategory(tagged.dataset.cookieCategory ?? '');
    if (!category || !choice[category]) return;
    const live = document.createElement('script');
    for (const attr of Array.from(tagged.attributes))
      if (attr.name !== 'type') live.setAttribute(attr.name, attr.value);
    live.setAttribute('data-cookie-activated', '');
    live.text = tagged.text;
    tagged.replaceWith(live);
  });
  document.dispatchEvent(new CustomEvent('steward:cookie-consent', { detail: { ...choice } }));
}

/**
 * Removes what the page itself can remove of the cookies and storage items declared for refused
 * categories: its cookies (on this host and the declared domain) and its local and session
 * storage. HttpOnly and third-party cookies are beyond a page's reach.
 */
function forgetRefused(choice: CookieChoice, declarations: readonly Declared[]): void {
  for (const { name, domain } of refusedItems(declarations, choice, 'COOKIE', cookieNames(document.cookie))) {
    for (const expiry of cookieExpiries(name, domain, location.hostname, location.pathname)) document.cookie = expiry;
  }
  for (const [kind, area] of [
    ['LOCAL_STORAGE', () => localStorage],
    ['SESSION_STORAGE', () => sessionStorage],
  ] as const) {
    try {
      const store = area();
      for (const { name } of refusedItems(declarations, choice, kind, Object.keys(store))) store.removeItem(name);
    } catch {
      /* storage not available to this page */
    }
  }
}

export function createConsentState(siteKey: string) {
  const key = `steward_cookie_consent:${siteKey}`;
  let stored = read<Stored>(key);
  /** Categories whose scripts this page has been allowed to run (they keep running until a reload). */
  const ran = new Set<CookieCategory>();

  /** Runs the accepted categories' scripts and remembers that they ran. */
  function run(choice: CookieChoice): void {
    for (const c of COOKIE_CATEGORIES) if (choice[c]) ran.add(c);
    runAccepted(choice);
  }

  return {
    visitorId: visitorIdFromStorage(),
    /** The stored choice while it has not expired. */
    choice: (): CookieChoice | null => (stored && stored.x > Date.now() ? stored.c : null),
    /** Whether anything is stored here for the site, expired or not. */
    hasRecord: () => stored !== null,
    /** Whether there is a standing choice to withdraw. */
    canWithdraw: () => stored !== null && !stored.w,
    /** Stores a receipt as the visitor's choice and answers that choice. */
    remember(receipt: Receipt): CookieChoice {
      stored = {
        r: receipt.receiptId,
        c: choiceFromReceipt(receipt.choices),
        x: Date.parse(receipt.expiresAt),
        w: receipt.action === 'WITHDRAW',
      };
      write(key, stored);
      return stored.c;
    },
    run,
    /**
     * Applies a new choice to the page: deletes what its refused categories declared, runs its
     * accepted categories' scripts. Answers whether scripts of a category now refused already ran
     * here (they stop only on a reload).
     */
    apply(choice: CookieChoice, declarations: readonly Declared[]): boolean {
      const stale = refusedAfterRunning(ran, choice);
      forgetRefused(choice, declarations);
      run(choice);
      return stale;
    },
  };
}

export type ConsentState = ReturnType<typeof createConsentState>;

// The banner's GraphQL calls: one request at a time, credentials never sent, writes retried with
// backoff only when a retry can help (banner-rules.ts decides). The operations' texts come from
// packages/schema/operations/cookie-banner.graphql at build time.

import type { CookieBannerQuery, CookieConsentQuery, RecordCookieConsentInput } from '@steward/schema';
import {
  CookieBanner,
  CookieConsent,
  RecordCookieConsent,
  WithdrawCookieConsent,
  type Operation,
} from '@steward/schema/operations/cookie-banner.graphql';
import { retryDelay, type Failure } from './banner-rules.js';

/** A site's banner: texts, categories and declarations in the visitor's language. */
export type BannerData = CookieBannerQuery['cookieBanner'];
/** A stored consent event as the banner reads it back (a write's receipt or the visitor's current choice). */
export type Receipt = Pick<
  NonNullable<CookieConsentQuery['cookieConsent']>,
  'receiptId' | 'action' | 'choices' | 'expiresAt'
>;
/** What both writes carry; a choice adds the categories. */
export type WriteInput = Omit<RecordCookieConsentInput, 'choices'>;

/** One GraphQL request; throws a Failure (no answer, the HTTP status, the error's code). */
async function request<Result, Variables>(
  endpoint: string,
  operation: Operation<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  let res: Response;
  try {
    res = await fetch(endpoint, {
      method: 'POST',
      mode: 'cors',
      credentials: 'omit',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: operation, variables }),
    });
  } catch {
    throw { status: null } satisfies Failure;
  }
  const body = (await res.json().catch(() => null)) as {
    data?: Result;
    errors?: { extensions?: { code?: string; retryAfterSeconds?: number } }[];
  } | null;
  if (body?.data && !body.errors?.length) return body.data;
  const ext = body?.errors?.[0]?.extensions;
  throw { status: res.status, code: ext?.code, retryAfterSeconds: ext?.retryAfterSeconds } satisfies Failure;
}

/** Runs `send` until it succeeds or a retry cannot help (at most MAX_ATTEMPTS times); `send` keeps one idempotency key. */
async function withRetries<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      const wait = retryDelay(err as Failure, attempt, Math.random());
      if (wait === null) throw err;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

export function createTransport(endpoint: string) {
  return {
    banner: (siteKey: string, locale: string): Promise<BannerData> =>
      request(endpoint, CookieBanner, { siteKey, locale }).then((r) => r.cookieBanner),
    /** The visitor's current choice on the site as the server has it (null: none, or unreadable). */
    consent: (siteKey: string, visitorId: string) =>
      request(endpoint, CookieConsent, { siteKey, visitorId })
        .then((r) => r.cookieConsent)
        .catch(() => null),
    // The same idempotency key on every attempt: a retry after a lost answer stores nothing new.
    record: (input: RecordCookieConsentInput): Promise<Receipt> =>
      withRetries(() => request(endpoint, RecordCookieConsent, { input })).then((r) => r.recordCookieConsent),
    withdraw: (input: WriteInput): Promise<Receipt> =>
      withRetries(() => request(endpoint, WithdrawCookieConsent, { input })).then((r) => r.withdrawCookieConsent),
  };
}

export type Transport = ReturnType<typeof createTransport>;

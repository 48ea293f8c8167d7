import type { Language } from '@steward/policy-core';
import type { Context } from '../context.js';
import { loadOrganisation } from '../organisation/organisation.service.js';

/**
 * The languages Steward speaks to people are policy-core's (`Language`: 'ja' | 'en', BCP 47): what is
 * stored (a staff account's `language`, the organisation's `default_language`) and what catalogues
 * are keyed by. GraphQL shows them as the enum `Language { JA EN }` (common/enums.ts).
 */
export type { Language };

/** The organisation's default per request: read at most once, and only when someone asks. */
const organisationDefaults = new WeakMap<object, Promise<Language>>();

/** The organisation's default language (organisation settings, `defaultLanguage`). */
export function organisationLanguage(ctx: Pick<Context, 'em'>): Promise<Language> {
  let language = organisationDefaults.get(ctx);
  if (!language) {
    language = loadOrganisation(ctx.em).then((org) => org.defaultLanguage);
    organisationDefaults.set(ctx, language);
  }
  return language;
}

/**
 * The language to speak to the caller in — reason messages, documents, mail: the signed-in member's
 * own choice (`setMyLanguage`), else the organisation's default. A caller who is not a member of
 * staff (a partner, an internal system, nobody) gets the organisation's default.
 */
export async function languageFor(ctx: Pick<Context, 'actor' | 'em'>): Promise<Language> {
  return ctx.actor?.language ?? organisationLanguage(ctx);
}

import type { Language } from '@steward/policy-core';
import type { Context } from '../context.js';
import { NotFoundError } from '../common/errors.js';
import { organisationDefaultLanguage } from './language.queries.js';

/**
 * The languages Steward speaks to people are policy-core's (`Language`: 'ja' | 'en', BCP 47): what is
 * stored (a staff account's `language`, the organisation's `default_language`) and what catalogues
 * are keyed by. GraphQL shows them as the enum `Language { JA EN }` (common/enums.ts).
 */
export type { Language };

/** The organisation's default per request: read at most once, and only when someone asks. */
const organisationDefaults = new WeakMap<object, Promise<Language>>();

/**
 * The organisation's default language (organisation settings, `defaultLanguage`): one column read
 * with lean SQL (language.queries.ts), not the whole organisation through the ORM.
 */
export function organisationLanguage(ctx: Pick<Context, 'em'>): Promise<Language> {
  let language = organisationDefaults.get(ctx);
  if (!language) {
    language = organisationDefaultLanguage(ctx.em).then((found) => {
      if (!found) throw new NotFoundError('Organisation');
      return found;
    });
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

/**
 * The language of a decision's reason messages (the `decision` query): a member of staff reads
 * them in their own language, else the organisation's default (languageFor). An internal system
 * gets English: its caller is a program, which should switch on each reason's `code` and word it
 * from `params` with policy-core's catalogue in whatever language its own users read; a fixed
 * language keeps its logs stable whatever the organisation's setting, and costs no read on the
 * busiest path Steward has (partners do not ask for decisions).
 */
export function decisionLanguage(ctx: Pick<Context, 'actor' | 'em'>): Promise<Language> | Language {
  return ctx.actor ? languageFor(ctx) : 'en';
}

import type { MessageParams } from '@steward/policy-core';
import { coreMessage } from '../i18n/core-messages.js';
import { currentLanguage, currentT } from '../i18n/current.js';

/**
 * Reading the API's errors (see the contract's header): every GraphQL error has a stable
 * `extensions.code`; BAD_USER_INPUT also carries `extensions.issues: [{ field, code, message, params? }]`
 * with paths such as `input.items[1].value`; CONFLICT carries `extensions.currentVersion`.
 *
 * Everything shown is in the reader's language (i18n/current.ts). The server writes English, and
 * specifically ("The password is incorrect.", "An admin with this e-mail exists."), while the
 * catalogue has one generic phrase per code: an English reader gets the server's sentence as written;
 * a reader of any other language gets the issue by its `code` from policy-core's catalogue
 * (`core:issue.<CODE>`, its `params` as arguments) and the server's sentence only for a code the
 * catalogue does not know. An error without issues is titled by its top-level code and, outside
 * English, worded by it (`common:errors.<CODE>`).
 */

export type GraphQLErrorLike = {
  message: string;
  extensions?: Readonly<Record<string, unknown>> | undefined;
};

/** What urql's CombinedError looks like to these helpers (and what tests can build by hand). */
export type ErrorLike = {
  graphQLErrors?: readonly GraphQLErrorLike[];
  networkError?: Error | undefined;
};

/**
 * The top-level codes the admin tells apart (the contract's, and NETWORK when the API cannot be
 * reached), each with a title and message of its own in `common:errors.<CODE>`.
 */
const ERROR_CODES = [
  'BAD_USER_INPUT',
  'CONFLICT',
  'FORBIDDEN',
  'INTERNAL_SERVER_ERROR',
  'NETWORK',
  'NOT_FOUND',
  'TOO_MANY_REQUESTS',
  'UNAUTHENTICATED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

/** Field path (without the `input.` prefix, list indices in brackets) → message(s) for it. */
export type FieldErrors = Record<string, string>;

export type ErrorSummary = {
  /** The first error's code; `NETWORK` when the API could not be reached; null when no error. */
  code: ErrorCode | string | null;
  fieldErrors: FieldErrors;
  /** Messages that belong to no field (show them above the form). */
  messages: string[];
  /** Set when the API answered CONFLICT (optimistic lock). */
  conflict: { field: string | null; currentVersion: number | null } | null;
};

/** "Cannot reach the Steward API…" in the reader's language. */
export function networkMessage(): string {
  return currentT('common')('errors.NETWORK.message');
}

/** Whether the server's own sentences (English) are in the reader's language. */
function readsServerLanguage(): boolean {
  return currentLanguage() === 'en';
}

/** Codes whose English wording is the admin's own, not the server's (the server's says too little). */
const OWN_WORDING: ReadonlySet<string> = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'CONFLICT', 'NETWORK']);

/** A top-level error's message in the reader's language; the server's own for a code without one. */
function codeMessage(code: string | null, serverMessage: string): string {
  if (code === null || !KNOWN_CODES.has(code)) return serverMessage;
  if (serverMessage && readsServerLanguage() && !OWN_WORDING.has(code)) return serverMessage;
  return currentT('common')(`errors.${code}.message`);
}

export function errorCode(error: GraphQLErrorLike): string | null {
  const code = error.extensions?.['code'];
  return typeof code === 'string' ? code : null;
}

export function hasErrorCode(error: ErrorLike | null | undefined, code: ErrorCode): boolean {
  return Boolean(error?.graphQLErrors?.some((e) => errorCode(e) === code));
}

/**
 * `input.items.1.value` / `input.items[1].value` → `items[1].value`; `input` alone → ``.
 * Keys then match policy-core's issue paths, so client and server issues share one key space.
 */
export function normalizeFieldPath(field: string, prefix = 'input'): string {
  let path = field.trim();
  if (path === prefix) return '';
  if (path.startsWith(`${prefix}.`)) path = path.slice(prefix.length + 1);
  return path.replace(/\.(\d+)(?=\.|\[|$)/g, '[$1]');
}

type Issue = { field: string; message: string };

function paramsOf(raw: unknown): MessageParams {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  }
  return params;
}

/**
 * An issue's message in the reader's language: the server's (English) sentence for an English
 * reader, else `core:issue.<code>` with its params; the server's sentence when the catalogue has no
 * such code (or the params do not fit it).
 */
export function issueMessage(code: unknown, params: MessageParams, serverMessage: string): string {
  if (serverMessage && readsServerLanguage()) return serverMessage;
  return (typeof code === 'string' && /^[A-Z_]+$/.test(code) && coreMessage(`issue.${code}`, params)) || serverMessage;
}

function issuesOf(error: GraphQLErrorLike): Issue[] | null {
  const raw = error.extensions?.['issues'];
  if (Array.isArray(raw)) {
    const issues: Issue[] = [];
    for (const item of raw as unknown[]) {
      if (item && typeof item === 'object') {
        const { field, message, code, params } = item as {
          field?: unknown;
          message?: unknown;
          code?: unknown;
          params?: unknown;
        };
        const server = typeof message === 'string' && message ? message : error.message;
        issues.push({
          field: typeof field === 'string' ? field : '',
          message: issueMessage(code, paramsOf(params), server),
        });
      }
    }
    if (issues.length > 0) return issues;
  }
  const field = error.extensions?.['field'];
  if (typeof field === 'string') return [{ field, message: error.message }];
  return null;
}

function addMessage(target: FieldErrors, key: string, message: string): void {
  const existing = target[key];
  if (existing === undefined) target[key] = message;
  else if (!existing.split('; ').includes(message)) target[key] = `${existing}; ${message}`;
}

/**
 * Splits an operation's error into per-field messages (from BAD_USER_INPUT issues) and general
 * messages, and reports CONFLICT separately. Pure: give it urql's CombinedError or a plain object.
 */
export function fieldErrorsFromGraphQLError(error: ErrorLike | null | undefined): ErrorSummary {
  const summary: ErrorSummary = { code: null, fieldErrors: {}, messages: [], conflict: null };
  if (!error) return summary;
  for (const gqlError of error.graphQLErrors ?? []) {
    const code = errorCode(gqlError);
    summary.code ??= code ?? 'INTERNAL_SERVER_ERROR';
    if (code === 'BAD_USER_INPUT') {
      const issues = issuesOf(gqlError);
      if (issues) {
        for (const issue of issues) {
          const path = normalizeFieldPath(issue.field);
          if (path) addMessage(summary.fieldErrors, path, issue.message);
          else if (!summary.messages.includes(issue.message)) summary.messages.push(issue.message);
        }
        continue;
      }
    }
    if (code === 'CONFLICT') {
      const field = gqlError.extensions?.['field'];
      const currentVersion = gqlError.extensions?.['currentVersion'];
      summary.conflict = {
        field: typeof field === 'string' ? normalizeFieldPath(field) : null,
        currentVersion: typeof currentVersion === 'number' ? currentVersion : null,
      };
    }
    const message = codeMessage(code, gqlError.message);
    if (!summary.messages.includes(message)) summary.messages.push(message);
  }
  if (error.networkError) {
    summary.code ??= 'NETWORK';
    summary.messages.push(networkMessage());
  }
  return summary;
}

export type ErrorDescription = { title: string; message: string; code: string | null };

/**
 * A title and message for an alert, by error code, in the reader's language (`common:errors.<CODE>`).
 * BAD_USER_INPUT shows its first issue (from the catalogue by code); an unknown code the server's message.
 */
export function describeError(error: ErrorLike): ErrorDescription {
  const t = currentT('common');
  const first = error.graphQLErrors?.[0];
  if (!first) {
    return { title: t('errors.NETWORK.title'), message: networkMessage(), code: 'NETWORK' };
  }
  const code = errorCode(first);
  if (code === 'BAD_USER_INPUT') {
    const issue = issuesOf(first)?.[0];
    return { title: t('errors.BAD_USER_INPUT.title'), message: issue?.message ?? first.message, code };
  }
  const known = code !== null && KNOWN_CODES.has(code);
  return {
    title: known ? t(`errors.${code}.title`) : t('errors.other.title'),
    message: codeMessage(code, first.message),
    code,
  };
}

/**
 * The messages to show above a form: general messages plus field errors for fields the form does
 * not render (so no problem the API reported is ever hidden).
 */
export function messagesOutside(summary: ErrorSummary | null, shownFields: (field: string) => boolean): string[] {
  if (!summary) return [];
  const messages = [...summary.messages];
  for (const [field, message] of Object.entries(summary.fieldErrors)) {
    if (!shownFields(field)) {
      const line = `${field}: ${message}`;
      if (!messages.includes(line)) messages.push(line);
    }
  }
  return messages;
}

/** Every message of an error, field issues included without their field (for a form with no fields of its own). */
export function errorMessages(error: ErrorLike | null | undefined): string[] {
  const summary = fieldErrorsFromGraphQLError(error);
  const messages = [...summary.messages];
  for (const message of Object.values(summary.fieldErrors)) if (!messages.includes(message)) messages.push(message);
  return messages;
}

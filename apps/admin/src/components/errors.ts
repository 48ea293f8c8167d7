/**
 * Reading the API's errors (see the contract's header): every GraphQL error has a stable
 * `extensions.code`; BAD_USER_INPUT also carries `extensions.issues: [{ field, code, message }]`
 * with paths such as `input.items[1].value`; CONFLICT carries `extensions.currentVersion`.
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

export type ErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'INTERNAL_SERVER_ERROR' | 'NETWORK';

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

export const NETWORK_MESSAGE = 'Cannot reach the Steward API. Check your connection and try again.';

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

function issuesOf(error: GraphQLErrorLike): Issue[] | null {
  const raw = error.extensions?.['issues'];
  if (Array.isArray(raw)) {
    const issues: Issue[] = [];
    for (const item of raw as unknown[]) {
      if (item && typeof item === 'object') {
        const { field, message } = item as { field?: unknown; message?: unknown };
        issues.push({
          field: typeof field === 'string' ? field : '',
          message: typeof message === 'string' && message ? message : error.message,
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
    if (!summary.messages.includes(gqlError.message)) summary.messages.push(gqlError.message);
  }
  if (error.networkError) {
    summary.code ??= 'NETWORK';
    summary.messages.push(NETWORK_MESSAGE);
  }
  return summary;
}

export type ErrorDescription = { title: string; message: string; code: string | null };

/** A title and message for an alert, by error code. */
export function describeError(error: ErrorLike): ErrorDescription {
  const first = error.graphQLErrors?.[0];
  if (!first) {
    return { title: 'Connection problem', message: NETWORK_MESSAGE, code: 'NETWORK' };
  }
  const code = errorCode(first);
  const message = first.message;
  switch (code) {
    case 'UNAUTHENTICATED':
      return { title: 'Signed out', message: 'Your session has ended. Please sign in again.', code };
    case 'FORBIDDEN':
      return { title: 'Not allowed', message: 'Your role does not permit this.', code };
    case 'NOT_FOUND':
      return { title: 'Not found', message, code };
    case 'CONFLICT':
      return {
        title: 'Changed by someone else',
        message: 'Someone else changed this record while you were working. Reload it and try again.',
        code,
      };
    case 'BAD_USER_INPUT':
      return { title: 'Please check the input', message, code };
    default:
      return { title: 'Something went wrong', message, code };
  }
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

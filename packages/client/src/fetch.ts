import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';

/**
 * The `extensions.code` values Steward answers with (apps/api/src/common/errors.ts and Apollo's
 * request codes), plus the two this client adds when no GraphQL answer came back.
 */
export const STEWARD_ERROR_CODES = [
  /** The key is unknown, malformed or revoked (one answer for all three); HTTP 401. */
  'UNAUTHENTICATED',
  /** The operation selects a field outside the key's reach (or a mutation); nothing ran. HTTP 403. */
  'FORBIDDEN',
  /** A variable or argument is refused; `field` names it and `issues` lists every problem. */
  'BAD_USER_INPUT',
  /** The provider (or recipient) does not exist, or is outside the key's scope: the two look alike. */
  'NOT_FOUND',
  /** A retried write whose idempotency key was used with another payload (cookie consent). */
  'CONFLICT',
  /** A budget is spent (the public cookie consent API); `retryAfterSeconds` says when to try again. */
  'TOO_MANY_REQUESTS',
  /** The document does not parse. */
  'GRAPHQL_PARSE_FAILED',
  /** The document does not validate (unknown field, too deep, too many aliases, too costly). */
  'GRAPHQL_VALIDATION_FAILED',
  /** The HTTP request itself is malformed (e.g. a missing content type). */
  'BAD_REQUEST',
  /** Something failed inside Steward; the details are in its log, never in the answer. Retry later. */
  'INTERNAL_SERVER_ERROR',
  /** Client side: Steward could not be reached (DNS, TCP, TLS, timeout). */
  'NETWORK_ERROR',
  /** Client side: the answer was not a GraphQL answer (a proxy's error page, an HTTP 5xx, …). */
  'BAD_RESPONSE',
] as const;

export type StewardErrorCode = (typeof STEWARD_ERROR_CODES)[number];

/** One problem with one input field (BAD_USER_INPUT's `issues`). */
export interface StewardIssue {
  field: string;
  code: string;
  message: string;
  params?: Record<string, unknown>;
}

/** A refused or failed request: `code` is stable and meant for programs; `message` is for a log. */
export class StewardError extends Error {
  /** `extensions.code` of the first error, or NETWORK_ERROR / BAD_RESPONSE. A code added later passes through as it is. */
  readonly code: StewardErrorCode | (string & {});
  /** The input field the error is about (BAD_USER_INPUT, NOT_FOUND), e.g. `input.providerId`. */
  readonly field: string | undefined;
  /** Every input problem (BAD_USER_INPUT). */
  readonly issues: readonly StewardIssue[];
  /** When to try again (TOO_MANY_REQUESTS), in seconds. */
  readonly retryAfterSeconds: number | undefined;
  /** The HTTP status (0 when no answer came). */
  readonly status: number;
  /** Steward's `X-Request-Id` for this request: quote it when you ask the organisation about a failure. */
  readonly requestId: string | undefined;
  /** Every GraphQL error of the answer, as sent. */
  readonly errors: readonly GraphQLFormattedError[];

  constructor(
    code: string,
    message: string,
    details: {
      status?: number;
      requestId?: string | undefined;
      errors?: readonly GraphQLFormattedError[];
      extensions?: Record<string, unknown>;
      cause?: unknown;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'StewardError';
    const ext = details.extensions ?? {};
    this.code = code;
    this.field = typeof ext.field === 'string' ? ext.field : undefined;
    this.issues = Array.isArray(ext.issues) ? (ext.issues as StewardIssue[]) : [];
    this.retryAfterSeconds = typeof ext.retryAfterSeconds === 'number' ? ext.retryAfterSeconds : undefined;
    this.status = details.status ?? 0;
    this.requestId = details.requestId;
    this.errors = details.errors ?? [];
  }
}

/** The variables argument: optional when the operation needs none. */
export type VariablesArgs<V> = [keyof V] extends [never]
  ? [variables?: V]
  : Record<string, never> extends V
    ? [variables?: V]
    : [variables: V];

export interface StewardFetchOptions {
  /**
   * Steward's address: `https://steward.example.org` (then `/graphql` is used) or the endpoint
   * itself, `https://steward.example.org/graphql`.
   */
  url: string | URL;
  /**
   * A partner key (`stw_…`) or an internal system's key (`sys_…`), sent as `Authorization: Bearer
   * <key>`. Leave it out for the public cookie consent API.
   */
  key?: string | undefined;
  /** Headers added to every request (e.g. your own `X-Request-Id`). */
  headers?: Record<string, string>;
  /** Abandon a request after this many milliseconds (NETWORK_ERROR). Default 30 s; 0: never. */
  timeoutMs?: number;
  /** The fetch to use; the global one by default (Node.js ≥ 18, every browser). */
  fetch?: typeof globalThis.fetch;
}

export interface StewardFetch {
  /**
   * Sends one typed operation; resolves to its data, typed by the document, or rejects with a
   * `StewardError` (any GraphQL error rejects the whole request).
   */
  request<Result, Variables extends Record<string, unknown>>(
    document: TypedDocumentNode<Result, Variables>,
    ...variables: VariablesArgs<Variables>
  ): Promise<Result>;
}

interface GraphQLAnswer {
  data?: unknown;
  errors?: GraphQLFormattedError[];
}

// A document is printed once, however often it is sent.
const printed = new WeakMap<DocumentNode, { query: string; operationName: string | undefined }>();

function source(document: DocumentNode): { query: string; operationName: string | undefined } {
  let found = printed.get(document);
  if (!found) {
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    found = { query: print(document), operationName: operation?.name?.value };
    printed.set(document, found);
  }
  return found;
}

function endpoint(url: string | URL): string {
  const parsed = new URL(url);
  if (parsed.pathname === '/' || parsed.pathname === '') parsed.pathname = '/graphql';
  return parsed.toString();
}

/**
 * A small client for Steward's GraphQL API with a key: `request(document, variables)` sends a typed
 * document from this package (or your own TypedDocumentNode) over the global fetch.
 */
export function createStewardFetch(options: StewardFetchOptions): StewardFetch {
  const url = endpoint(options.url);
  const send = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const headers: Record<string, string> = {
    ...options.headers,
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  if (options.key) headers.authorization = `Bearer ${options.key}`;

  return {
    async request<Result, Variables extends Record<string, unknown>>(
      document: TypedDocumentNode<Result, Variables>,
      ...args: VariablesArgs<Variables>
    ): Promise<Result> {
      const { query, operationName } = source(document);
      let response: Response;
      try {
        response = await send(url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ query, operationName, variables: args[0] ?? {} }),
          ...(timeoutMs > 0 ? { signal: AbortSignal.timeout(timeoutMs) } : {}),
        });
      } catch (cause) {
        throw new StewardError('NETWORK_ERROR', `Steward could not be reached at ${url}`, { cause });
      }
      const requestId = response.headers.get('x-request-id') ?? undefined;
      const answer = (await response.json().catch(() => null)) as GraphQLAnswer | null;
      const first = answer?.errors?.[0];
      if (first) {
        const extensions = (first.extensions ?? {}) as Record<string, unknown>;
        const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
        throw new StewardError(code, first.message, {
          status: response.status,
          requestId,
          errors: answer.errors ?? [],
          extensions,
        });
      }
      if (!answer || answer.data == null) {
        throw new StewardError('BAD_RESPONSE', `Steward answered HTTP ${response.status} without GraphQL data`, {
          status: response.status,
          requestId,
        });
      }
      return answer.data as Result;
    },
  };
}

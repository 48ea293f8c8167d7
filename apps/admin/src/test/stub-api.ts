import type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
import type * as Schema from '@steward/schema';
import type { Client } from 'urql';
import { createStewardClient } from '../app/client.js';

/** Every operation in packages/schema/operations, by name (codegen names its document `<Name>Document`). */
export type OperationName = keyof typeof Schema extends infer K
  ? K extends `${infer Name}Document`
    ? Name
    : never
  : never;
type DocumentOf<N extends OperationName> = (typeof Schema)[`${N}Document`];
/** What the operation's typed document says it answers, and what it is sent. */
export type ResultOfOperation<N extends OperationName> = ResultOf<DocumentOf<N>>;
export type VariablesOfOperation<N extends OperationName> = VariablesOf<DocumentOf<N>>;

/**
 * Data as it comes over the wire: urql asks for `__typename` in every selection (its cache reads
 * them), so a stub may carry one at any depth.
 */
export type WithTypenames<T> = T extends readonly (infer U)[]
  ? WithTypenames<U>[]
  : T extends object
    ? { [K in keyof T]: WithTypenames<T[K]> } & { __typename?: string }
    : T;

/** A GraphQL answer whose `data` has the document's result type (null beside errors). */
export type GraphQLResponse<Data = never> = {
  data?: Data | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

export type Call<N extends OperationName = OperationName> = {
  operationName: N;
  variables: VariablesOfOperation<N>;
};

/** A recorded call of any operation; checking `operationName` narrows its variables. */
export type AnyCall = { [N in OperationName]: Call<N> }[OperationName];

export type Handler<N extends OperationName> = (
  variables: VariablesOfOperation<N>,
  call: Call<N>,
) =>
  GraphQLResponse<WithTypenames<ResultOfOperation<N>>> | Promise<GraphQLResponse<WithTypenames<ResultOfOperation<N>>>>;

/**
 * Stubs keyed by operation name, each typed by that operation's generated document: a stub that
 * answers what the schema no longer returns fails typecheck.
 */
export type Handlers = { [N in OperationName]?: Handler<N> };

/**
 * A stand-in for the API at the HTTP boundary: the real urql client (same exchanges as the app)
 * with a fetch that answers per operation name and records every call. Unknown operations fail
 * the test loudly.
 */
export function stubApi(handlers: Handlers, options: { onUnauthenticated?: () => void } = {}) {
  const calls: AnyCall[] = [];
  const stubFetch: typeof fetch = async (_input, init) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as {
      operationName?: string;
      variables?: Record<string, unknown>;
    };
    // What goes over the wire is untyped; the handler for its name is typed by the document.
    const call = { operationName: body.operationName ?? '', variables: body.variables ?? {} } as AnyCall;
    calls.push(call);
    const handler = handlers[call.operationName] as Handler<OperationName> | undefined;
    const response: GraphQLResponse<unknown> = handler
      ? await handler(call.variables, call as Call)
      : { errors: [{ message: `No stub for ${call.operationName}`, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
    return new Response(JSON.stringify(response), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const client: Client = createStewardClient({
    url: 'http://steward.test/graphql',
    fetch: stubFetch,
    ...(options.onUnauthenticated ? { onUnauthenticated: options.onUnauthenticated } : {}),
  });
  return {
    client,
    calls,
    callsOf: <N extends OperationName>(operationName: N): Call<N>[] =>
      calls.filter((c) => c.operationName === operationName) as Call<N>[],
  };
}

export function graphQLError(code: string, message: string, extensions: Record<string, unknown> = {}): GraphQLResponse {
  return { data: null, errors: [{ message, extensions: { code, ...extensions } }] };
}

import type { Client } from 'urql';
import { createStewardClient } from '../app/client.js';

export type GraphQLResponse = {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

export type Call = { operationName: string; variables: Record<string, unknown> };

export type Handlers = Record<
  string,
  (variables: Record<string, unknown>, call: Call) => GraphQLResponse | Promise<GraphQLResponse>
>;

/**
 * A stand-in for the API at the HTTP boundary: the real urql client (same exchanges as the app)
 * with a fetch that answers per operation name and records every call. Unknown operations fail
 * the test loudly.
 */
export function stubApi(handlers: Handlers, options: { onUnauthenticated?: () => void } = {}) {
  const calls: Call[] = [];
  const stubFetch: typeof fetch = async (_input, init) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as {
      operationName?: string;
      variables?: Record<string, unknown>;
    };
    const call: Call = { operationName: body.operationName ?? '', variables: body.variables ?? {} };
    calls.push(call);
    const handler = handlers[call.operationName];
    const response: GraphQLResponse = handler
      ? await handler(call.variables, call)
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
    callsOf: (operationName: string) => calls.filter((c) => c.operationName === operationName),
  };
}

export function graphQLError(code: string, message: string, extensions: Record<string, unknown> = {}): GraphQLResponse {
  return { data: null, errors: [{ message, extensions: { code, ...extensions } }] };
}

import type { ApolloServerPlugin } from '@apollo/server';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { AppLog } from '../common/logger.js';
import { errorCodeLabel, errorsByCode, operationLabel, requestDuration } from '../common/metrics.js';

/** What the one log line (and the metrics) of a request say about it, filled in as it is answered. */
export interface RequestTrace {
  readonly id: string;
  /** The name of the route that answered (set by handlers without a fixed path: `admin`, `not-found`). */
  route: string | null;
  /** The GraphQL operation's name (a GraphQL name: letters, digits and `_` only), if it has one. */
  operation: string | null;
  /** The `extensions.code` of each error answered. */
  errors: string[];
}

const traces = new WeakMap<ServerResponse, RequestTrace>();

/** The trace of the request `res` answers (undefined outside observeRequests). */
export function traceOf(res: ServerResponse): RequestTrace | undefined {
  return traces.get(res);
}

/** Records that the request `res` answers was answered with an error of `code`. */
export function noteErrorCode(res: ServerResponse, code: string): void {
  traces.get(res)?.errors.push(code);
}

/** A request id a caller may choose: at most 128 of `A–Z a–z 0–9 . _ -` (anything else is replaced by a new one). */
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}

/** A GraphQL operation name as the grammar allows it (and short): anything else is not logged. */
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

function operationNameOf(name: string | null | undefined): string | null {
  return typeof name === 'string' && OPERATION_NAME.test(name) ? name : null;
}

/** The operation's name as the first definition of `query` declares it (before Apollo parses it). */
const DECLARED_NAME = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]{0,63})\b/;

/**
 * Names the operation from the request's body before Apollo runs it, so that a request refused
 * before any plugin runs (a bad key, a refused origin: its context cannot be made) is still named;
 * Apollo's own resolution (requestTracePlugin) replaces it when the operation gets that far.
 */
export function noteOperationOf(res: ServerResponse, body: unknown): void {
  const trace = traces.get(res);
  if (!trace || typeof body !== 'object' || body === null) return;
  const { operationName, query } = body as { operationName?: unknown; query?: unknown };
  trace.operation =
    operationNameOf(typeof operationName === 'string' ? operationName : null) ??
    (typeof query === 'string' ? (DECLARED_NAME.exec(query.slice(0, 200))?.[1] ?? null) : null);
}

/**
 * Wraps the server's listener: each request gets an id (`X-Request-Id`: the caller's when sane,
 * else a new one; echoed in the answer), and when its answer is finished (or the client hung up),
 * exactly one log line and one duration sample. The line names the route by one of `routes` (fixed
 * paths) or the name its handler gave, never the raw path or query (they can carry anything a
 * caller typed), and the GraphQL operation by its name.
 */
export function observeRequests(log: AppLog, routes: ReadonlySet<string>, inner: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    const trace: RequestTrace = {
      id: requestIdFrom(req.headers['x-request-id']),
      route: null,
      operation: null,
      errors: [],
    };
    traces.set(res, trace);
    res.setHeader('X-Request-Id', trace.id);
    res.once('close', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const url = req.url ?? '/';
      const query = url.indexOf('?');
      const path = query < 0 ? url : url.slice(0, query);
      const route = routes.has(path) ? path : (trace.route ?? (res.statusCode === 404 ? 'not-found' : 'static'));
      const graphql = route === '/graphql';
      const status = res.writableFinished ? res.statusCode : 499;
      const codes = [...new Set(trace.errors)];
      const fields = {
        reqId: trace.id,
        method: req.method,
        route,
        ...(graphql ? { operation: trace.operation ?? undefined } : {}),
        status,
        durationMs: Math.round(durationMs * 100) / 100,
        ...(codes.length ? { errors: codes } : {}),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (status >= 500) log.error('request', undefined, fields);
      else log.info('request', fields);
      requestDuration.observe(
        { operation: graphql ? operationLabel(trace.operation) : route, status: `${Math.floor(status / 100)}xx` },
        durationMs / 1000,
      );
      for (const code of codes) errorsByCode.inc({ code: errorCodeLabel(code) });
    });
    inner(req, res);
  };
}

/** The Apollo side of the trace: the operation's name and the codes of the errors answered. */
export function requestTracePlugin<TContext extends { trace?: RequestTrace }>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue, request }) {
      const trace = contextValue.trace;
      if (!trace) return;
      trace.operation = operationNameOf(request.operationName) ?? trace.operation;
      return {
        async didResolveOperation({ operationName }) {
          trace.operation = operationNameOf(operationName) ?? trace.operation;
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const code = error.extensions?.code;
            trace.errors.push(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
          }
        },
      };
    },
  };
}

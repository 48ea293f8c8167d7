import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { noteErrorCode, noteOperationOf } from './request-log.js';

/** `application/json`, optionally with `charset=utf-8`: what the fast path reads (anything else goes to express). */
const JSON_UTF8 = /^application\/json\s*(?:;\s*charset\s*=\s*("?)utf-8\1\s*)?$/i;

export interface GraphqlPostOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** The request's context, as the express route builds it. */
  context: (req: IncomingMessage, res: ServerResponse) => Promise<TContext>;
  /** Headers every answer carries (helmet's, computed once: they do not depend on the request). */
  headers: readonly (readonly [string, string])[];
  /** CORS headers for cookie sites (a POST is never a preflight: nothing to answer early). */
  cors: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  bodyLimitBytes: number;
  onError: (err: unknown) => void;
}

/** Whether this request is one the fast path takes: `POST /graphql` with a plain (not encoded) UTF-8 JSON body. */
export function isGraphqlJsonPost(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const url = req.url ?? '';
  if (url !== '/graphql' && !url.startsWith('/graphql?')) return false;
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  const type = req.headers['content-type'];
  return type !== undefined && JSON_UTF8.test(type);
}

/**
 * `POST /graphql` with a JSON body straight from node:http to Apollo: the steps the express route
 * takes — security headers, CORS for cookie sites, a JSON body within its limit, the context — but
 * without express's router, request decoration and body-parser, which the hot paths (decisions,
 * partner reads, cookie consent writes) paid on every request (bench/README.md). Every other request
 * (GET /graphql, preflights, the admin, the banner, health, encoded or non-JSON bodies) is express's.
 */
export function graphqlPostHandler<TContext extends BaseContext>(options: GraphqlPostOptions<TContext>) {
  const { apollo, headers, bodyLimitBytes } = options;
  const refuse = (res: ServerResponse, status: number, code: string, message: string) => {
    if (res.headersSent) return void res.end();
    noteErrorCode(res, code);
    const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-length', Buffer.byteLength(body));
    res.end(body);
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      for (const [name, value] of headers) res.setHeader(name, value);
      await options.cors(req, res);
      const declared = Number(req.headers['content-length']);
      if (declared > bodyLimitBytes) {
        req.resume();
        return refuse(res, 413, 'PAYLOAD_TOO_LARGE', 'Bad request');
      }
      const text = await readBody(req, bodyLimitBytes);
      if (text === null) return refuse(res, 413, 'PAYLOAD_TOO_LARGE', 'Bad request');
      let body: unknown;
      try {
        // As body-parser's decoding: a leading byte-order mark is not part of the JSON.
        body = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      } catch {
        return refuse(res, 400, 'BAD_REQUEST', 'Bad request');
      }
      // As body-parser's strict mode: a GraphQL request is an object (or a batch).
      if (body === null || typeof body !== 'object') return refuse(res, 400, 'BAD_REQUEST', 'Bad request');
      noteOperationOf(res, body);

      const requestHeaders = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) requestHeaders.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const url = req.url ?? '';
      const query = url.indexOf('?');
      const answer = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: 'POST',
          headers: requestHeaders,
          search: query < 0 ? '' : url.slice(query),
          body,
        },
        context: () => options.context(req, res),
      });
      for (const [key, value] of answer.headers) res.setHeader(key, value);
      res.statusCode = answer.status ?? 200;
      if (answer.body.kind === 'complete') {
        res.setHeader('content-length', Buffer.byteLength(answer.body.string));
        res.end(answer.body.string);
        return;
      }
      for await (const chunk of answer.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (err) {
      // A client that hung up mid-body is not a server error (and must not be able to flood the log).
      if (req.destroyed || res.destroyed || (err as NodeJS.ErrnoException | null)?.code === 'ECONNRESET')
        return void res.destroy();
      options.onError(err);
      refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
  };
}

/** The body as UTF-8 text, or null once it grows past the limit (the rest is discarded). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return resolve(null);
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!tooLarge)
        resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, size).toString('utf8'));
    });
    req.on('error', reject);
  });
}

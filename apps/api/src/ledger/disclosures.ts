import type { ApolloServerPlugin } from '@apollo/server';
import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import type { AppLog } from '../common/logger.js';
import type { RequestTrace } from '../http/request-log.js';

/** Where a value stands in the response: keys (aliases as the caller named them) and list indexes. */
export type ResponsePath = readonly (string | number)[];

/** The response path of the field being resolved. */
export function responsePathOf(info: GraphQLResolveInfo): ResponsePath {
  return responsePathAsArray(info.path);
}

/**
 * Who records what a response disclosed: `record` gets what each offered value stood for, for the
 * values the final body carries (each once, in the order they were offered), and returns once
 * their record is durable. It is called at most once per operation, and not at all when nothing left.
 */
export interface DisclosureSink<T> {
  record(sent: readonly T[]): Promise<void>;
}

interface Offer {
  path: ResponsePath;
  value: string;
  what: unknown;
}

/**
 * The values an operation put into its response that must be recorded if, and only if, they leave:
 * a resolver offers each (its path and value) as it resolves it; `disclosurePlugin` records, once
 * the body to be sent is final, those still in it.
 */
export class PendingDisclosures {
  private readonly offers = new Map<DisclosureSink<unknown>, Offer[]>();

  offer<T>(sink: DisclosureSink<T>, path: ResponsePath, value: string, what: T): void {
    const list = this.offers.get(sink as DisclosureSink<unknown>);
    if (list) list.push({ path, value, what });
    else this.offers.set(sink as DisclosureSink<unknown>, [{ path, value, what }]);
  }

  get isEmpty(): boolean {
    return this.offers.size === 0;
  }

  /** Records, per sink, the offered values that `data` carries at their paths. */
  async recordSent(data: Readonly<Record<string, unknown>> | null | undefined): Promise<void> {
    if (!data) return;
    const writes: Promise<void>[] = [];
    for (const [sink, offers] of this.offers) {
      const sent = offers.filter((o) => valueAt(data, o.path) === o.value).map((o) => o.what);
      if (sent.length) writes.push(sink.record(sent));
    }
    await Promise.all(writes);
  }
}

function valueAt(data: unknown, path: ResponsePath): unknown {
  let at = data;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

const pending = new WeakMap<object, PendingDisclosures>();

/** The operation's pending disclosures (one per context object: Apollo gives each operation its own). */
export function pendingDisclosures(context: object): PendingDisclosures {
  let found = pending.get(context);
  if (!found) pending.set(context, (found = new PendingDisclosures()));
  return found;
}

const WITHHELD = { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };

/**
 * Records what a response discloses from the body that is about to be sent (willSendResponse runs
 * after execution, null propagation and error formatting): a value whose field was not selected,
 * or that a sibling's error nulled out, or a request that failed, records nothing. Apollo awaits
 * this hook before it serialises the body, so the record is committed before a byte leaves; if it
 * cannot be written, the data is withheld and the caller gets INTERNAL_SERVER_ERROR instead.
 */
export function disclosurePlugin<TContext extends { trace?: RequestTrace }>(log: AppLog): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const disclosures = pending.get(contextValue);
          if (!disclosures || disclosures.isEmpty) return;
          try {
            // graphql-js 16 has no incremental delivery: a body is always one result.
            if (response.body.kind !== 'single') throw new Error('Incremental delivery cannot be recorded');
            await disclosures.recordSent(response.body.singleResult.data);
          } catch (error) {
            log.error('A disclosure could not be recorded: its data was withheld', error);
            response.body = { kind: 'single', singleResult: { errors: [WITHHELD] } };
            response.http.status = 500;
            contextValue.trace?.errors.push(WITHHELD.extensions.code);
          }
        },
      };
    },
  };
}

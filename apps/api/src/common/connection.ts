import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { PageInfo } from './pagination.js';

/** A list's total: exact up to `TOTAL_COUNT_CAP`, beyond it the cap and `capped` (the admin shows "10,000+"). */
export interface TotalCount {
  count: number;
  capped: boolean;
}

/**
 * Counting stops here: a count over a filter no index answers (a kind over 1M providers, an audit
 * trail of millions) reads at most this many rows instead of the whole table (bench/README.md).
 */
export const TOTAL_COUNT_CAP = 10_000;

/** What a keyset-paged list returns (common/pagination.ts's `toPage` builds it, `withTotal` adds the count). */
export interface Page<N> {
  edges: { cursor: string; node: N }[];
  pageInfo: PageInfo;
  /** Counts the filtered list when a client asks for `totalCount`; runs at most once per answer. */
  count: () => Promise<TotalCount>;
}

/** Adds the list's count to a page: asked for lazily, so a client that does not read the total pays nothing. */
export function withTotal<P extends Omit<Page<unknown>, 'count'>>(
  page: P,
  count: () => Promise<TotalCount>,
): P & { count: () => Promise<TotalCount> } {
  let counted: Promise<TotalCount> | null = null;
  return { ...page, count: () => (counted ??= count()) };
}

/** A count read with a LIMIT of `cap + 1` rows, as the API says it. */
export function toTotal(rowsCounted: number, cap = TOTAL_COUNT_CAP): TotalCount {
  return rowsCounted > cap ? { count: cap, capped: true } : { count: rowsCounted, capped: false };
}

/** An exact count (a list that is small by nature, or counted without scanning). */
export const exactTotal = (count: number): TotalCount => ({ count, capped: false });

/**
 * The Relay-style connection of a node type: `<Name>Connection { edges: [<Name>Edge!]! pageInfo totalCount
 * totalCountCapped }` and `<Name>Edge { cursor node }`. One generic class pair instead of one hand-written pair per
 * list (type-graphql's generic-types pattern); the emitted names stay those the contract has always had.
 */
export function Connection<N extends object>(name: string, node: ClassType<N>, what: { one: string; many: string }) {
  @ObjectType(`${name}Edge`, { description: `One ${what.one} in a page, with the cursor that points at it.` })
  class Edge {
    @Field(() => String, { description: 'Opaque: pass it as `after` to get the items after this one.' })
    cursor!: string;

    @Field(() => node, { description: `The ${what.one}.` })
    node!: N;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what.many} (keyset-paged: never offsets).` })
  class ConnectionType implements Page<N> {
    @Field(() => [Edge], { description: `The ${what.many} of this page, in order.` })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Whether there are more, and the cursors at both ends.' })
    pageInfo!: PageInfo;

    count!: () => Promise<TotalCount>;

    @Field(() => Int, {
      description: `How many ${what.many} the filter matches (all pages). Counted only when asked; at most ${TOTAL_COUNT_CAP.toLocaleString('en')}: see \`totalCountCapped\`.`,
    })
    async totalCount(): Promise<number> {
      return (await this.count()).count;
    }

    @Field(() => Boolean, {
      description: `True when more than ${TOTAL_COUNT_CAP.toLocaleString('en')} ${what.many} match: \`totalCount\` is then the cap, not the total.`,
    })
    async totalCountCapped(): Promise<boolean> {
      return (await this.count()).capped;
    }
  }
  // Typed as the plain page a service builds: the two count fields are methods over `count`.
  return ConnectionType as unknown as ClassType<Page<N>>;
}

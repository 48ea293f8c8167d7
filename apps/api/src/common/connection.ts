import { Field, ObjectType, type ClassType } from 'type-graphql';
import { PageInfo } from './pagination.js';

/** What a keyset-paged list returns (common/pagination.ts's `toPage` builds it). */
export interface Page<N> {
  edges: { cursor: string; node: N }[];
  pageInfo: PageInfo;
}

/**
 * The Relay-style connection of a node type: `<Name>Connection { edges: [<Name>Edge!]! pageInfo }`
 * and `<Name>Edge { cursor node }`. One generic class pair instead of one hand-written pair per list
 * (type-graphql's generic-types pattern); the emitted names stay those the contract has always had.
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
  }
  return ConnectionType;
}

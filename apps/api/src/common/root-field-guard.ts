import type { ApolloServerPlugin } from '@apollo/server';
import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Context } from '../context.js';
import { ForbiddenError, requestError } from './errors.js';

/** What a restricted caller (a partner key, an internal system's key, a page on another origin) may select at the root. */
export interface RootFieldScope {
  /** The root fields it may select (plus `__typename`). */
  fields: ReadonlySet<string>;
  /** Queries only (no mutation, even of `fields`). */
  queryOnly: boolean;
  /** The FORBIDDEN message for any other operation. */
  refusal: string;
}

/** Every root field an operation selects, through fragment spreads and inline fragments. */
export function rootFieldNames(document: DocumentNode, operation: OperationDefinitionNode): Set<string> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) names.add(sel.name.value);
      else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet);
      else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        const fragment = fragments.get(sel.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return names;
}

/** Whether an operation stays inside a scope: only its root fields (however reached), and only queries where it says so. */
export function withinScope(
  scope: RootFieldScope,
  document: DocumentNode,
  operation: OperationDefinitionNode | undefined,
): boolean {
  if (!operation || (scope.queryOnly && operation.operation !== 'query')) return false;
  for (const name of rootFieldNames(document, operation))
    if (name !== '__typename' && !scope.fields.has(name)) return false;
  return true;
}

/**
 * A restricted caller reaches only its own root fields: any other root field (admin queries, every
 * mutation it is not given, other callers' fields, introspection) refuses the whole operation with
 * FORBIDDEN before anything runs, so no query shape — aliases, fragments, inline fragments — can
 * reach another resolver or another type's description. The authChecker refuses key principals
 * outside their fields too, as a second line — for fields behind `@Authorized`; the public fields
 * (the privacy page, the public forms, the cookie fields) have only this guard against keys.
 */
export function rootFieldGuardPlugin(
  scopeOf: (context: Context) => RootFieldScope | null,
): ApolloServerPlugin<Context> {
  return {
    // The context exists before this runs: an unrestricted request (an admin session) gets no hooks at all.
    async requestDidStart({ contextValue }) {
      const scope = scopeOf(contextValue);
      if (!scope) return;
      return {
        async didResolveOperation({ document, operation }) {
          if (!withinScope(scope, document, operation)) throw requestError(new ForbiddenError(scope.refusal), 403);
        },
      };
    },
  };
}

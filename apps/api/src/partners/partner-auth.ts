import type { EntityManager } from '@mikro-orm/core';
import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { ForbiddenError, UnauthenticatedError, type DomainError } from '../common/errors.js';
import { PARTNER_FORBIDDEN } from '../common/auth-checker.js';
import { fromDbDate, leanRows, leanRun, toDbDate } from '../common/lean-sql.js';
import type { AppDeps, Context, PartnerPrincipal } from '../context.js';
import { parsePartnerKey, secretMatches } from '../recipients/partner-key.js';

/** The same answer for unknown, malformed and revoked keys: nothing tells them apart. */
export const PARTNER_KEY_REJECTED = 'The partner key is not valid';
/** `lastUsedAt` is written at most this often per key. */
export const LAST_USED_RESOLUTION_MS = 60_000;
/** The root fields a partner key may select (plus `__typename`). */
export const PARTNER_ROOT_FIELDS: ReadonlySet<string> = new Set(['partnerProviders', 'partnerProvider']);

/** A domain error raised before resolvers run (context, operation check), with its HTTP status. */
export function requestError(error: DomainError, status: number): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { code: error.code, http: { status } } });
}

/** The bearer token of an `Authorization` header; undefined when there is none, '' when it is not a bearer token. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : '';
}

/**
 * Resolves a presented partner key to its credential, or throws UNAUTHENTICATED (one message for
 * every failure). Records `lastUsedAt`, at most once a minute per key.
 */
export async function authenticatePartner(em: EntityManager, deps: AppDeps, token: string): Promise<PartnerPrincipal> {
  const rejected = () => requestError(new UnauthenticatedError(PARTNER_KEY_REJECTED), 401);
  const parsed = parsePartnerKey(token);
  if (!parsed) throw rejected();
  const [row] = await leanRows<{ id: string; recipient_id: string; secret_hash: string; revoked_at: unknown; last_used_at: unknown }>(
    em,
    'select id, recipient_id, secret_hash, revoked_at, last_used_at from partner_credential where key_id = ?',
    [parsed.keyId],
  );
  // Compare against a hash either way, so an unknown key id costs what a wrong secret does.
  const matches = secretMatches(parsed.secret, row?.secret_hash ?? '0'.repeat(64));
  if (!row || !matches || row.revoked_at != null) throw rejected();
  const now = deps.now();
  const lastUsed = row.last_used_at == null ? null : fromDbDate(row.last_used_at);
  if (!lastUsed || now.getTime() - lastUsed.getTime() >= LAST_USED_RESOLUTION_MS) {
    const threshold = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    // The condition makes concurrent requests write it once.
    await leanRun(em, 'update partner_credential set last_used_at = ? where id = ? and (last_used_at is null or last_used_at <= ?)', [
      toDbDate(em, now),
      row.id,
      toDbDate(em, threshold),
    ]);
  }
  return { credentialId: row.id, recipientId: row.recipient_id };
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

/**
 * A partner key reaches only its own root fields: any other root field (admin queries, every
 * mutation, introspection) refuses the whole operation with FORBIDDEN before anything runs, so no
 * query shape can reach an admin resolver or an admin type's description. The authChecker refuses
 * partners too, as a second line.
 */
export function partnerGuardPlugin(): ApolloServerPlugin<Context> {
  return {
    // The context exists before this runs: a request without a partner key gets no hooks at all.
    async requestDidStart({ contextValue }) {
      if (!contextValue.partner) return;
      return {
        async didResolveOperation({ document, operation }) {
          const allowed =
            operation?.operation === 'query' &&
            [...rootFieldNames(document, operation)].every((name) => name === '__typename' || PARTNER_ROOT_FIELDS.has(name));
          if (!allowed) throw requestError(new ForbiddenError(PARTNER_FORBIDDEN), 403);
        },
      };
    },
  };
}

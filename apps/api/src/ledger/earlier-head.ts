import type { EntityManager } from '@mikro-orm/core';
import { issue, parseTreeHead, type Issue, type SignedTreeHead } from '@steward/policy-core';
import type { FieldCipher } from '../crypto/field-cipher.js';
import { treeHeadStatementOf } from './ledger-hash.js';
import { restoreEntryRows, treeState } from './ledger-tree.queries.js';

export type EarlierHeadCheck = { ok: true; head: SignedTreeHead; json: string } | { ok: false; issues: Issue[] };

/**
 * A signed tree head a provider hands in with a request (the head of their last disclosure
 * package): well-formed (policy-core parseTreeHead), signed with this ledger's key over exactly its
 * statement (v1 or v2), and no larger than the tree now unless a signed RESTORE entry recorded since
 * explains it (a head from before a restore that lost entries: the evidence package then names the
 * lost range). `json` is the head in the wire's field order: what the request stores.
 */
export async function checkEarlierHead(
  em: EntityManager,
  cipher: FieldCipher,
  text: string,
  field = 'earlierHead',
): Promise<EarlierHeadCheck> {
  const parsed = parseTreeHead(text.trim(), field);
  if (!parsed.ok) return parsed;
  const { head } = parsed;
  if (!cipher.verifyCheckpoint(treeHeadStatementOf(head), head.signature))
    return {
      ok: false,
      issues: [issue(field, 'BAD_SIGNATURE', 'The head’s signature does not verify with the ledger key')],
    };
  const { treeSize, treeSequence } = await treeState(em);
  if (head.treeSize > treeSize && !(await restoreEntryRows(em, new Date(head.timestamp), treeSequence)).length)
    return {
      ok: false,
      issues: [
        issue(field, 'AHEAD_OF_LEDGER', `The head names ${head.treeSize} entries; the ledger tree has ${treeSize}`),
      ],
    };
  return { ok: true, head, json: JSON.stringify(head) };
}

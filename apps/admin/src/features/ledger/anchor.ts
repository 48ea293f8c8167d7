import type { LedgerAnchorInput } from '@steward/schema';

/** The text form of an anchor, as the ledger page shows it and `npm run ledger:verify -- --anchor` takes it. */
export function formatAnchor(sequence: number, hash: string): string {
  return `${sequence}:${hash}`;
}

/** Why a text is not an anchor: a key of the `ledger` catalogue's `anchor.errors`. */
export type AnchorError = 'format' | 'sequence';

/** Parses `SEQUENCE:HASH` (what formatAnchor writes); what is wrong when it is not one. */
export function parseAnchor(text: string): { anchor: LedgerAnchorInput } | { error: AnchorError } {
  const match = /^(\d{1,15}):([0-9a-fA-F]{64})$/.exec(text.trim());
  if (!match) return { error: 'format' };
  const sequence = Number(match[1]);
  if (sequence < 1) return { error: 'sequence' };
  return { anchor: { sequence, hash: match[2]!.toLowerCase() } };
}

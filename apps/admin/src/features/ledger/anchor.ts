import type { LedgerAnchorInput } from '@steward/schema';

/** The text form of an anchor, as the ledger page shows it and `npm run ledger:verify -- --anchor` takes it. */
export function formatAnchor(sequence: number, hash: string): string {
  return `${sequence}:${hash}`;
}

/** Parses `SEQUENCE:HASH` (what formatAnchor writes); an error message when it is not one. */
export function parseAnchor(text: string): { anchor: LedgerAnchorInput } | { error: string } {
  const match = /^(\d{1,15}):([0-9a-fA-F]{64})$/.exec(text.trim());
  if (!match) return { error: 'Enter the anchor as SEQUENCE:HASH (a number, a colon and 64 hexadecimal digits)' };
  const sequence = Number(match[1]);
  if (sequence < 1) return { error: 'Entries are numbered from 1' };
  return { anchor: { sequence, hash: match[2]!.toLowerCase() } };
}

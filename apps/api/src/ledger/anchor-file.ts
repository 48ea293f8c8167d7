import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LedgerAnchor } from './ledger.service.js';
import { OperatorError } from '../common/operator-error.js';

const HASH = /^[0-9a-f]{64}$/;

/** The anchor kept in `file` ({ "sequence": n, "hash": "<64 hex>" }), or null when there is no file. Throws when it holds something else. */
export function readAnchorFile(file: string): LedgerAnchor | null {
  if (!existsSync(file)) return null;
  let parsed: { sequence?: unknown; hash?: unknown };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as typeof parsed;
  } catch {
    parsed = {};
  }
  if (
    typeof parsed.sequence !== 'number' ||
    !Number.isInteger(parsed.sequence) ||
    parsed.sequence < 1 ||
    typeof parsed.hash !== 'string' ||
    !HASH.test(parsed.hash)
  ) {
    throw new OperatorError(`${file} does not hold an anchor ({ "sequence": n, "hash": "<64 hex>" })`);
  }
  return { sequence: parsed.sequence, hash: parsed.hash };
}

/**
 * Writes the anchor beside `file` and renames it into place: a crash never leaves half an anchor.
 * Readable by Steward's user only (0600), whatever the umask; its directory is made (0700) if missing
 * (with PostgreSQL nothing else creates the data directory).
 */
export function writeAnchorFile(file: string, anchor: LedgerAnchor, at: Date): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(
    `${file}.tmp`,
    `${JSON.stringify({ sequence: anchor.sequence, hash: anchor.hash, writtenAt: at.toISOString() }, null, 2)}\n`,
    { mode: 0o600 },
  );
  chmodSync(`${file}.tmp`, 0o600);
  renameSync(`${file}.tmp`, file);
}

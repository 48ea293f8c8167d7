import type { EntityManager } from '@mikro-orm/core';
import { parseArgs } from 'node:util';
import type { AppDeps } from '../context.js';
import { readAnchorFile, writeAnchorFile } from './anchor-file.js';
import { LedgerService, type LedgerAnchor } from './ledger.service.js';

export const VERIFY_USAGE = `Usage: npm run ledger:verify -- [--anchor SEQUENCE:HASH] [--anchor-file FILE] [--json]
  --anchor SEQUENCE:HASH  a head recorded earlier outside Steward: entry SEQUENCE must still have HASH
  --anchor-file FILE      read the anchor from FILE (if it exists) and, when the ledger verifies, write the
                          current head there: keep FILE off the database's machine to catch a rewound end
                          (default: the server's STEWARD_LEDGER_ANCHOR_FILE, data/ledger-anchor.json)
  --json                  print the result as JSON`;

/** Parses `SEQUENCE:HASH`; null when it is not one. */
export function parseAnchor(text: string): LedgerAnchor | null {
  const match = /^(\d{1,15}):([0-9a-fA-F]{64})$/.exec(text.trim());
  if (!match || Number(match[1]) < 1) return null;
  return { sequence: Number(match[1]), hash: match[2]!.toLowerCase() };
}

/**
 * `npm run ledger:verify`: verifies the chain (against an outside anchor when given), prints the
 * result and returns the exit code (0 verified, 1 failed, 2 bad arguments).
 */
export async function runLedgerVerify(
  em: EntityManager,
  deps: AppDeps,
  argv: readonly string[],
  print: (line: string) => void,
): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: {
        anchor: { type: 'string' },
        'anchor-file': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    }).values;
  } catch (err) {
    print(`${err instanceof Error ? err.message : String(err)}\n${VERIFY_USAGE}`);
    return 2;
  }
  // Without either option, the anchor file the server keeps (STEWARD_LEDGER_ANCHOR_FILE), if any.
  const anchorFile = args['anchor-file'] ?? (args.anchor === undefined ? deps.config.ledgerAnchorFile : null);
  let anchor: LedgerAnchor | null = null;
  try {
    if (args.anchor !== undefined) {
      anchor = parseAnchor(args.anchor);
      if (!anchor)
        throw new Error(`--anchor must be SEQUENCE:HASH (a positive number and 64 hex digits), got "${args.anchor}"`);
    } else if (anchorFile) {
      anchor = readAnchorFile(anchorFile);
    }
  } catch (err) {
    print(`${err instanceof Error ? err.message : String(err)}\n${VERIFY_USAGE}`);
    return 2;
  }

  const result = await new LedgerService(em, deps).verify(anchor);
  if (args.json) {
    print(JSON.stringify(result, null, 2));
  } else {
    print(
      `checked ${result.checkedEntries} of ${result.headSequence} entries, ${result.checkpoints} signed checkpoints`,
    );
    print(`head ${result.headSequence}:${result.headHash}`);
    if (result.lastCheckpoint)
      print(
        `newest signed checkpoint: entry ${result.lastCheckpoint.sequence}, ${result.unsignedEntries} entries after it`,
      );
    for (const gap of result.gaps)
      print(
        `entries ${gap.from} to ${gap.to} were lost by the restore of the backup of ${gap.backupCreatedAt} (recorded and signed in entry ${gap.sequence})`,
      );
    if (anchor) {
      const lostIn = result.gaps.find((g) => anchor.sequence >= g.from && anchor.sequence <= g.to);
      print(
        `anchor ${anchor.sequence}:${anchor.hash} ${
          result.anchorChecked
            ? 'holds'
            : lostIn
              ? `falls in the entries lost before entry ${lostIn.sequence}`
              : 'checked'
        }`,
      );
    }
    print(
      result.firstFailure
        ? `FAILED at entry ${result.firstFailure.sequence}: ${result.firstFailure.reason}`
        : 'ledger OK',
    );
  }
  if (result.firstFailure) return 1;
  if (anchorFile && result.headSequence > 0) {
    writeAnchorFile(anchorFile, { sequence: result.headSequence, hash: result.headHash }, deps.now());
    if (!args.json) print(`anchor written to ${anchorFile}`);
  }
  return 0;
}

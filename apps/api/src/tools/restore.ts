// `npm run restore -- DIR [--anchor SEQUENCE:HASH]`: restores a backup made by `npm run backup` into an
// empty target, with the server's configuration (DATABASE_URL, or STEWARD_DATA_DIR without a database;
// the key in STEWARD_ENCRYPTION_KEY or the data directory; the anchor in STEWARD_LEDGER_ANCHOR_FILE).
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { restoreBackup } from '../backup/restore.js';
import { loadConfig } from '../config.js';
import type { LedgerAnchor } from '../ledger/ledger.service.js';
import { parseAnchor } from '../ledger/verify-cli.js';

const USAGE = `Usage: npm run restore -- DIR [--anchor SEQUENCE:HASH]
  DIR                     a backup directory made by npm run backup
  --anchor SEQUENCE:HASH  the newest head recorded outside Steward, when the anchor file is not at hand
  The target must be empty: STEWARD_DATA_DIR without a database, or an empty database in DATABASE_URL.`;

let dir: string | undefined;
let anchor: LedgerAnchor | null = null;
try {
  const { positionals, values } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { anchor: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new Error('Give one backup directory');
  dir = positionals[0];
  if (values.anchor !== undefined) {
    anchor = parseAnchor(values.anchor);
    if (!anchor) throw new Error(`--anchor must be SEQUENCE:HASH, got "${values.anchor}"`);
  }
} catch (err) {
  console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  process.exit(2);
}
try {
  await restoreBackup({
    config: loadConfig(),
    from: dir!,
    anchor,
    now: () => new Date(),
    print: (line) => console.log(line),
  });
} catch (err) {
  console.error(`Restore refused: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}

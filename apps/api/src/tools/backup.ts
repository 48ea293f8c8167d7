// `npm run backup -- DIR`: a consistent online backup of the database into DIR (a new directory) with
// a manifest. Uses the server's configuration (DATABASE_URL or the SQLite file in STEWARD_DATA_DIR).
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createBackup } from '../backup/backup.js';
import { loadConfig } from '../config.js';

const USAGE = `Usage: npm run backup -- DIR
  DIR  a new (or empty) directory for the dump and its manifest.json
  The key and the ledger anchor file are not in the backup: keep copies of them separately.`;

let dir: string | undefined;
try {
  const { positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new Error('Give one output directory');
  dir = positionals[0];
} catch (err) {
  console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  process.exit(2);
}
try {
  await createBackup({ config: loadConfig(), dir: dir!, now: () => new Date(), print: (line) => console.log(line) });
} catch (err) {
  console.error(`Backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';

// What backup and restore share: the manifest, file hashes, and running pg_dump / pg_restore.

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'steward-backup/1';

/** manifest.json, written beside the dump: what the backup holds, and the dump's hash. */
export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  createdAt: string;
  stewardVersion: string;
  database: 'sqlite' | 'postgresql';
  /** The newest migration applied to the data (a restore runs the later ones this release has). */
  schemaVersion: string | null;
  ledger: {
    head: { sequence: number; hash: string } | null;
    lastCheckpoint: { sequence: number; hash: string; signedAt: string } | null;
  };
  /** Which key the data is sealed with (its id and check value; neither reveals the key). */
  keyId: string | null;
  keyCheck: string | null;
  dump: { file: string; format: 'sqlite' | 'pg_dump-custom'; bytes: number; sha256: string };
}

/** SHA-256 of a file, streamed (a dump may be large). */
export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** The version of @steward/api that runs (src/ and dist/ sit at the same depth below the package). */
export function stewardVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

/**
 * A PostgreSQL URL split for the client tools: the password goes through PGPASSWORD, never on a
 * command line other users can read in the process list.
 */
export function pgConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { dbname: parsed.toString(), env };
}

/** Runs pg_dump / pg_restore; rejects with its stderr when it fails (or is not installed). */
export function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on('error', (err) =>
      reject(new Error(`Could not run ${tool} (${err.message}): install the PostgreSQL client (postgresql-client)`)),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { secretMatches } from '../common/api-key.js';
import type { TestApp } from './test-app.js';

/** The audit entries about `subject`, oldest first, each detail as an object (SQLite hands JSON back as text). */
export async function auditTrail(app: TestApp, subject: string): Promise<{ action: string; detail: unknown }[]> {
  const rows = await app
    .em()
    .getConnection()
    .execute<{ action: string; detail: unknown }[]>(
      'select action, detail from audit_entry where subject = ? order by id',
      [subject],
    );
  return rows.map((r) => ({
    action: r.action,
    detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail,
  }));
}

/**
 * Asserts that an issued API key is stored as the SHA-256 of its secret and nothing more: neither
 * the key nor its secret is in any of `tables`, and the credential's row in `credentialTable` holds
 * the hash, which the secret matches.
 */
export async function expectKeyStoredAsHashOnly(
  app: TestApp,
  issued: { key: string; keyId: string; secret: string },
  credentialTable: 'partner_credential' | 'system_credential',
  tables: readonly string[],
): Promise<void> {
  const conn = app.em().getConnection();
  for (const table of tables) {
    const text = JSON.stringify(await conn.execute(`select * from ${table}`));
    expect(text).not.toContain(issued.secret);
    expect(text).not.toContain(issued.key);
  }
  const rows = await conn.execute<{ secret_hash: string }[]>(
    `select secret_hash from ${credentialTable} where key_id = ?`,
    [issued.keyId],
  );
  expect(rows[0]!.secret_hash).toBe(createHash('sha256').update(issued.secret).digest('hex'));
  expect(secretMatches(issued.secret, rows[0]!.secret_hash)).toBe(true);
}

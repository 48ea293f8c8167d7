import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { deriveKeyRing, resolveMasterKey } from '../crypto/keys.js';
import { startupFailureMessage } from './operator-error.js';

/** The error a driver throws when a statement fails: its message quotes the statement and its values. */
class DriverError extends Error {
  code = '23505';
  constructor() {
    super(
      "insert into admin_user (email) values ('alice@example.com') - duplicate key value violates unique constraint",
    );
    this.name = 'DatabaseError';
  }
}

describe('what the server prints when it cannot start', () => {
  it("prints Steward's own refusals in full, for the operator to act on", () => {
    const refusals = [
      () => loadConfig({ STEWARD_LEDGER_CHECKPOINT_SECONDS: 'soon' }),
      () => deriveKeyRing('short'),
      () => resolveMasterKey({ fromEnv: null, dataDir: '/nonexistent/steward', allowGenerate: false }),
    ];
    const printed = refusals.map((refuse) => {
      try {
        refuse();
      } catch (err) {
        return startupFailureMessage(err);
      }
      return 'no refusal';
    });
    expect(printed).toEqual([
      expect.stringMatching(/^STEWARD_LEDGER_CHECKPOINT_SECONDS must be a whole number/),
      expect.stringMatching(/^STEWARD_ENCRYPTION_KEY must be 32 bytes/),
      expect.stringMatching(/^STEWARD_ENCRYPTION_KEY is required/),
    ]);
  });

  it('prints any other error by its class and code only, never its message', () => {
    const printed = startupFailureMessage(new DriverError());
    expect(printed).toMatch(/^Steward could not start: DatabaseError 23505/);
    expect(printed).not.toMatch(/alice|insert|admin_user|duplicate/);
    expect(startupFailureMessage('a string with SQL: select 1')).not.toMatch(/select/);
  });
});

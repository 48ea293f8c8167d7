import type { TestDatabase } from './databases.js';
import type { TestApp } from './test-app.js';

/** Drops the ledger's append-only triggers: what an attacker with the database does first (tests that tamper). */
export async function dropLedgerGuards(a: TestApp, database: TestDatabase): Promise<void> {
  const triggers =
    database === 'sqlite'
      ? [
          ['ledger_entry_no_update', ''],
          ['ledger_entry_no_delete', ''],
          ['ledger_checkpoint_no_update', ''],
          ['ledger_checkpoint_no_delete', ''],
        ]
      : [
          ['ledger_entry_no_update_delete', ' on ledger_entry'],
          ['ledger_checkpoint_no_update_delete', ' on ledger_checkpoint'],
        ];
  for (const [name, on] of triggers) await a.em().getConnection().execute(`drop trigger ${name}${on}`);
}

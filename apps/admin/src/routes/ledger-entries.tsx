import { LedgerExplorerPage } from '../features/ledger-explorer/LedgerExplorerPage.js';
import { useCanWrite } from '../features/session/session-context.js';
import { ReadOnlyNotice } from './read-only.js';

export function LedgerEntriesRoute() {
  if (!useCanWrite()) return <ReadOnlyNotice reason="ledgerEntries" />;
  return <LedgerExplorerPage />;
}

import { LedgerPage } from '../features/ledger/LedgerPage.js';
import { useCanWrite } from '../features/session/session-context.js';
import { ReadOnlyNotice } from './read-only.js';

export function LedgerRoute() {
  if (!useCanWrite()) return <ReadOnlyNotice reason="ledger" />;
  return <LedgerPage />;
}

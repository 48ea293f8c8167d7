import { TreeHeadsPage } from '../features/ledger/TreeHeadsPage.js';

/** Any member of staff: signed heads are hashes and numbers (the API's ledgerTreeHeads asks no role). */
export function LedgerHeadsRoute() {
  return <TreeHeadsPage />;
}

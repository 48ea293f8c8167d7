import { ImportPage } from '../features/import/ImportPage.js';
import { useCanWrite } from '../features/session/session-context.js';
import { ReadOnlyNotice } from './read-only.js';

export function ImportRoute() {
  // The API takes uploads and imports from owners and privacy officers only.
  if (!useCanWrite()) return <ReadOnlyNotice reason="import" />;
  return <ImportPage />;
}

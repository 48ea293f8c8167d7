import { useCanWrite } from '../features/session/session-context.js';
import { SystemsPage } from '../features/systems/SystemsPage.js';
import { ReadOnlyNotice } from './read-only.js';

export function SystemsRoute() {
  // The API lists, issues and revokes system keys for owners and privacy officers only.
  if (!useCanWrite()) return <ReadOnlyNotice reason="systems" />;
  return <SystemsPage />;
}

import { OutboxPage } from '../features/mail/OutboxPage.js';
import { useCanManageUsers } from '../features/session/session-context.js';
import { ReadOnlyNotice } from './read-only.js';

export function OutboxRoute() {
  // The API shows the outbox to owners only.
  if (!useCanManageUsers()) return <ReadOnlyNotice reason="outbox" />;
  return <OutboxPage />;
}

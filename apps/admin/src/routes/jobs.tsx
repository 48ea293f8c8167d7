import { JobsPage } from '../features/jobs/JobsPage.js';
import { useCanWrite } from '../features/session/session-context.js';
import { ReadOnlyNotice } from './read-only.js';

export function JobsRoute() {
  // The API lists jobs for owners and privacy officers only.
  if (!useCanWrite()) return <ReadOnlyNotice reason="jobs" />;
  return <JobsPage />;
}

import { JobsPage } from '../features/jobs/JobsPage.js';
import { JOBS_TEXT } from '../features/jobs/jobs-texts.js';
import { useCanWrite } from '../features/session/session-context.js';
import { ReadOnlyNotice } from './read-only.js';

export function JobsRoute() {
  // The API lists jobs for owners and privacy officers only.
  if (!useCanWrite()) return <ReadOnlyNotice what={JOBS_TEXT.readOnly} />;
  return <JobsPage />;
}

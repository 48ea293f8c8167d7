import { useTranslation } from 'react-i18next';
import { JobsPage } from '../features/jobs/JobsPage.js';
import { useCanWrite } from '../features/session/session-context.js';
import { ReadOnlyNotice } from './read-only.js';

export function JobsRoute() {
  const { t } = useTranslation('jobs');
  // The API lists jobs for owners and privacy officers only.
  if (!useCanWrite()) return <ReadOnlyNotice what={t('readOnly')} />;
  return <JobsPage />;
}

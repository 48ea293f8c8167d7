import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useRecipients } from '../recipients/use-recipients.js';
import { usePurposes } from '../vocabulary/use-purposes.js';
import { ExceptionForm } from './ExceptionForm.js';
import { usePermittedException } from './use-exceptions.js';

/** New exception (no id) or edit a draft (id). */
export function ExceptionFormPage({ exceptionId }: { exceptionId: string | null }) {
  const { t } = useTranslation('exceptions');
  const purposes = usePurposes();
  const recipients = useRecipients();
  const existing = usePermittedException(exceptionId ?? '');
  const loading =
    (purposes.fetching && purposes.purposes.length === 0) ||
    (!recipients.loaded && recipients.fetching) ||
    (exceptionId !== null && !existing.loaded && existing.fetching);

  let body;
  if (loading) body = <Loading label={t('form.loading')} />;
  else if (purposes.error) body = <ErrorAlert error={purposes.error} onRetry={purposes.refetch} />;
  else if (recipients.error) body = <ErrorAlert error={recipients.error} onRetry={recipients.refetch} />;
  else if (exceptionId !== null && !existing.exception)
    body = <ErrorAlert error={existing.error ?? null} onRetry={existing.refetch} />;
  else if (existing.exception && existing.exception.status !== 'DRAFT') {
    body = (
      <Alert color="gray" title={t('form.notDraft')} role="alert">
        {t('form.onlyDraft')}{' '}
        <Anchor component={Link} to={`/exceptions/${encodeURIComponent(existing.exception.id)}`}>
          {t('form.back')}
        </Anchor>
      </Alert>
    );
  } else {
    body = (
      <ExceptionForm
        purposes={purposes.purposes}
        recipients={recipients.recipients}
        existing={exceptionId ? existing.exception : null}
      />
    );
  }
  return (
    <>
      <PageHeader title={exceptionId ? t('form.editTitle') : t('form.newTitle')} description={t('form.description')} />
      {body}
    </>
  );
}

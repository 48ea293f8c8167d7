import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { IncidentForm } from './IncidentForm.js';
import { useIncident } from './use-incidents.js';

export function NewIncidentPage() {
  const { t } = useTranslation('incidents');
  return (
    <>
      <PageHeader title={t('form.newTitle')} description={t('form.description')} />
      <IncidentForm existing={null} />
    </>
  );
}

/** Change an incident's facts (only while its abilities allow it). */
export function EditIncidentPage({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation('incidents');
  const { incident, fetching, error, refetch } = useIncident(incidentId);
  let body;
  if (!incident)
    body = fetching ? (
      <Loading label={t('detail.loading')} />
    ) : error ? (
      <ErrorAlert error={error} onRetry={refetch} />
    ) : (
      <Text>{t('detail.notFound')}</Text>
    );
  else if (!incident.abilities.edit) body = <Text>{t('form.notEditable')}</Text>;
  // A new version (after a conflict's reload) starts the form again from what is stored.
  else body = <IncidentForm key={incident.version} existing={incident} onReload={refetch} />;
  return (
    <>
      <PageHeader
        title={incident ? t('form.editTitle', { reference: incident.reference }) : t('form.editTitlePlain')}
      />
      {body}
    </>
  );
}

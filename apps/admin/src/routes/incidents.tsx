import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EditIncidentPage, NewIncidentPage } from '../features/incidents/IncidentFormPage.js';
import { IncidentPage } from '../features/incidents/IncidentPage.js';
import { IncidentReportPage, reportKindOf } from '../features/incidents/IncidentReportPage.js';
import { IncidentsPage } from '../features/incidents/IncidentsPage.js';
import { useCanWrite } from '../features/session/session-context.js';
import { ReadOnlyNotice } from './read-only.js';

export function IncidentsRoute() {
  return <IncidentsPage />;
}

export function IncidentRoute() {
  const { incidentId = '' } = useParams();
  return <IncidentPage key={incidentId} incidentId={incidentId} />;
}

export function NewIncidentRoute() {
  if (!useCanWrite()) return <ReadOnlyNotice />;
  return <NewIncidentPage />;
}

export function EditIncidentRoute() {
  const { incidentId = '' } = useParams();
  if (!useCanWrite()) return <ReadOnlyNotice />;
  return <EditIncidentPage key={incidentId} incidentId={incidentId} />;
}

export function IncidentReportRoute() {
  const { incidentId = '', kind = '' } = useParams();
  const { t } = useTranslation('incidents');
  const reportKind = reportKindOf(kind);
  if (!reportKind) return <Text>{t('report.unknownKind')}</Text>;
  return <IncidentReportPage key={`${incidentId}-${reportKind}`} incidentId={incidentId} kind={reportKind} />;
}

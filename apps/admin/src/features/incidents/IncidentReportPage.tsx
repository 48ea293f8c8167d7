import { Anchor, Button, Group, Table, Text, Title } from '@mantine/core';
import type { IncidentReportKind } from '@steward/schema';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { DocumentSection } from '../documents/document-parts.js';
import { INCIDENT_REPORT_KIND_LABEL } from './incident-labels.js';
import { useIncidentReport } from './use-incidents.js';
import '../documents/print.css';
import './incident-report.css';

/** `preliminary` / `final` in the address → the report kind; null for anything else. */
export function reportKindOf(param: string): IncidentReportKind | null {
  const kind = param.toUpperCase();
  return kind === 'PRELIMINARY' || kind === 'FINAL' ? kind : null;
}

/**
 * A report to the Commission as the API writes it (policy-core's commissionReport: Japanese, in the
 * order of Rules Art. 8(1)), printable on A4: only the report goes on paper; the controls around it
 * are in the staff member's language.
 */
export function IncidentReportPage({ incidentId, kind }: { incidentId: string; kind: IncidentReportKind }) {
  const { t } = useTranslation('incidents');
  const { incident, fetching, error, refetch } = useIncidentReport(incidentId, kind);
  const back = `/incidents/${encodeURIComponent(incidentId)}`;
  if (!incident)
    return fetching ? (
      <Loading label={t('report.loading')} />
    ) : error ? (
      <ErrorAlert error={error} onRetry={refetch} />
    ) : (
      <Text>{t('detail.notFound')}</Text>
    );
  const report = incident.report;
  return (
    <div className="steward-print-area incident-report">
      <Group justify="space-between" className="steward-no-print" mb="md">
        <Anchor component={Link} to={back} size="sm">
          {t('report.back', { reference: incident.reference })}
        </Anchor>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('report.instructions', { kind: INCIDENT_REPORT_KIND_LABEL[kind] })}
          </Text>
          <Button variant="default" onClick={() => window.print()}>
            {t('common:actions.print')}
          </Button>
        </Group>
      </Group>
      <article lang="ja" data-testid="incident-report">
        <Title order={1} fz="h3">
          {report.title}
        </Title>
        <Text size="sm" ff="monospace">
          {incident.reference}
        </Text>
        {report.sections.map((section) => (
          <DocumentSection key={section.key} title={section.heading}>
            <Text size="xs" c="dimmed" mb={4}>
              {section.article}
            </Text>
            <Table aria-label={section.heading} verticalSpacing={4} withTableBorder withColumnBorders>
              <Table.Tbody>
                {section.fields.map((field, i) => (
                  <Table.Tr key={`${field.label}-${i}`}>
                    <Table.Th w="32%" scope="row" style={{ verticalAlign: 'top' }}>
                      {field.label}
                    </Table.Th>
                    <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{field.value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </DocumentSection>
        ))}
      </article>
    </div>
  );
}

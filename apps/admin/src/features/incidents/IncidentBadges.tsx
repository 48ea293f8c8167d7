import { Badge, Group, Tooltip } from '@mantine/core';
import type {
  IncidentCriterion,
  IncidentDeadlineFieldsFragment,
  IncidentReportability,
  IncidentStatus,
} from '@steward/schema';
import { useTranslation } from 'react-i18next';
import {
  DEADLINE_COLOR,
  INCIDENT_CRITERION_LABEL,
  INCIDENT_REPORTABILITY_LABEL,
  INCIDENT_REPORT_KIND_LABEL,
  INCIDENT_STATUS_COLOR,
  INCIDENT_STATUS_LABEL,
  REPORTABILITY_COLOR,
  countdownLabel,
} from './incident-labels.js';

export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  return (
    <Badge variant="light" size="sm" color={INCIDENT_STATUS_COLOR[status]}>
      {INCIDENT_STATUS_LABEL[status]}
    </Badge>
  );
}

export function ReportabilityBadge({ reportability }: { reportability: IncidentReportability }) {
  return (
    <Badge variant="light" size="sm" color={REPORTABILITY_COLOR[reportability]}>
      {INCIDENT_REPORTABILITY_LABEL[reportability]}
    </Badge>
  );
}

/** The criteria that hold, as short badges; the full wording (with its article) in the tooltip. */
export function CriteriaBadges({ criteria }: { criteria: readonly IncidentCriterion[] }) {
  const { t } = useTranslation('incidents');
  if (criteria.length === 0) return <>—</>;
  return (
    <Group gap={4}>
      {criteria.map((c) => (
        <Tooltip key={c} label={INCIDENT_CRITERION_LABEL[c]} multiline maw={280}>
          <Badge variant="outline" size="sm" color="red" tt="none" aria-label={INCIDENT_CRITERION_LABEL[c]}>
            {t(`criterionShort.${c}`)}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}

/** A deadline as a countdown badge ("3 days left", "due today", "2 days overdue"), optionally naming its report. */
export function CountdownBadge({
  deadline,
  withKind = false,
}: {
  deadline: IncidentDeadlineFieldsFragment;
  withKind?: boolean;
}) {
  const { t } = useTranslation('incidents');
  const text = countdownLabel(t, deadline);
  return (
    <Badge
      variant={deadline.state === 'OVERDUE' ? 'filled' : 'light'}
      color={DEADLINE_COLOR[deadline.state]}
      size="sm"
      tt="none"
    >
      {withKind ? t('deadline.ofKind', { kind: INCIDENT_REPORT_KIND_LABEL[deadline.kind], countdown: text }) : text}
    </Badge>
  );
}

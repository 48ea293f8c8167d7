import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime } from '../../components/format.js';
import { useLedgerStatus } from './use-ledger.js';

/**
 * The chain's last verification in one line, for pages that show ledger entries: the last
 * verification job's result and time (nothing is walked here), or its progress while one runs.
 */
export function LedgerStatus() {
  const { t } = useTranslation('ledger');
  const { status, error } = useLedgerStatus();
  const last = status?.lastVerification ?? null;
  const running = status?.runningVerification ?? null;
  return (
    <>
      <Group gap="sm" role="status" aria-label={t('status.label')}>
        {running ? (
          <Badge color="blue" variant="light">
            {t('status.running')}
          </Badge>
        ) : null}
        {last?.ok === true ? (
          <Badge color="teal" variant="light">
            {t('status.verifies', { count: last.checkedEntries ?? 0 })}
          </Badge>
        ) : last?.ok === false ? (
          <Badge color="red" variant="light">
            {t('status.failsAt', { sequence: last.firstFailureSequence })}
          </Badge>
        ) : last ? (
          <Badge color="yellow" variant="light">
            {t('status.noVerdict')}
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            {t('status.notVerified')}
          </Text>
        )}
        {last && (
          <Text size="sm" c="dimmed">
            {t('status.at', { finishedAt: formatDateTime(last.finishedAt) })}
          </Text>
        )}
        <Anchor component={Link} to="/ledger" size="sm">
          {t('status.details')}
        </Anchor>
      </Group>
      <ErrorAlert error={error} />
    </>
  );
}

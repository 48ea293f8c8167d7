import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLedgerVerification } from './use-ledger.js';

/**
 * The chain's verification status in one line, for pages that show ledger entries. Verification
 * walks every entry, so it runs when asked, not on every visit.
 */
export function LedgerStatus() {
  const { t } = useTranslation('ledger');
  const [asked, setAsked] = useState(false);
  const { verification, fetching, error, verifyAgain } = useLedgerVerification(null, { pause: !asked });
  return (
    <>
      <Group gap="sm" role="status" aria-label={t('status.label')}>
        {verification ? (
          verification.ok ? (
            <Badge color="teal" variant="light">
              {t('status.verifies', { count: verification.checkedEntries })}
            </Badge>
          ) : (
            <Badge color="red" variant="light">
              {t('status.failsAt', { sequence: verification.firstFailure?.sequence })}
            </Badge>
          )
        ) : (
          <Text size="sm" c="dimmed">
            {t('status.notVerified')}
          </Text>
        )}
        <Button size="xs" variant="default" loading={fetching} onClick={() => (asked ? verifyAgain() : setAsked(true))}>
          {verification ? t('verifyAgain') : t('status.verify')}
        </Button>
        <Anchor component={Link} to="/ledger" size="sm">
          {t('status.details')}
        </Anchor>
      </Group>
      <ErrorAlert error={error} />
    </>
  );
}

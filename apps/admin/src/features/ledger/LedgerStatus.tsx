import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLedgerVerification } from './use-ledger.js';

/**
 * The chain's verification status in one line, for pages that show ledger entries. Verification
 * walks every entry, so it runs when asked, not on every visit.
 */
export function LedgerStatus() {
  const [asked, setAsked] = useState(false);
  const { verification, fetching, error, verifyAgain } = useLedgerVerification(null, { pause: !asked });
  return (
    <>
      <Group gap="sm" role="status" aria-label="Ledger verification">
        {verification ? (
          verification.ok ? (
            <Badge color="teal" variant="light">
              Chain verifies: {verification.checkedEntries} entries
            </Badge>
          ) : (
            <Badge color="red" variant="light">
              Chain fails at entry {verification.firstFailure?.sequence}
            </Badge>
          )
        ) : (
          <Text size="sm" c="dimmed">
            Chain not verified in this view yet.
          </Text>
        )}
        <Button size="xs" variant="default" loading={fetching} onClick={() => (asked ? verifyAgain() : setAsked(true))}>
          {verification ? 'Verify again' : 'Verify the chain'}
        </Button>
        <Anchor component={Link} to="/ledger" size="sm">
          Details and anchor
        </Anchor>
      </Group>
      <ErrorAlert error={error} />
    </>
  );
}

import { Alert, Button, Card, Code, Group, LoadingOverlay, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCreateCheckpoint, useLedgerVerification } from './use-ledger.js';

/** Clause 3 (no falsification or loss): the hash-chained ledger, verified end to end. */
export function LedgerPage() {
  const { verification, fetching, error, verifyAgain } = useLedgerVerification();
  const checkpoint = useCreateCheckpoint();

  async function sign() {
    const res = await checkpoint.createCheckpoint();
    if (!res.error) verifyAgain();
  }

  return (
    <>
      <PageHeader
        title="Ledger"
        description="Every collection and consent change is appended to a hash-chained ledger that the database refuses to edit. Verification recomputes the whole chain and checks the signed checkpoints."
        actions={
          <>
            <Button component={Link} to="/ledger/entries" variant="default">
              Browse entries
            </Button>
            <Button variant="default" onClick={verifyAgain} loading={fetching}>
              Verify again
            </Button>
            <Button onClick={() => void sign()} loading={checkpoint.creating}>
              Sign checkpoint
            </Button>
          </>
        }
      />
      <ErrorAlert error={error ?? checkpoint.error} />
      <Card withBorder pos="relative">
        <LoadingOverlay visible={fetching && !verification} />
        {verification && (
          <Stack gap="md">
            {verification.ok ? (
              <Alert color="teal" variant="light" title="The ledger verifies" role="status">
                All {verification.checkedEntries} entries follow each other unchanged, the head matches the last entry and
                every signed checkpoint verifies.
              </Alert>
            ) : (
              <Alert color="red" variant="light" title="The ledger does not verify" role="alert">
                First failing entry: <strong>{verification.firstFailure?.sequence}</strong> — {verification.firstFailure?.reason}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Fact label="Entries checked" value={String(verification.checkedEntries)} />
              <Fact label="Head sequence" value={String(verification.headSequence)} />
              <Fact label="Signed checkpoints" value={String(verification.checkpoints)} />
            </SimpleGrid>
            {checkpoint.checkpoint && (
              <Text size="sm" role="status">
                Signed entry {checkpoint.checkpoint.sequence} (hash <Code>{checkpoint.checkpoint.hash.slice(0, 16)}…</Code>).
              </Text>
            )}
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                Checkpoint public key (Ed25519, SPKI, base64) — verifies the checkpoints outside Steward
              </Text>
              <Code block aria-label="Checkpoint public key" style={{ wordBreak: 'break-all' }}>
                {verification.checkpointPublicKey}
              </Code>
            </Stack>
          </Stack>
        )}
      </Card>
    </>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Group gap="xs" align="baseline">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={600} aria-label={label}>
        {value}
      </Text>
    </Group>
  );
}

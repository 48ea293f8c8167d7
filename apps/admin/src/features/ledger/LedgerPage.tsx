import {
  Alert,
  Button,
  Card,
  Code,
  Group,
  LoadingOverlay,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { LedgerAnchorInput } from '@steward/schema';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { CopyValueButton } from '../../components/CopyValue.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { formatAnchor, parseAnchor } from './anchor.js';
import { useCreateCheckpoint, useLedgerVerification } from './use-ledger.js';

/** Clause 3 (no falsification or loss): the hash-chained ledger, verified end to end. */
export function LedgerPage() {
  const [anchor, setAnchor] = useState<LedgerAnchorInput | null>(null);
  const [anchorText, setAnchorText] = useState('');
  const [anchorError, setAnchorError] = useState<string | null>(null);
  const { verification, fetching, error, verifyAgain } = useLedgerVerification(anchor);
  const checkpoint = useCreateCheckpoint();

  async function sign() {
    const res = await checkpoint.createCheckpoint();
    if (!res.error) verifyAgain();
  }

  function verifyAgainst(event: FormEvent) {
    event.preventDefault();
    if (!anchorText.trim()) {
      setAnchorError(null);
      setAnchor(null);
      return;
    }
    const parsed = parseAnchor(anchorText);
    if ('error' in parsed) {
      setAnchorError(parsed.error);
      return;
    }
    setAnchorError(null);
    setAnchor(parsed.anchor);
  }

  const head = verification ? formatAnchor(verification.headSequence, verification.headHash) : '';

  return (
    <>
      <PageHeader
        title="Ledger"
        description="Every collection, consent change, use, provision and decision is appended to a hash-chained ledger that the database refuses to edit. Verification recomputes the whole chain and checks the signed checkpoints."
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
                All {verification.checkedEntries} entries follow each other unchanged, the head matches the last entry
                and every signed checkpoint verifies.
                {verification.anchorChecked && anchor && ` The anchor at entry ${anchor.sequence} holds.`}
              </Alert>
            ) : (
              <Alert color="red" variant="light" title="The ledger does not verify" role="alert">
                First failing entry: <strong>{verification.firstFailure?.sequence}</strong> —{' '}
                {verification.firstFailure?.reason}
              </Alert>
            )}
            {verification.gaps.map((gap) => (
              <Alert key={gap.sequence} color="yellow" variant="light" title="Entries lost in a restore" role="note">
                Entries {gap.from} to {gap.to} were lost when the backup of {formatDateTime(gap.backupCreatedAt)} was
                restored. Entry {gap.sequence} records it, signed.
              </Alert>
            ))}
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              <Fact label="Entries checked" value={String(verification.checkedEntries)} />
              <Fact label="Head sequence" value={String(verification.headSequence)} />
              <Fact label="Signed checkpoints" value={String(verification.checkpoints)} />
              <Fact label="Entries after the newest checkpoint" value={String(verification.unsignedEntries)} />
            </SimpleGrid>
            {verification.lastCheckpoint && (
              <Text size="sm" c="dimmed">
                Newest checkpoint: entry {verification.lastCheckpoint.sequence}, signed{' '}
                {formatDateTime(verification.lastCheckpoint.signedAt)}. Checkpoints are signed every 1,000 entries and,
                while Steward runs, every minute when entries were added; the server also keeps the newest signed head
                in an anchor file outside the database.
              </Text>
            )}
            {checkpoint.checkpoint && (
              <Text size="sm" role="status">
                Signed entry {checkpoint.checkpoint.sequence} (hash{' '}
                <Code>{checkpoint.checkpoint.hash.slice(0, 16)}…</Code>).
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

      <Card withBorder mt="md" component="section" aria-labelledby="ledger-anchor-title">
        <Stack gap="sm">
          <Title order={2} size="h5" id="ledger-anchor-title">
            Anchor
          </Title>
          <Text size="sm">
            Someone with direct access to the database could cut entries off the end of the ledger and rewind its head;
            only a record kept elsewhere shows it. Keep the current head somewhere outside Steward (a ticket, a minute,
            an e-mail to the secretariat) and verify against it later — here or with{' '}
            <Code>npm run ledger:verify -- --anchor …</Code>.
          </Text>
          {verification && verification.headSequence > 0 && (
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Code block aria-label="Current head" style={{ wordBreak: 'break-all', flex: 1 }}>
                {head}
              </Code>
              <CopyValueButton value={head} size="xs" variant="default" />
            </Group>
          )}
          <form onSubmit={verifyAgainst}>
            <Group align="flex-end" gap="sm">
              <TextInput
                label="Verify against an anchor"
                placeholder="SEQUENCE:HASH"
                style={{ flex: 1 }}
                value={anchorText}
                error={anchorError}
                onChange={(e) => setAnchorText(e.currentTarget.value)}
              />
              <Button type="submit" variant="default">
                Verify against anchor
              </Button>
            </Group>
          </form>
        </Stack>
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

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
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CopyValueButton } from '../../components/CopyValue.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { formatAnchor, parseAnchor } from './anchor.js';
import { useCreateCheckpoint, useLedgerVerification } from './use-ledger.js';

/** Clause 3 (no falsification or loss): the hash-chained ledger, verified end to end. */
export function LedgerPage() {
  const { t } = useTranslation('ledger');
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
      setAnchorError(t(`anchor.errors.${parsed.error}`));
      return;
    }
    setAnchorError(null);
    setAnchor(parsed.anchor);
  }

  const head = verification ? formatAnchor(verification.headSequence, verification.headHash) : '';

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <>
            <Button component={Link} to="/ledger/entries" variant="default">
              {t('browse')}
            </Button>
            <Button variant="default" onClick={verifyAgain} loading={fetching}>
              {t('verifyAgain')}
            </Button>
            <Button onClick={() => void sign()} loading={checkpoint.creating}>
              {t('sign')}
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
              <Alert color="teal" variant="light" title={t('verifies.title')} role="status">
                {t('verifies.body', { count: verification.checkedEntries })}
                {verification.anchorChecked && anchor && ` ${t('verifies.anchorHolds', { sequence: anchor.sequence })}`}
              </Alert>
            ) : (
              <Alert color="red" variant="light" title={t('fails.title')} role="alert">
                {t('fails.firstEntry')} <strong>{verification.firstFailure?.sequence}</strong> —{' '}
                {verification.firstFailure?.reason}
              </Alert>
            )}
            {verification.gaps.map((gap) => (
              <Alert key={gap.sequence} color="yellow" variant="light" title={t('gap.title')} role="note">
                {t('gap.body', {
                  from: gap.from,
                  to: gap.to,
                  sequence: gap.sequence,
                  backupCreatedAt: formatDateTime(gap.backupCreatedAt),
                })}
              </Alert>
            ))}
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              <Fact label={t('facts.checkedEntries')} value={String(verification.checkedEntries)} />
              <Fact label={t('facts.headSequence')} value={String(verification.headSequence)} />
              <Fact label={t('facts.checkpoints')} value={String(verification.checkpoints)} />
              <Fact label={t('facts.unsignedEntries')} value={String(verification.unsignedEntries)} />
            </SimpleGrid>
            {verification.lastCheckpoint && (
              <Text size="sm" c="dimmed">
                {t('newestCheckpoint', {
                  sequence: verification.lastCheckpoint.sequence,
                  signedAt: formatDateTime(verification.lastCheckpoint.signedAt),
                })}
              </Text>
            )}
            {checkpoint.checkpoint && (
              <Text size="sm" role="status">
                <Trans
                  t={t}
                  i18nKey="signed"
                  values={{ sequence: checkpoint.checkpoint.sequence, hash: checkpoint.checkpoint.hash.slice(0, 16) }}
                  components={{ code: <Code /> }}
                />
              </Text>
            )}
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                {t('publicKey.caption')}
              </Text>
              <Code block aria-label={t('publicKey.label')} style={{ wordBreak: 'break-all' }}>
                {verification.checkpointPublicKey}
              </Code>
            </Stack>
          </Stack>
        )}
      </Card>

      <Card withBorder mt="md" component="section" aria-labelledby="ledger-anchor-title">
        <Stack gap="sm">
          <Title order={2} size="h5" id="ledger-anchor-title">
            {t('anchor.title')}
          </Title>
          <Text size="sm">
            <Trans t={t} i18nKey="anchor.explanation" components={{ code: <Code /> }} />
          </Text>
          {verification && verification.headSequence > 0 && (
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Code block aria-label={t('anchor.currentHead')} style={{ wordBreak: 'break-all', flex: 1 }}>
                {head}
              </Code>
              <CopyValueButton value={head} size="xs" variant="default" />
            </Group>
          )}
          <form onSubmit={verifyAgainst}>
            <Group align="flex-end" gap="sm">
              <TextInput
                label={t('anchor.input')}
                placeholder={t('anchor.placeholder')}
                style={{ flex: 1 }}
                value={anchorText}
                error={anchorError}
                onChange={(e) => setAnchorText(e.currentTarget.value)}
              />
              <Button type="submit" variant="default">
                {t('anchor.submit')}
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

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
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { formatDateTime, formatNumber } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { formatAnchor, parseAnchor } from './anchor.js';
import { fieldErrorsFromGraphQLError } from '../../components/errors.js';
import { useRunLedgerVerification } from '../jobs/use-jobs.js';
import { useCanRunJobs } from '../session/session-context.js';
import { LastVerificationAlert, VerificationProgress } from './LastVerification.js';
import { useAnchorVerification, useCreateCheckpoint, useLedgerStatus } from './use-ledger.js';

/**
 * Clause 3 (no falsification or loss): the hash-chained ledger. Verifying walks every entry (~20 s
 * for 1M), so the page opens with the stored head and the last verification job's result; a
 * verification runs as a job on request, its progress shown while it runs.
 */
export function LedgerPage() {
  const { t } = useTranslation('ledger');
  const [anchor, setAnchor] = useState<LedgerAnchorInput | null>(null);
  const [anchorText, setAnchorText] = useState('');
  const [anchorError, setAnchorError] = useState<string | null>(null);
  const { status, fetching, error, refetch } = useLedgerStatus();
  const anchored = useAnchorVerification(anchor);
  const checkpoint = useCreateCheckpoint();
  const canRun = useCanRunJobs();
  const run = useRunLedgerVerification();
  const [messages, setMessages] = useState<string[]>([]);

  async function sign() {
    const res = await checkpoint.createCheckpoint();
    if (!res.error) refetch();
  }

  async function verifyNow() {
    setMessages([]);
    const res = await run.run();
    if (res.error) setMessages(fieldErrorsFromGraphQLError(res.error).messages);
    else refetch();
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

  const head = status ? formatAnchor(status.headSequence, status.headHash) : '';
  const running = status?.runningVerification ?? null;
  const verification = anchored.verification;

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
            {canRun && (
              <Button variant="default" onClick={() => void verifyNow()} loading={run.fetching} disabled={!!running}>
                {t('verifyNow')}
              </Button>
            )}
            <Button onClick={() => void sign()} loading={checkpoint.creating}>
              {t('sign')}
            </Button>
          </>
        }
      />
      <ErrorAlert error={error ?? checkpoint.error} />
      <MessagesAlert title={t('refused')} messages={messages} />
      <Card withBorder pos="relative">
        <LoadingOverlay visible={fetching && !status} />
        {status && (
          <Stack gap="md">
            {running && <VerificationProgress job={running} />}
            <LastVerificationAlert last={status.lastVerification ?? null} />
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              <Fact label={t('facts.headSequence')} value={formatNumber(status.headSequence)} />
              <Fact
                label={t('facts.checkedEntries')}
                value={
                  status.lastVerification?.checkedEntries != null
                    ? formatNumber(status.lastVerification.checkedEntries)
                    : '—'
                }
              />
              <Fact label={t('facts.unsignedEntries')} value={formatNumber(status.unsignedEntries)} />
            </SimpleGrid>
            {status.lastCheckpoint && (
              <Text size="sm" c="dimmed">
                {t('newestCheckpoint', {
                  sequence: status.lastCheckpoint.sequence,
                  signedAt: formatDateTime(status.lastCheckpoint.signedAt),
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
                {status.checkpointPublicKey}
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
          {status && status.headSequence > 0 && (
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
              <Button type="submit" variant="default" loading={anchored.fetching}>
                {t('anchor.submit')}
              </Button>
            </Group>
          </form>
          <ErrorAlert error={anchored.error} />
          {verification && (
            <>
              {verification.ok ? (
                <Alert color="teal" variant="light" title={t('verifies.title')} role="status">
                  {t('verifies.body', { count: verification.checkedEntries })}
                  {verification.anchorChecked &&
                    anchor &&
                    ` ${t('verifies.anchorHolds', { sequence: anchor.sequence })}`}
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
            </>
          )}
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

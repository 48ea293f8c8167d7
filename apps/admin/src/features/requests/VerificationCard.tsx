import { Button, Card, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { VERIFICATION_METHODS } from '@steward/policy-core';
import type { VerificationMethod } from '@steward/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format.js';
import { VERIFICATION_METHOD_LABEL } from './request-labels.js';
import { useVerifyRequestIdentity } from './use-requests.js';
import type { RequestCardProps } from './use-write-errors.js';

/** How the requester's identity was confirmed, and recording it. */
export function VerificationCard({ request: r, errors }: RequestCardProps) {
  const { t } = useTranslation('requests');
  const { verify, fetching } = useVerifyRequestIdentity();
  const [method, setMethod] = useState<VerificationMethod>('ID_DOCUMENT');
  const [note, setNote] = useState('');
  const v = r.verification;
  const canVerify = r.abilities.verify;

  async function onVerify(e: React.FormEvent) {
    e.preventDefault();
    errors.clear();
    const res = await verify({ requestId: r.id, expectedVersion: r.version, method, note: note.trim() || null });
    if (res.error) errors.report(res.error);
  }

  return (
    <Card withBorder radius="md">
      <Text fw={600} mb="xs">
        {t('verification.title')}
      </Text>
      {v ? (
        <Text size="sm" data-testid="verification">
          {t('verification.verified', {
            by: v.verifiedBy,
            at: formatDateTime(v.verifiedAt),
            method: VERIFICATION_METHOD_LABEL[v.method],
          })}
          {v.note ? ` — ${v.note}` : ''}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('verification.notVerified')}
        </Text>
      )}
      {canVerify && (
        <form onSubmit={onVerify}>
          <Stack gap="xs" mt="sm">
            <NativeSelect
              label={t('verification.method')}
              value={method}
              onChange={(e) => setMethod(e.currentTarget.value as VerificationMethod)}
              data={VERIFICATION_METHODS.map((m) => ({ value: m, label: VERIFICATION_METHOD_LABEL[m] }))}
            />
            <Textarea
              label={t('verification.note')}
              description={t('verification.noteHelp')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={errors.fieldErrors['note']}
              autosize
              minRows={2}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={fetching}>
                {t('verification.record')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}

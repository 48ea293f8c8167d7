import { Button, Card, Group, Text, Textarea } from '@mantine/core';
import type { RequestStatus } from '@steward/schema';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format.js';
import { REQUEST_STATUS_LABEL } from './request-labels.js';
import { useChangeRequestStatus } from './use-requests.js';
import type { RequestCardProps } from './use-write-errors.js';

/** The button that moves a request into a status, where it is a verb rather than the status's name. */
const actionLabel = (t: TFunction): Partial<Record<RequestStatus, string>> => ({
  VERIFYING: t('status.actions.verify'),
  IN_PROGRESS: t('status.actions.start'),
  COMPLETED: t('status.actions.complete'),
});

/** Moving the request to its next status, or how it ended. */
export function StatusCard({ request: r, errors }: RequestCardProps) {
  const { t } = useTranslation('requests');
  const { changeStatus, fetching } = useChangeRequestStatus();
  const [reason, setReason] = useState('');
  if (!r.abilities.changeStatus) {
    return r.status === 'REJECTED' || r.status === 'COMPLETED' ? (
      <Card withBorder radius="md">
        <Text size="sm">
          {REQUEST_STATUS_LABEL[r.status]} {formatDate(r.completedAt ?? r.history[r.history.length - 1]?.at ?? null)}
          {r.rejectionReason ? ` — ${r.rejectionReason}` : ''}
          {r.resolution ? ` — ${r.resolution}` : ''}
        </Text>
      </Card>
    ) : null;
  }

  const actions = actionLabel(t);

  async function move(status: RequestStatus) {
    errors.clear();
    const res = await changeStatus({
      requestId: r.id,
      expectedVersion: r.version,
      status,
      reason: reason.trim() || null,
    });
    if (res.error) errors.report(res.error);
    else setReason('');
  }

  return (
    <Card withBorder radius="md">
      <Text fw={600} mb="xs">
        {t('status.title')}
      </Text>
      <Textarea
        label={t('status.reason')}
        description={t('status.reasonHelp')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.fieldErrors['reason']}
        autosize
        minRows={2}
      />
      <Group mt="sm" gap="xs">
        {r.allowedNextStatuses
          .filter((s) => s !== 'REJECTED')
          .map((s) => (
            <Button key={s} onClick={() => void move(s)} loading={fetching}>
              {actions[s] ?? REQUEST_STATUS_LABEL[s]}
            </Button>
          ))}
        {r.allowedNextStatuses.includes('REJECTED') && (
          <Button color="red" variant="light" onClick={() => void move('REJECTED')} loading={fetching}>
            {t('status.reject')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

import { Button, Card, Group, Text, Textarea } from '@mantine/core';
import type { RequestStatus } from '@steward/schema';
import { useState } from 'react';
import { formatDate } from '../../components/format.js';
import { REQUEST_STATUS_LABEL } from './request-labels.js';
import { useChangeRequestStatus } from './use-requests.js';
import type { RequestCardProps } from './use-write-errors.js';

const ACTION_LABEL: Partial<Record<RequestStatus, string>> = {
  VERIFYING: 'Start verifying',
  IN_PROGRESS: 'Start work',
  COMPLETED: 'Complete',
};

/** Moving the request to its next status, or how it ended. */
export function StatusCard({ request: r, errors }: RequestCardProps) {
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
        Status
      </Text>
      <Textarea
        label="Reason or resolution"
        description="Required to reject; when completing, what was done."
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
              {ACTION_LABEL[s] ?? REQUEST_STATUS_LABEL[s]}
            </Button>
          ))}
        {r.allowedNextStatuses.includes('REJECTED') && (
          <Button color="red" variant="light" onClick={() => void move('REJECTED')} loading={fetching}>
            Reject
          </Button>
        )}
      </Group>
    </Card>
  );
}

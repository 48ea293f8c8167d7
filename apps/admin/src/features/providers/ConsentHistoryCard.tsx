import { Card, Group, Text, Timeline } from '@mantine/core';
import type { ConsentAction } from '@steward/schema';
import { formatDateTime } from '../../components/format.js';
import { CONSENT_ACTION_LABEL, CONSENT_METHOD_LABEL } from '../../components/labels.js';
import type { ProviderDetail } from './use-provider.js';

type Event = ProviderDetail['consentHistory'][number];

const ACTION_COLOR: Record<ConsentAction, string> = { GRANT: 'teal', WITHDRAW: 'orange', REFUSE: 'red' };

export function ConsentHistoryCard({ events }: { events: readonly Event[] }) {
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="consent-history-heading">
      <Group justify="space-between" mb="sm">
        <Text fw={600} id="consent-history-heading">
          Consent history
        </Text>
        <Text size="xs" c="dimmed">
          Newest first · append-only
        </Text>
      </Group>
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          No consent has been recorded yet.
        </Text>
      ) : (
        <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} aria-label="Consent history">
          {events.map((event) => (
            <Timeline.Item
              key={event.id}
              color={ACTION_COLOR[event.action]}
              title={
                <Text size="sm" fw={500}>
                  {CONSENT_ACTION_LABEL[event.action]} — {event.purpose.titleEn}
                </Text>
              }
            >
              <Text size="xs" c="dimmed">
                {formatDateTime(event.occurredAt)} · {CONSENT_METHOD_LABEL[event.method]} · policy v
                {event.policyVersion} · recorded by {event.recordedBy}
              </Text>
              {event.receiptId && (
                <Text size="xs" c="dimmed" ff="monospace">
                  receipt {event.receiptId}
                </Text>
              )}
              {event.note && (
                <Text size="xs" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                  {event.note}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}

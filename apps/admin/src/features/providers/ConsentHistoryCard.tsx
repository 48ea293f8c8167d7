import { Card, Group, Text, Timeline } from '@mantine/core';
import type { ConsentAction } from '@steward/schema';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format.js';
import { CONSENT_ACTION_LABEL, CONSENT_METHOD_LABEL } from '../../components/labels.js';
import { useLocale } from '../../i18n/locale.js';
import { purposeTitle } from '../vocabulary/localized-title.js';
import type { ProviderDetail } from './use-provider.js';

type Event = ProviderDetail['consentHistory'][number];
/** Purposes known with both titles (the provider's consents and collections): events carry only the English one. */
type KnownPurpose = { purpose: { key: string; titleEn: string; titleJa: string } };

const ACTION_COLOR: Record<ConsentAction, string> = { GRANT: 'teal', WITHDRAW: 'orange', REFUSE: 'red' };

export function ConsentHistoryCard({
  events,
  purposes = [],
}: {
  events: readonly Event[];
  purposes?: readonly KnownPurpose[];
}) {
  const { t } = useTranslation('providers');
  const { language } = useLocale();
  const known = new Map(purposes.map((p) => [p.purpose.key, p.purpose]));
  const titleOf = (purpose: Event['purpose']) => {
    const both = known.get(purpose.key);
    return both ? purposeTitle(both, language) : purpose.titleEn;
  };
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="consent-history-heading">
      <Group justify="space-between" mb="sm">
        <Text fw={600} id="consent-history-heading">
          {t('history.title')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('history.order')}
        </Text>
      </Group>
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('history.empty')}
        </Text>
      ) : (
        <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} aria-label={t('history.title')}>
          {events.map((event) => (
            <Timeline.Item
              key={event.id}
              color={ACTION_COLOR[event.action]}
              title={
                <Text size="sm" fw={500}>
                  {t('history.event', { action: CONSENT_ACTION_LABEL[event.action], purpose: titleOf(event.purpose) })}
                </Text>
              }
            >
              <Text size="xs" c="dimmed">
                {t('history.details', {
                  at: formatDateTime(event.occurredAt),
                  method: CONSENT_METHOD_LABEL[event.method],
                  version: event.policyVersion,
                  recordedBy: event.recordedBy,
                })}
              </Text>
              {event.receiptId && (
                <Text size="xs" c="dimmed" ff="monospace">
                  {t('history.receipt', { receiptId: event.receiptId })}
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

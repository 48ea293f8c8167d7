import { Accordion, Badge, Card, Divider, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CategoryBadges } from '../../components/CategoryBadges.js';
import { formatDateTime } from '../../components/format.js';
import { CHANNEL_LABEL, CONSENT_METHOD_LABEL } from '../../components/labels.js';
import { ReceiptView } from './ReceiptView.js';
import type { ProviderDetail } from './use-provider.js';

type Collection = ProviderDetail['collections'][number];

type Props = { collections: readonly Collection[]; openId?: string | null };

export function CollectionsCard({ collections, openId }: Props) {
  const { t } = useTranslation('providers');
  const initial =
    openId && collections.some((c) => c.id === openId) ? [openId] : collections[0] ? [collections[0].id] : [];
  const [opened, setOpened] = useState<string[]>(initial);

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="collections-heading">
      <Group justify="space-between" mb="sm">
        <Text fw={600} id="collections-heading">
          {t('collections.title')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('collections.count', { count: collections.length })}
        </Text>
      </Group>
      {collections.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('collections.empty')}
        </Text>
      ) : (
        <Accordion multiple value={opened} onChange={setOpened} variant="separated" radius="sm">
          {collections.map((c) => {
            const granted = c.purposes.filter((p) => p.state === 'GRANTED').length;
            return (
              <Accordion.Item key={c.id} value={c.id} id={`collection-${c.id}`}>
                {/* Named by its visible text (axe: label-content-name-mismatch), then the receipt it holds. */}
                <Accordion.Control>
                  <Group gap="sm" wrap="wrap">
                    <Text size="sm" fw={500}>
                      {formatDateTime(c.collectedAt)}
                    </Text>
                    <Badge variant="light" color="gray" size="sm">
                      {CHANNEL_LABEL[c.channel]}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {t('collections.summary', {
                        method: CONSENT_METHOD_LABEL[c.consentMethod],
                        version: c.policyVersion,
                        granted,
                        total: c.purposes.length,
                      })}
                    </Text>
                    {c.id === openId && (
                      <Badge color="teal" variant="filled" size="sm">
                        {t('collections.justRecorded')}
                      </Badge>
                    )}
                  </Group>
                  <VisuallyHidden>{t('collections.receiptOf', { receiptId: c.receipt.receiptId })}</VisuallyHidden>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="sm">
                    <Group gap="xl" wrap="wrap">
                      <Text size="sm">
                        <Text span c="dimmed" size="xs">
                          {t('collections.recordedBy')}{' '}
                        </Text>
                        {c.recordedBy}
                      </Text>
                      {c.source && (
                        <Text size="sm">
                          <Text span c="dimmed" size="xs">
                            {t('collections.source')}{' '}
                          </Text>
                          {c.source}
                        </Text>
                      )}
                      <Group gap={6}>
                        <Text span c="dimmed" size="xs">
                          {t('collections.categories')}
                        </Text>
                        <CategoryBadges categories={c.categories} />
                      </Group>
                    </Group>
                    {c.note && (
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {c.note}
                      </Text>
                    )}
                    <Divider label={t('collections.receipt')} labelPosition="left" />
                    <ReceiptView receipt={c.receipt} />
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      )}
    </Card>
  );
}

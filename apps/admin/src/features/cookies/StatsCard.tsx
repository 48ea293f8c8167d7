import { Card, Group, SegmentedControl, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { ConsentChart } from './ConsentChart.js';
import { useCookieStats } from './use-cookies.js';

/** A site's visitors per day and what they accepted, over a chosen period. */
export function StatsCard({ siteId }: { siteId: string }) {
  const { t } = useTranslation('cookies');
  const [days, setDays] = useState(30);
  const { stats, error, refetch } = useCookieStats(siteId, days);
  return (
    <Card withBorder radius="md" padding="md">
      <Group justify="space-between" mb={4}>
        <Title order={3} fz="h5">
          {t('stats.title')}
        </Title>
        <SegmentedControl
          size="xs"
          value={String(days)}
          onChange={(v) => setDays(Number(v))}
          data={['7', '30', '90', '365']}
          aria-label={t('stats.period')}
        />
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t('stats.explanation')}
      </Text>
      <ErrorAlert error={error} onRetry={refetch} />
      {stats ? (
        <ConsentChart from={stats.from} to={stats.to} days={stats.days} />
      ) : (
        <Loading label={t('stats.loading')} />
      )}
    </Card>
  );
}

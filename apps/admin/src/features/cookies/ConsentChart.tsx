import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChartFigure, CompositeChart } from '../../components/Chart.js';
import { formatCalendarDate, formatNumber } from '../../components/format.js';
import { acceptanceRate, fillDays, STATS_SERIES, type StatsDay } from './consent-stats.js';

/**
 * Visitors per UTC day (grey bars: each visitor once a day, by their last choice or withdrawal that
 * day, as the API counts them) and, per category, how many of them had it accepted (lines), drawn
 * with @mantine/charts; summarised in its label for assistive technology, with the numbers in a table underneath.
 */
export function ConsentChart({ from, to, days: recorded }: { from: string; to: string; days: readonly StatsDay[] }) {
  const { t } = useTranslation('cookies');
  const days = fillDays(from, to, recorded);
  const total = (d: StatsDay) => d.choices + d.withdrawals;
  const choices = days.reduce((n, d) => n + d.choices, 0);
  const withdrawals = days.reduce((n, d) => n + d.withdrawals, 0);
  const rates = STATS_SERIES.map((s) =>
    t('stats.rate', { series: t(`stats.inline.${s.key}`), rate: acceptanceRate(days, s.key) }),
  ).join(t('stats.separator'));
  const summary = t('stats.summary', {
    from: formatCalendarDate(from),
    to: formatCalendarDate(to),
    choices,
    withdrawals,
    rates,
  });

  return (
    <ChartFigure
      summary={summary}
      height={220}
      table={
        <Table aria-label={t('stats.table')} verticalSpacing={2} mt="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('stats.day')}</Table.Th>
              <Table.Th>{t('stats.chose')}</Table.Th>
              <Table.Th>{t('stats.withdrew')}</Table.Th>
              <Table.Th>{t('stats.withGpc')}</Table.Th>
              <Table.Th>{t('stats.functional')}</Table.Th>
              <Table.Th>{t('stats.analytics')}</Table.Th>
              <Table.Th>{t('stats.marketing')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {days
              .filter((d) => total(d) > 0)
              .map((d) => (
                <Table.Tr key={d.day}>
                  <Table.Td>{formatCalendarDate(d.day)}</Table.Td>
                  <Table.Td>{formatNumber(d.choices)}</Table.Td>
                  <Table.Td>{formatNumber(d.withdrawals)}</Table.Td>
                  <Table.Td>{formatNumber(d.gpc)}</Table.Td>
                  <Table.Td>{formatNumber(d.functional)}</Table.Td>
                  <Table.Td>{formatNumber(d.analytics)}</Table.Td>
                  <Table.Td>{formatNumber(d.marketing)}</Table.Td>
                </Table.Tr>
              ))}
            {choices + withdrawals === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>{t('stats.none')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      }
    >
      <CompositeChart
        h={220}
        data={days.map((d) => ({
          day: formatCalendarDate(d.day),
          visitors: total(d),
          functional: d.functional,
          analytics: d.analytics,
          marketing: d.marketing,
        }))}
        dataKey="day"
        series={[
          { name: 'visitors', type: 'bar', color: 'gray.4', label: t('stats.visitors') },
          ...STATS_SERIES.map((s) => ({
            name: s.key,
            type: 'line' as const,
            color: s.color,
            label: t('stats.legendSeries', { series: t(`stats.series.${s.key}`), rate: acceptanceRate(days, s.key) }),
          })),
        ]}
        withLegend
        withDots={false}
        valueFormatter={formatNumber}
        yAxisProps={{ allowDecimals: false }}
        accessibilityLayer={false}
      />
    </ChartFigure>
  );
}

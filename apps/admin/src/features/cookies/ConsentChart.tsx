import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DayChart, dayChartScale } from '../../components/DayChart.js';
import { formatCalendarDate } from '../../components/format.js';
import { acceptanceRate, fillDays, STATS_SERIES, type StatsDay } from './consent-stats.js';

/**
 * Visitors per UTC day (grey bars: each visitor once a day, by their last choice or withdrawal that
 * day, as the API counts them) and, per category, how many of them had it accepted (lines), in
 * plain SVG; summarised in its label for assistive technology, with the numbers in a table underneath.
 */
export function ConsentChart({ from, to, days: recorded }: { from: string; to: string; days: readonly StatsDay[] }) {
  const { t } = useTranslation('cookies');
  const days = fillDays(from, to, recorded);
  const total = (d: StatsDay) => d.choices + d.withdrawals;
  const max = Math.max(1, ...days.map(total));
  const { slot, plotHeight, centre: x, height } = dayChartScale(days.length, max);
  const y = (n: number) => plotHeight - height(n);
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
    <DayChart
      summary={summary}
      legend={[
        { key: 'visitors', color: '#ced4da', label: t('stats.visitors') },
        ...STATS_SERIES.map((s) => ({
          key: s.key,
          color: s.color,
          label: t('stats.legendSeries', { series: t(`stats.series.${s.key}`), rate: acceptanceRate(days, s.key) }),
          line: true,
        })),
      ]}
      max={max}
      from={from}
      to={to}
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
                  <Table.Td>{d.choices}</Table.Td>
                  <Table.Td>{d.withdrawals}</Table.Td>
                  <Table.Td>{d.gpc}</Table.Td>
                  <Table.Td>{d.functional}</Table.Td>
                  <Table.Td>{d.analytics}</Table.Td>
                  <Table.Td>{d.marketing}</Table.Td>
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
      {days.map((d, i) => (
        <rect
          key={d.day}
          x={x(i) - slot * 0.35}
          y={y(total(d))}
          width={Math.max(1, slot * 0.7)}
          height={plotHeight - y(total(d))}
          fill="#ced4da"
        >
          <title>
            {t('stats.dayTitle', { day: formatCalendarDate(d.day), choices: d.choices, withdrawals: d.withdrawals })}
          </title>
        </rect>
      ))}
      {STATS_SERIES.map((s) => (
        <polyline
          key={s.key}
          data-series={s.key}
          fill="none"
          stroke={s.color}
          strokeWidth={2}
          points={days.map((d, i) => `${x(i)},${y(d[s.key])}`).join(' ')}
        />
      ))}
    </DayChart>
  );
}

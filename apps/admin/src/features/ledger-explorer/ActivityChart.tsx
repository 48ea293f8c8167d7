import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BarChart, ChartFigure } from '../../components/Chart.js';
import { formatCalendarDate, formatNumber } from '../../components/format.js';
import { activityByDay, SERIES, seriesLabel, totals, type ActivityAction, type ActivityBucket } from './activity.js';

/**
 * Uses or provisions (allowed, by basis, and denied) per UTC day (the API's buckets; said so in every
 * label), stacked bars (@mantine/charts). The picture is
 * summarised for assistive technology in its label, and the same numbers are in a table underneath.
 */
export function ActivityChart({
  from,
  to,
  buckets,
  action,
}: {
  from: string;
  to: string;
  buckets: readonly ActivityBucket[];
  action: ActivityAction;
}) {
  const { t } = useTranslation('ledger-explorer');
  const days = activityByDay(from, to, buckets, action);
  const what = action === 'USE' ? t('activity.USE.name') : t('activity.PROVIDE.name');
  const whatInline = action === 'USE' ? t('inline.USE') : t('inline.PROVIDE');
  const inline: Record<(typeof SERIES)[number]['key'], string> = {
    CONSENT: t('inline.CONSENT'),
    PUBLICLY_AVAILABLE: t('inline.PUBLICLY_AVAILABLE'),
    EXCEPTION: t('inline.EXCEPTION'),
    DENIED: t('inline.DENIED'),
  };
  const legend = SERIES.map((s) => ({ name: s.key, color: s.color, label: seriesLabel(t, s.key) }));
  const sum = totals(days);
  const grand = SERIES.reduce((n, s) => n + sum[s.key], 0);
  const max = Math.max(1, ...days.map((d) => d.total));
  const counts = SERIES.map((s) => t('chart.count', { series: inline[s.key], count: sum[s.key] })).join(
    t('chart.separator'),
  );
  const summary =
    t('chart.summary', { what, from: formatCalendarDate(from), to: formatCalendarDate(to), total: grand }) +
    (grand ? t('chart.counts', { counts }) : '') +
    (grand
      ? t('chart.busiest', {
          day: formatCalendarDate(days.reduce((a, b) => (b.total > a.total ? b : a)).day),
          count: max,
        })
      : t('chart.busiestNone'));

  return (
    <ChartFigure
      summary={summary}
      height={220}
      table={
        <Table aria-label={t('chart.byDay', { what })} verticalSpacing={2} mt="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('chart.day')}</Table.Th>
              {legend.map((s) => (
                <Table.Th key={s.name}>{s.label}</Table.Th>
              ))}
              <Table.Th>{t('chart.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {days
              .filter((d) => d.total > 0)
              .map((d) => (
                <Table.Tr key={d.day}>
                  <Table.Td>{formatCalendarDate(d.day)}</Table.Td>
                  {SERIES.map((s) => (
                    <Table.Td key={s.key}>{formatNumber(d.counts[s.key])}</Table.Td>
                  ))}
                  <Table.Td>{formatNumber(d.total)}</Table.Td>
                </Table.Tr>
              ))}
            {grand === 0 && (
              <Table.Tr>
                <Table.Td colSpan={SERIES.length + 2}>{t('chart.none', { what: whatInline })}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      }
    >
      <BarChart
        h={220}
        data={days.map((d) => ({ day: formatCalendarDate(d.day), ...d.counts }))}
        dataKey="day"
        type="stacked"
        series={legend}
        withLegend
        valueFormatter={formatNumber}
        yAxisProps={{ allowDecimals: false }}
        accessibilityLayer={false}
      />
    </ChartFigure>
  );
}

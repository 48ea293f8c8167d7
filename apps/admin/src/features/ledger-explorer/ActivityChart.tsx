import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DAY_CHART, DayChart, dayChartScale } from '../../components/DayChart.js';
import { formatCalendarDate } from '../../components/format.js';
import { activityByDay, SERIES, seriesLabel, totals, type ActivityAction, type ActivityBucket } from './activity.js';

/**
 * Uses or provisions (allowed, by basis, and denied) per UTC day (the API's buckets; said so in every
 * label), stacked, in plain SVG. The picture is
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
  const legend = SERIES.map((s) => ({ ...s, label: seriesLabel(t, s.key) }));
  const sum = totals(days);
  const grand = SERIES.reduce((n, s) => n + sum[s.key], 0);
  const max = Math.max(1, ...days.map((d) => d.total));
  const { slot, plotHeight, height } = dayChartScale(days.length, max);
  const barWidth = Math.max(1, slot * 0.7);
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
    <DayChart
      summary={summary}
      legend={legend}
      max={max}
      from={from}
      to={to}
      showRange={days.length > 0}
      table={
        <Table aria-label={t('chart.byDay', { what })} verticalSpacing={2} mt="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('chart.day')}</Table.Th>
              {legend.map((s) => (
                <Table.Th key={s.key}>{s.label}</Table.Th>
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
                    <Table.Td key={s.key}>{d.counts[s.key]}</Table.Td>
                  ))}
                  <Table.Td>{d.total}</Table.Td>
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
      {days.map((d, i) => {
        let y = plotHeight;
        const x = DAY_CHART.PAD_LEFT + i * slot + (slot - barWidth) / 2;
        return (
          <g key={d.day}>
            <title>{t('chart.dayTitle', { day: formatCalendarDate(d.day), count: d.total })}</title>
            {SERIES.map((s) => {
              const h = height(d.counts[s.key]);
              if (h <= 0) return null;
              y -= h;
              return <rect key={s.key} x={x} y={y} width={barWidth} height={h} fill={s.color} data-series={s.key} />;
            })}
          </g>
        );
      })}
    </DayChart>
  );
}

import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BarChart, ChartFigure } from '../../components/Chart.js';
import { formatDate } from '../../components/format.js';
import { DAY, layoutTimeline, timelineRows, timelineTicks, type TimelineRequest } from './due-timeline.js';
import { URGENCY_COLOR, URGENCY_LABEL } from './request-labels.js';

const ROW = 22;
/** Room above the plot for the "now" label, so it never meets the dates on the axis below. */
const TOP = 24;

/**
 * Open requests on a time axis: each bar runs from receipt to the due date (and on, red, to now
 * while overdue), with a line at now labelled above the plot. Drawn with @mantine/charts as stacked
 * horizontal bars (an invisible first segment places each bar at its receipt), summarised for
 * assistive technology in its label, with the dates in a table underneath.
 */
export function DueTimelineChart({ requests, now }: { requests: readonly TimelineRequest[]; now: Date }) {
  const { t } = useTranslation('requests');
  const timeline = layoutTimeline(requests, now);
  if (!timeline) {
    return (
      <Text size="sm" c="dimmed">
        {t('timeline.empty')}
      </Text>
    );
  }
  const span = (timeline.to.getTime() - timeline.from.getTime()) / DAY;
  const at = (days: number) => formatDate(new Date(timeline.from.getTime() + days * DAY).toISOString());
  const summary = t('timeline.summary', {
    total: timeline.bars.length,
    overdue: timeline.bars.filter((b) => b.urgency === 'OVERDUE').length,
    soon: timeline.bars.filter((b) => b.urgency === 'DUE_SOON').length,
    reference: timeline.bars[0]!.reference,
  });
  const byId = new Map(requests.map((r) => [r.id, r]));
  const height = TOP + timeline.bars.length * ROW + 72;
  return (
    <ChartFigure
      summary={summary}
      height={height}
      testId="due-timeline"
      table={
        <Table aria-label={t('timeline.table')} verticalSpacing={2} mt="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('list.columns.reference')}</Table.Th>
              <Table.Th>{t('list.columns.receivedAt')}</Table.Th>
              <Table.Th>{t('list.columns.dueAt')}</Table.Th>
              <Table.Th>{t('timeline.urgency')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {timeline.bars.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td ff="monospace">{b.reference}</Table.Td>
                <Table.Td>{formatDate(byId.get(b.id)?.receivedAt)}</Table.Td>
                <Table.Td>{formatDate(byId.get(b.id)?.dueAt)}</Table.Td>
                <Table.Td>{URGENCY_LABEL[b.urgency]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    >
      <BarChart
        h={height}
        data={timelineRows(timeline)}
        dataKey="reference"
        type="stacked"
        orientation="vertical"
        series={[
          // Places each bar at its receipt; "none" keeps it out of the picture and the legend.
          { name: 'offset', color: 'none' },
          { name: 'ON_TRACK', color: `${URGENCY_COLOR.ON_TRACK}.7`, label: URGENCY_LABEL.ON_TRACK },
          { name: 'DUE_SOON', color: `${URGENCY_COLOR.DUE_SOON}.7`, label: URGENCY_LABEL.DUE_SOON },
          { name: 'OVERDUE', color: '#ffc9c9', label: URGENCY_LABEL.OVERDUE },
          { name: 'late', color: `${URGENCY_COLOR.OVERDUE}.8`, label: t('timeline.late') },
        ]}
        withLegend
        // Below the axis: above the plot is the "now" label's.
        legendProps={{ verticalAlign: 'bottom', height: 32 }}
        withTooltip={false}
        gridAxis="x"
        xAxisProps={{ domain: [0, span], ticks: timelineTicks(span), tickFormatter: at, allowDataOverflow: true }}
        yAxisProps={{ width: 110, tick: { fontSize: 11, fontFamily: 'monospace', fill: 'currentColor' } }}
        referenceLines={[
          {
            x: timeline.now * span,
            color: 'red.8',
            strokeDasharray: '3 2',
            label: t('timeline.now'),
            labelPosition: 'top',
          },
        ]}
        barChartProps={{ margin: { top: TOP, right: 16 } }}
        accessibilityLayer={false}
      />
    </ChartFigure>
  );
}

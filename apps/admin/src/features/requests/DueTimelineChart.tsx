import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChartLegend } from '../../components/DayChart.js';
import { formatDate } from '../../components/format.js';
import { layoutTimeline, type TimelineRequest } from './due-timeline.js';
import { URGENCY_COLOR, URGENCY_LABEL } from './request-labels.js';

const WIDTH = 720;
const ROW = 16;
const PAD_LEFT = 110;
const PAD_TOP = 8;
const PAD_BOTTOM = 20;
const LEGEND = ['OVERDUE', 'DUE_SOON', 'ON_TRACK'] as const;

/**
 * Open requests on a time axis: each bar runs from receipt to the due date (red past it while
 * overdue), with a line at now. Plain SVG, summarised for assistive technology in its label.
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
  const plot = WIDTH - PAD_LEFT - 8;
  const height = PAD_TOP + timeline.bars.length * ROW + PAD_BOTTOM;
  const x = (f: number) => PAD_LEFT + f * plot;
  const overdue = timeline.bars.filter((b) => b.urgency === 'OVERDUE').length;
  const soon = timeline.bars.filter((b) => b.urgency === 'DUE_SOON').length;
  const summary = t('timeline.summary', {
    total: timeline.bars.length,
    overdue,
    soon,
    reference: timeline.bars[0]!.reference,
  });
  return (
    <Box>
      <ChartLegend items={LEGEND.map((u) => ({ key: u, color: URGENCY_COLOR[u], label: URGENCY_LABEL[u] }))} />
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ display: 'block', maxHeight: 420 }}
        data-testid="due-timeline"
      >
        {timeline.bars.map((b, i) => {
          const y = PAD_TOP + i * ROW;
          return (
            <g key={b.id} data-urgency={b.urgency}>
              <title>{`${b.reference}: ${URGENCY_LABEL[b.urgency]}`}</title>
              <text
                x={PAD_LEFT - 6}
                y={y + ROW * 0.7}
                fontSize={10}
                textAnchor="end"
                fill="#495057"
                fontFamily="monospace"
              >
                {b.reference}
              </text>
              <rect
                x={x(b.start)}
                y={y + 3}
                width={Math.max(2, x(b.due) - x(b.start))}
                height={ROW - 6}
                rx={2}
                fill={b.urgency === 'OVERDUE' ? '#ffc9c9' : URGENCY_COLOR[b.urgency]}
              />
              {b.end > b.due && (
                <rect
                  x={x(b.due)}
                  y={y + 3}
                  width={Math.max(2, x(b.end) - x(b.due))}
                  height={ROW - 6}
                  fill={URGENCY_COLOR.OVERDUE}
                  data-overdue="true"
                />
              )}
              <line x1={x(b.due)} x2={x(b.due)} y1={y + 1} y2={y + ROW - 1} stroke="#212529" strokeWidth={1.5} />
            </g>
          );
        })}
        <line
          x1={x(timeline.now)}
          x2={x(timeline.now)}
          y1={PAD_TOP - 4}
          y2={height - PAD_BOTTOM + 2}
          stroke="#e03131"
          strokeDasharray="3 2"
        />
        <text x={x(timeline.now)} y={height - 6} fontSize={10} textAnchor="middle" fill="#e03131">
          {t('timeline.now')}
        </text>
        <text x={PAD_LEFT} y={height - 6} fontSize={10} fill="#868e96">
          {formatDate(timeline.from.toISOString())}
        </text>
        <text x={WIDTH - 8} y={height - 6} fontSize={10} textAnchor="end" fill="#868e96">
          {formatDate(timeline.to.toISOString())}
        </text>
      </svg>
    </Box>
  );
}

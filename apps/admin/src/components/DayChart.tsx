import { Box, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from './format.js';

/** The plot of a chart of days, in SVG units: days side by side left to right, counts upwards from 0. */
export const DAY_CHART = { WIDTH: 720, HEIGHT: 180, PAD_BOTTOM: 18, PAD_LEFT: 28 } as const;
const PLOT_HEIGHT = DAY_CHART.HEIGHT - DAY_CHART.PAD_BOTTOM;

/**
 * Where a chart of `dayCount` days up to `max` puts things: each day's slot and its centre, and the
 * height of a count (the tallest reaches 6 below the top).
 */
export function dayChartScale(dayCount: number, max: number) {
  const slot = (DAY_CHART.WIDTH - DAY_CHART.PAD_LEFT) / Math.max(1, dayCount);
  return {
    slot,
    plotHeight: PLOT_HEIGHT,
    centre: (i: number) => DAY_CHART.PAD_LEFT + i * slot + slot / 2,
    height: (n: number) => (n / max) * (PLOT_HEIGHT - 6),
  };
}

export type LegendItem = { key: string; color: string; label: ReactNode; /** A line, not a square. */ line?: boolean };

/** A chart's legend: a swatch and a label per series, hidden from assistive technology (the chart's label says it all). */
export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <Group gap="md" mb="xs" aria-hidden="true">
      {items.map((item) => (
        <Group key={item.key} gap={4}>
          <Box
            w={10}
            h={item.line ? 3 : 10}
            style={item.line ? { background: item.color } : { background: item.color, borderRadius: 2 }}
          />
          <Text size="xs">{item.label}</Text>
        </Group>
      ))}
    </Group>
  );
}

/**
 * A chart of counts per day in plain SVG, from `from` to `to` (`YYYY-MM-DD`, shown as calendar dates): the legend, the baseline with 0 and
 * `max` on the left, the bars or lines the caller draws (`children`), the first and last day under
 * it when `showRange`, and `table` (the same numbers) behind a disclosure. `summary` is the picture
 * in words, the image's accessible name.
 */
export function DayChart({
  summary,
  legend,
  max,
  from,
  to,
  showRange = true,
  table,
  children,
}: {
  summary: string;
  legend: readonly LegendItem[];
  max: number;
  from: string;
  to: string;
  showRange?: boolean;
  table: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { WIDTH, HEIGHT, PAD_LEFT } = DAY_CHART;
  return (
    <Box>
      <ChartLegend items={legend} />
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ maxHeight: 220, display: 'block' }}
      >
        <line x1={PAD_LEFT} y1={PLOT_HEIGHT} x2={WIDTH} y2={PLOT_HEIGHT} stroke="#adb5bd" strokeWidth={1} />
        <text x={PAD_LEFT - 4} y={10} fontSize={10} textAnchor="end" fill="#868e96">
          {max}
        </text>
        <text x={PAD_LEFT - 4} y={PLOT_HEIGHT} fontSize={10} textAnchor="end" fill="#868e96">
          0
        </text>
        {children}
        {showRange && (
          <>
            <text x={PAD_LEFT} y={HEIGHT - 4} fontSize={10} fill="#868e96">
              {formatCalendarDate(from)}
            </text>
            <text x={WIDTH} y={HEIGHT - 4} fontSize={10} textAnchor="end" fill="#868e96">
              {formatCalendarDate(to)}
            </text>
          </>
        )}
      </svg>
      <details>
        <summary>
          <Text span size="sm">
            {t('chart.showTable')}
          </Text>
        </summary>
        {table}
      </details>
    </Box>
  );
}

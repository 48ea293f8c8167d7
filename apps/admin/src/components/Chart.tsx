import { Box, Skeleton, Text } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Mantine's charts (recharts underneath), fetched when a chart is first drawn. */
export const BarChart = lazy(() => import('./mantine-charts.js').then((m) => ({ default: m.BarChart })));
export const CompositeChart = lazy(() => import('./mantine-charts.js').then((m) => ({ default: m.CompositeChart })));

/**
 * A chart with its words: `summary` (the picture in words) is the accessible name of the drawing,
 * whose parts are hidden from assistive technology, and `table` holds the same numbers behind a
 * disclosure. `children` is the drawing (a BarChart or CompositeChart from this module).
 */
export function ChartFigure({
  summary,
  height,
  table,
  testId,
  children,
}: {
  summary: string;
  height: number;
  table: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Box>
      <Box role="img" aria-label={summary} data-testid={testId} h={height}>
        <Suspense fallback={<Skeleton h={height} />}>{children}</Suspense>
      </Box>
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

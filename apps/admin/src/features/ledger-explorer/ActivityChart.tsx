import { Box, Group, Table, Text } from '@mantine/core';
import { ACTION_LABEL, activityByDay, SERIES, totals, type ActivityAction, type ActivityBucket } from './activity.js';

const WIDTH = 720;
const HEIGHT = 180;
const PAD_BOTTOM = 18;
const PAD_LEFT = 28;

/**
 * Uses or provisions (allowed, by basis, and denied) per day, stacked, in plain SVG. The picture is
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
  const days = activityByDay(from, to, buckets, action);
  const what = ACTION_LABEL[action];
  const sum = totals(days);
  const grand = SERIES.reduce((n, s) => n + sum[s.key], 0);
  const max = Math.max(1, ...days.map((d) => d.total));
  const slot = (WIDTH - PAD_LEFT) / Math.max(1, days.length);
  const barWidth = Math.max(1, slot * 0.7);
  const plotHeight = HEIGHT - PAD_BOTTOM;
  const summary =
    `${what} per day from ${from} to ${to}: ${grand} in all` +
    (grand ? `; ${SERIES.map((s) => `${s.label.toLowerCase()} ${sum[s.key]}`).join(', ')}` : '') +
    `. Busiest day: ${grand ? `${days.reduce((a, b) => (b.total > a.total ? b : a)).day} with ${max}` : 'none'}.`;

  return (
    <Box>
      <Group gap="md" mb="xs" aria-hidden="true">
        {SERIES.map((s) => (
          <Group key={s.key} gap={4}>
            <Box w={10} h={10} style={{ background: s.color, borderRadius: 2 }} />
            <Text size="xs">{s.label}</Text>
          </Group>
        ))}
      </Group>
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ maxHeight: 220, display: 'block' }}
      >
        <line x1={PAD_LEFT} y1={plotHeight} x2={WIDTH} y2={plotHeight} stroke="#adb5bd" strokeWidth={1} />
        <text x={PAD_LEFT - 4} y={10} fontSize={10} textAnchor="end" fill="#868e96">
          {max}
        </text>
        <text x={PAD_LEFT - 4} y={plotHeight} fontSize={10} textAnchor="end" fill="#868e96">
          0
        </text>
        {days.map((d, i) => {
          let y = plotHeight;
          const x = PAD_LEFT + i * slot + (slot - barWidth) / 2;
          return (
            <g key={d.day}>
              <title>{`${d.day}: ${d.total}`}</title>
              {SERIES.map((s) => {
                const h = (d.counts[s.key] / max) * (plotHeight - 6);
                if (h <= 0) return null;
                y -= h;
                return <rect key={s.key} x={x} y={y} width={barWidth} height={h} fill={s.color} data-series={s.key} />;
              })}
            </g>
          );
        })}
        {days.length > 0 && (
          <>
            <text x={PAD_LEFT} y={HEIGHT - 4} fontSize={10} fill="#868e96">
              {from}
            </text>
            <text x={WIDTH} y={HEIGHT - 4} fontSize={10} textAnchor="end" fill="#868e96">
              {to}
            </text>
          </>
        )}
      </svg>
      <details>
        <summary>
          <Text span size="sm">
            Show the numbers as a table
          </Text>
        </summary>
        <Table aria-label={`${what} by day`} verticalSpacing={2} mt="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Day</Table.Th>
              {SERIES.map((s) => (
                <Table.Th key={s.key}>{s.label}</Table.Th>
              ))}
              <Table.Th>Total</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {days
              .filter((d) => d.total > 0)
              .map((d) => (
                <Table.Tr key={d.day}>
                  <Table.Td>{d.day}</Table.Td>
                  {SERIES.map((s) => (
                    <Table.Td key={s.key}>{d.counts[s.key]}</Table.Td>
                  ))}
                  <Table.Td>{d.total}</Table.Td>
                </Table.Tr>
              ))}
            {grand === 0 && (
              <Table.Tr>
                <Table.Td colSpan={SERIES.length + 2}>No {what.toLowerCase()} in this period.</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </details>
    </Box>
  );
}

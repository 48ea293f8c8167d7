import { Box, Group, Table, Text } from '@mantine/core';
import { acceptanceRate, fillDays, STATS_SERIES, type StatsDay } from './consent-stats.js';

const WIDTH = 720;
const HEIGHT = 180;
const PAD_BOTTOM = 18;
const PAD_LEFT = 28;

/**
 * Visitors per UTC day (grey bars: each visitor once a day, by their last choice or withdrawal that
 * day, as the API counts them) and, per category, how many of them had it accepted (lines), in
 * plain SVG; summarised in its label for assistive technology, with the numbers in a table underneath.
 */
export function ConsentChart({ from, to, days: recorded }: { from: string; to: string; days: readonly StatsDay[] }) {
  const days = fillDays(from, to, recorded);
  const total = (d: StatsDay) => d.choices + d.withdrawals;
  const max = Math.max(1, ...days.map(total));
  const slot = (WIDTH - PAD_LEFT) / Math.max(1, days.length);
  const plotHeight = HEIGHT - PAD_BOTTOM;
  const y = (n: number) => plotHeight - (n / max) * (plotHeight - 6);
  const x = (i: number) => PAD_LEFT + i * slot + slot / 2;
  const choices = days.reduce((n, d) => n + d.choices, 0);
  const withdrawals = days.reduce((n, d) => n + d.withdrawals, 0);
  const summary =
    `Visitors per day (UTC) from ${from} to ${to}, each counted once a day by their last choice: ${choices} chose and ${withdrawals} withdrew; ` +
    STATS_SERIES.map((s) => `${s.label.toLowerCase()} in ${acceptanceRate(days, s.key)} %`).join(', ') +
    '.';

  return (
    <Box>
      <Group gap="md" mb="xs" aria-hidden="true">
        <Group gap={4}>
          <Box w={10} h={10} style={{ background: '#ced4da', borderRadius: 2 }} />
          <Text size="xs">Visitors who chose or withdrew</Text>
        </Group>
        {STATS_SERIES.map((s) => (
          <Group key={s.key} gap={4}>
            <Box w={10} h={3} style={{ background: s.color }} />
            <Text size="xs">
              {s.label} ({acceptanceRate(days, s.key)} %)
            </Text>
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
        {days.map((d, i) => (
          <rect
            key={d.day}
            x={x(i) - slot * 0.35}
            y={y(total(d))}
            width={Math.max(1, slot * 0.7)}
            height={plotHeight - y(total(d))}
            fill="#ced4da"
          >
            <title>{`${d.day} (UTC): ${d.choices} visitors chose, ${d.withdrawals} withdrew`}</title>
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
        <text x={PAD_LEFT} y={HEIGHT - 4} fontSize={10} fill="#868e96">
          {from}
        </text>
        <text x={WIDTH} y={HEIGHT - 4} fontSize={10} textAnchor="end" fill="#868e96">
          {to}
        </text>
      </svg>
      <details>
        <summary>
          <Text span size="sm">
            Show the numbers as a table
          </Text>
        </summary>
        <Table aria-label="Visitors per day (UTC)" verticalSpacing={2} mt="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Day (UTC)</Table.Th>
              <Table.Th>Chose</Table.Th>
              <Table.Th>Withdrew</Table.Th>
              <Table.Th>With GPC</Table.Th>
              <Table.Th>Functional</Table.Th>
              <Table.Th>Analytics</Table.Th>
              <Table.Th>Marketing</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {days
              .filter((d) => total(d) > 0)
              .map((d) => (
                <Table.Tr key={d.day}>
                  <Table.Td>{d.day}</Table.Td>
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
                <Table.Td colSpan={7}>No consent recorded in this period.</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </details>
    </Box>
  );
}

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render.js';
import { ConsentChart } from './ConsentChart.js';
import type { StatsDay } from './consent-stats.js';

const DAYS: StatsDay[] = [
  { day: '2026-04-01', choices: 10, withdrawals: 2, gpc: 1, functional: 9, analytics: 4, marketing: 1 },
  { day: '2026-04-03', choices: 4, withdrawals: 0, gpc: 0, functional: 4, analytics: 3, marketing: 0 },
];

describe('the cookie consent chart', () => {
  it('draws visitors per day as bars and each accepted category as a line', async () => {
    renderWithProviders(<ConsentChart from="2026-04-01" to="2026-04-03" days={DAYS} />);
    const img = await screen.findByRole('img', { name: /^Visitors per day \(UTC\) from 1 Apr 2026 to 3 Apr 2026/ });
    expect(img.getAttribute('aria-label')).toContain('14 chose and 2 withdrew');
    expect(img.getAttribute('aria-label')).toContain('analytics accepted in 50 %');
    // One bar per day with visitors (the empty 2 April has none), its height by the count.
    await waitFor(() => expect(img.querySelectorAll('path.recharts-rectangle[name="visitors"]')).toHaveLength(2));
    const [first, third] = [...img.querySelectorAll('path.recharts-rectangle[name="visitors"]')].map((p) =>
      Number(p.getAttribute('height')),
    );
    expect(first! / third!).toBeCloseTo(12 / 4, 1);
    expect(img.querySelectorAll('.recharts-line')).toHaveLength(3);
    expect(img.querySelector('.mantine-ChartLegend-legend')!.textContent).toContain('Analytics accepted (50 %)');
    const days = [...img.querySelectorAll('.recharts-xAxis-tick-labels tspan')].map((e) => e.textContent);
    expect(days[0]).toBe('1 Apr 2026');
  });

  it('holds the same numbers in its table', async () => {
    renderWithProviders(<ConsentChart from="2026-04-01" to="2026-04-03" days={DAYS} />);
    const table = await screen.findByRole('table', { name: 'Visitors per day (UTC)', hidden: true });
    expect(
      within(table)
        .getAllByRole('row', { hidden: true })
        .map((r) => r.textContent),
    ).toEqual(['Day (UTC)ChoseWithdrewWith GPCFunctionalAnalyticsMarketing', '1 Apr 20261021941', '3 Apr 2026400430']);
  });

  it('reads in Japanese', async () => {
    renderWithProviders(<ConsentChart from="2026-04-01" to="2026-04-03" days={DAYS} />, { language: 'ja' });
    const img = await screen.findByRole('img', { name: /2026年4月1日/ });
    await waitFor(() => expect(img.querySelectorAll('path.recharts-rectangle[name="visitors"]')).toHaveLength(2));
    const days = [...img.querySelectorAll('.recharts-xAxis-tick-labels tspan')].map((e) => e.textContent);
    expect(days[0]).toBe('2026年4月1日');
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render.js';
import { ActivityChart } from './ActivityChart.js';
import type { ActivityBucket } from './activity.js';

const BUCKETS: ActivityBucket[] = [
  { day: '2026-11-18', kind: 'DECISION', action: 'USE', basisKind: 'CONSENT', outcome: 'ALLOWED', count: 3 },
  { day: '2026-11-18', kind: 'DECISION', action: 'USE', basisKind: 'PUBLICLY_AVAILABLE', outcome: 'ALLOWED', count: 1 },
  { day: '2026-11-20', kind: 'DECISION', action: 'USE', basisKind: 'CONSENT', outcome: 'ALLOWED', count: 1_234 },
  { day: '2026-11-20', kind: 'DECISION', action: 'USE', basisKind: null, outcome: 'DENIED', count: 2 },
  { day: '2026-11-20', kind: 'PROVISION', action: 'PROVIDE', basisKind: 'EXCEPTION', outcome: 'ALLOWED', count: 5 },
];

const bars = (img: Element, series: string) => img.querySelectorAll(`path.recharts-rectangle[name="${series}"]`);

describe('the ledger activity chart', () => {
  it('stacks each series per day, with days and numbers in the language of the page', async () => {
    renderWithProviders(<ActivityChart from="2026-11-18" to="2026-11-20" buckets={BUCKETS} action="USE" />);
    const img = await screen.findByRole('img', { name: /^Uses per day \(UTC\)/ });
    expect(img.getAttribute('aria-label')).toContain('1,240 in all');
    await waitFor(() => expect(bars(img, 'CONSENT')).toHaveLength(2));
    expect(bars(img, 'PUBLICLY_AVAILABLE')).toHaveLength(1);
    expect(bars(img, 'DENIED')).toHaveLength(1);
    // Provisions are another chart's.
    expect(bars(img, 'EXCEPTION')).toHaveLength(0);
    const days = [...img.querySelectorAll('.recharts-xAxis-tick-labels tspan')].map((e) => e.textContent);
    expect(days).toEqual(['18 Nov 2026', '19 Nov 2026', '20 Nov 2026']);
    // Taller segments for larger counts: the 1,234 consents dwarf the 3.
    const [small, large] = [...bars(img, 'CONSENT')].map((p) => Number(p.getAttribute('height')));
    expect(large!).toBeGreaterThan(small! * 100);
  });

  it('holds the same numbers in its table', async () => {
    renderWithProviders(<ActivityChart from="2026-11-18" to="2026-11-20" buckets={BUCKETS} action="USE" />);
    const table = await screen.findByRole('table', { name: 'Uses by day (UTC)', hidden: true });
    expect(
      within(table)
        .getAllByRole('row', { hidden: true })
        .map((r) => r.textContent),
    ).toEqual([
      'Day (UTC)ConsentPublicly availablePermitted exceptionDeniedTotal',
      '18 Nov 202631004',
      '20 Nov 20261,234002' + '1,236',
    ]);
  });

  it('reads in Japanese', async () => {
    renderWithProviders(<ActivityChart from="2026-11-18" to="2026-11-20" buckets={BUCKETS} action="USE" />, {
      language: 'ja',
    });
    const img = await screen.findByRole('img', { name: /^2026年11月18日〜2026年11月20日の1日ごとの利用（UTC）/ });
    await waitFor(() => expect(bars(img, 'CONSENT')).toHaveLength(2));
    const days = [...img.querySelectorAll('.recharts-xAxis-tick-labels tspan')].map((e) => e.textContent);
    expect(days[0]).toBe('2026年11月18日');
    expect(img.querySelector('.mantine-ChartLegend-legend')!.textContent).toContain('同意');
  });
});

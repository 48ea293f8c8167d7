import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render.js';
import { DueTimelineChart } from './DueTimelineChart.js';
import type { TimelineRequest } from './due-timeline.js';

const NOW = new Date('2026-04-10T00:00:00Z');
const REQUESTS: TimelineRequest[] = [
  {
    id: 'a',
    reference: 'R-LATE',
    receivedAt: '2026-04-01T00:00:00Z',
    dueAt: '2026-04-08T00:00:00Z',
    urgency: 'OVERDUE',
  },
  {
    id: 'b',
    reference: 'R-FINE',
    receivedAt: '2026-04-05T00:00:00Z',
    dueAt: '2026-04-20T00:00:00Z',
    urgency: 'ON_TRACK',
  },
  {
    id: 'c',
    reference: 'R-SOON',
    receivedAt: '2026-04-02T00:00:00Z',
    dueAt: '2026-04-11T00:00:00Z',
    urgency: 'DUE_SOON',
  },
];

/** The drawing, once the lazily loaded chart library has drawn its bars. */
async function drawn(name: RegExp): Promise<HTMLElement> {
  const img = await screen.findByRole('img', { name });
  await waitFor(() => expect(img.querySelector('path.recharts-rectangle')).not.toBeNull());
  return img;
}

const texts = (root: Element, selector: string) => [...root.querySelectorAll(selector)].map((e) => e.textContent);

describe('the due-date chart', () => {
  it('draws one bar per open request, most urgent first, past-due time only for the overdue one', async () => {
    renderWithProviders(<DueTimelineChart requests={REQUESTS} now={NOW} />);
    const img = await drawn(/3 open requests: 1 overdue, 1 due within three days/);
    expect(img.getAttribute('aria-label')).toContain('Earliest due: R-LATE');
    expect(texts(img, '.recharts-yAxis-tick-labels tspan')).toEqual(['R-LATE', 'R-SOON', 'R-FINE']);
    expect(img.querySelectorAll('path.recharts-rectangle[name="OVERDUE"]')).toHaveLength(1);
    expect(img.querySelectorAll('path.recharts-rectangle[name="DUE_SOON"]')).toHaveLength(1);
    expect(img.querySelectorAll('path.recharts-rectangle[name="ON_TRACK"]')).toHaveLength(1);
    expect(img.querySelectorAll('path.recharts-rectangle[name="late"]')).toHaveLength(1);
    // Dates on the axis through components/format.ts.
    expect(texts(img, '.recharts-xAxis-tick-labels tspan')).toContain('10 Apr 2026');
  });

  it('keeps the same requests and dates in its table', async () => {
    renderWithProviders(<DueTimelineChart requests={REQUESTS} now={NOW} />);
    const table = await screen.findByRole('table', { name: 'Open requests by due date', hidden: true });
    const rows = within(table).getAllByRole('row', { hidden: true });
    expect(rows.map((r) => r.textContent)).toEqual([
      'ReferenceReceivedDueUrgency',
      'R-LATE1 Apr 20268 Apr 2026Overdue',
      'R-SOON2 Apr 202611 Apr 2026Due soon',
      'R-FINE5 Apr 202620 Apr 2026On track',
    ]);
  });

  it('labels now above the plot, clear of the start date under it, even when now is the start', async () => {
    // Everything received now: the "now" line stands at the axis's first date, where the label once overprinted it.
    const today = [
      {
        id: 'x',
        reference: 'R-NEW',
        receivedAt: NOW.toISOString(),
        dueAt: '2026-04-24T00:00:00Z',
        urgency: 'ON_TRACK' as const,
      },
    ];
    renderWithProviders(<DueTimelineChart requests={today} now={NOW} />);
    const img = await drawn(/1 open request/);
    const now = [...img.querySelectorAll('text.recharts-label')].find((e) => e.textContent === 'now')!;
    const ticks = [...img.querySelectorAll('.recharts-xAxis-tick-labels text')];
    const start = ticks[0]!;
    expect(start.textContent).toBe('9 Apr 2026');
    const line = img.querySelector('.recharts-reference-line-line')!;
    const plotTop = Math.min(Number(line.getAttribute('y1')), Number(line.getAttribute('y2')));
    const plotBottom = Math.max(Number(line.getAttribute('y1')), Number(line.getAttribute('y2')));
    const fontSize = Number(now.getAttribute('font-size'));
    // The label's baseline is above the plot; every date's text starts below it.
    expect(Number(now.getAttribute('y'))).toBeLessThanOrEqual(plotTop);
    for (const tick of ticks) expect(Number(tick.getAttribute('y'))).toBeGreaterThanOrEqual(plotBottom);
    expect(Number(start.getAttribute('y')) - Number(now.getAttribute('y'))).toBeGreaterThan(fontSize);
  });

  it('reads in Japanese', async () => {
    renderWithProviders(<DueTimelineChart requests={REQUESTS} now={NOW} />, { language: 'ja' });
    const img = await drawn(/対応中の請求 3件：期限超過 1件/);
    expect([...img.querySelectorAll('text.recharts-label')].map((e) => e.textContent)).toContain('現在');
    expect(texts(img, '.recharts-xAxis-tick-labels tspan')).toContain('2026年4月10日');
    expect(screen.getByRole('table', { name: '対応中の請求（期限順）', hidden: true })).toBeTruthy();
  });

  it('says so when nothing is open', async () => {
    renderWithProviders(<DueTimelineChart requests={[]} now={NOW} />);
    expect(await screen.findByText('No open requests.')).toBeTruthy();
  });
});

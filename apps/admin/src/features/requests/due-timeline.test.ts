import { describe, expect, it } from 'vitest';
import { layoutTimeline } from './due-timeline.js';

const now = new Date('2026-04-10T00:00:00Z');
const req = (
  id: string,
  receivedAt: string,
  dueAt: string,
  urgency: 'OVERDUE' | 'DUE_SOON' | 'ON_TRACK' | 'CLOSED',
) => ({ id, reference: `R-${id}`, receivedAt, dueAt, urgency });

describe('layoutTimeline', () => {
  it('orders open requests by due date and extends overdue bars to now', () => {
    const t = layoutTimeline(
      [
        req('b', '2026-04-05T00:00:00Z', '2026-04-20T00:00:00Z', 'ON_TRACK'),
        req('a', '2026-03-20T00:00:00Z', '2026-04-03T00:00:00Z', 'OVERDUE'),
        req('c', '2026-03-01T00:00:00Z', '2026-03-05T00:00:00Z', 'CLOSED'),
      ],
      now,
    )!;
    expect(t.bars.map((b) => b.id)).toEqual(['a', 'b']);
    const [a, b] = t.bars;
    expect(a!.start).toBeGreaterThan(0);
    expect(a!.due).toBeLessThan(t.now);
    expect(a!.end).toBeCloseTo(t.now);
    expect(b!.end).toBe(b!.due);
    expect(b!.due).toBeLessThan(1);
    expect(t.from.toISOString()).toBe('2026-03-19T00:00:00.000Z');
    expect(t.to.toISOString()).toBe('2026-04-21T00:00:00.000Z');
  });
  it('has nothing to draw without open requests', () => {
    expect(layoutTimeline([req('c', '2026-03-01T00:00:00Z', '2026-03-05T00:00:00Z', 'CLOSED')], now)).toBeNull();
  });
});

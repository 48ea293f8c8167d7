import type { RequestUrgency } from '@steward/schema';

export type TimelineRequest = {
  id: string;
  reference: string;
  receivedAt: string;
  dueAt: string;
  urgency: RequestUrgency;
};

export type TimelineBar = {
  id: string;
  reference: string;
  urgency: RequestUrgency;
  /** 0..1 along the axis. */
  start: number;
  due: number;
  /** For overdue requests: from the due date to now (0..1); otherwise equal to `due`. */
  end: number;
};

export type Timeline = { from: Date; to: Date; now: number; bars: TimelineBar[] };

/** A day in milliseconds: the chart's axis counts days from the timeline's start. */
export const DAY = 86_400_000;

/**
 * Lays out open requests on one time axis, from the earliest receipt to the latest due date (or
 * now, whichever is later), padded by a day each side. Bars are ordered by due date, earliest
 * first, so the most urgent request is on top.
 */
export function layoutTimeline(requests: readonly TimelineRequest[], now: Date): Timeline | null {
  const open = requests.filter((r) => r.urgency !== 'CLOSED');
  if (open.length === 0) return null;
  const times = open.flatMap((r) => [Date.parse(r.receivedAt), Date.parse(r.dueAt)]);
  const from = Math.min(...times, now.getTime()) - DAY;
  const to = Math.max(...times, now.getTime()) + DAY;
  const span = to - from;
  const at = (t: number) => (t - from) / span;
  const bars = [...open]
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.reference < b.reference ? -1 : 1))
    .map((r) => {
      const due = at(Date.parse(r.dueAt));
      return {
        id: r.id,
        reference: r.reference,
        urgency: r.urgency,
        start: at(Date.parse(r.receivedAt)),
        due,
        end: r.urgency === 'OVERDUE' ? Math.max(due, at(now.getTime())) : due,
      };
    });
  return { from: new Date(from), to: new Date(to), now: at(now.getTime()), bars };
}

/** One stacked bar per request, in days from the timeline's start: where it starts, then its span in its urgency's series. */
export type TimelineRow = {
  reference: string;
  offset: number;
  ON_TRACK: number;
  DUE_SOON: number;
  OVERDUE: number;
  /** From the due date to now, while overdue. */
  late: number;
};

export function timelineRows(timeline: Timeline): TimelineRow[] {
  const span = (timeline.to.getTime() - timeline.from.getTime()) / DAY;
  return timeline.bars.map((b) => {
    const row: TimelineRow = {
      reference: b.reference,
      offset: b.start * span,
      ON_TRACK: 0,
      DUE_SOON: 0,
      OVERDUE: 0,
      late: 0,
    };
    if (b.urgency !== 'CLOSED') row[b.urgency] = (b.due - b.start) * span;
    row.late = (b.end - b.due) * span;
    return row;
  });
}

/** The axis's dates: its two ends and up to three whole days between them. */
export function timelineTicks(span: number): number[] {
  const step = Math.max(1, Math.round(span / 4));
  const ticks = [0];
  for (let d = step; d < span - step / 2; d += step) ticks.push(d);
  ticks.push(span);
  return ticks;
}

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

const DAY = 86_400_000;

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

import type { DecisionBasisKind, LedgerActivityQuery } from '@steward/schema';
import type { TFunction } from 'i18next';

export type ActivityBucket = LedgerActivityQuery['ledgerActivity']['buckets'][number];

/**
 * The chart's series: what a use, provision or decision rested on (denied ones rest on nothing).
 * Named by seriesLabel.
 */
export const SERIES = [
  { key: 'CONSENT', color: '#2f9e44' },
  { key: 'PUBLICLY_AVAILABLE', color: '#1c7ed6' },
  { key: 'EXCEPTION', color: '#f08c00' },
  { key: 'DENIED', color: '#e03131' },
] as const;

export type SeriesKey = (typeof SERIES)[number]['key'];

/** A basis's name (`t` of the `ledger-explorer` namespace). */
export function basisLabel(t: TFunction, basis: DecisionBasisKind): string {
  switch (basis) {
    case 'CONSENT':
      return t('ledger-explorer:basis.CONSENT');
    case 'PUBLICLY_AVAILABLE':
      return t('ledger-explorer:basis.PUBLICLY_AVAILABLE');
    case 'EXCEPTION':
      return t('ledger-explorer:basis.EXCEPTION');
  }
}

/** A series' name: the basis, or the outcome for the denied. */
export function seriesLabel(t: TFunction, key: SeriesKey): string {
  return key === 'DENIED' ? t('ledger-explorer:outcomes.DENIED') : basisLabel(t, key);
}

export type ActivityDay = { day: string; counts: Record<SeriesKey, number>; total: number };

/** What a chart shows: uses inside the organisation or provisions to recipients (a provision is a PROVIDE). */
export type ActivityAction = 'USE' | 'PROVIDE';

function seriesOf(bucket: ActivityBucket): SeriesKey | null {
  if (bucket.outcome === 'DENIED') return 'DENIED';
  return bucket.basisKind ?? null;
}

/**
 * Every UTC day from `from` to `to` (inclusive, YYYY-MM-DD) with its counts per series; days without
 * entries count zero. With `action`, only the uses or only the provisions count.
 */
export function activityByDay(
  from: string,
  to: string,
  buckets: readonly ActivityBucket[],
  action?: ActivityAction,
): ActivityDay[] {
  const days: ActivityDay[] = [];
  const index = new Map<string, ActivityDay>();
  for (
    let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`);
    t <= end && days.length < 400;
    t += 86_400_000
  ) {
    const day = new Date(t).toISOString().slice(0, 10);
    const entry: ActivityDay = {
      day,
      counts: { CONSENT: 0, PUBLICLY_AVAILABLE: 0, EXCEPTION: 0, DENIED: 0 },
      total: 0,
    };
    days.push(entry);
    index.set(day, entry);
  }
  for (const bucket of buckets) {
    if (action && bucket.action !== action) continue;
    const entry = index.get(bucket.day);
    const series = seriesOf(bucket);
    if (!entry || !series) continue;
    entry.counts[series] += bucket.count;
    entry.total += bucket.count;
  }
  return days;
}

export function totals(days: readonly ActivityDay[]): Record<SeriesKey, number> {
  const sum: Record<SeriesKey, number> = { CONSENT: 0, PUBLICLY_AVAILABLE: 0, EXCEPTION: 0, DENIED: 0 };
  for (const d of days) for (const s of SERIES) sum[s.key] += d.counts[s.key];
  return sum;
}

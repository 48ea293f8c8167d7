import type { CookieConsentStatsQuery } from '@steward/schema';

export type StatsDay = NonNullable<CookieConsentStatsQuery['cookieConsentStats']>['days'][number];

/** The categories the chart draws as lines; their words are `cookies:stats.series.<key>`. */
export const STATS_SERIES = [
  { key: 'functional', color: '#2f9e44' },
  { key: 'analytics', color: '#1c7ed6' },
  { key: 'marketing', color: '#e8590c' },
] as const;

const DAY_MS = 86_400_000;

/** Every day from `from` to `to` (inclusive), with zeros where nothing was recorded. */
export function fillDays(from: string, to: string, days: readonly StatsDay[]): StatsDay[] {
  const byDay = new Map(days.map((d) => [d.day, d]));
  const out: StatsDay[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.push(byDay.get(day) ?? { day, choices: 0, withdrawals: 0, gpc: 0, functional: 0, analytics: 0, marketing: 0 });
  }
  return out;
}

/** Share of the visitors' choices (one per visitor and day) that accepted a category, in whole percent (0 when there were none). */
export function acceptanceRate(days: readonly StatsDay[], key: (typeof STATS_SERIES)[number]['key']): number {
  const choices = days.reduce((n, d) => n + d.choices, 0);
  return choices === 0 ? 0 : Math.round((100 * days.reduce((n, d) => n + d[key], 0)) / choices);
}

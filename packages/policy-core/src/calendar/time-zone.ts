/**
 * The organisation's calendar runs in an IANA time zone (Asia/Tokyo for the reference customer).
 * Local dates come from the runtime's own `Intl.DateTimeFormat` (ICU's time zone data, DST
 * included): no I/O and no dependency, time always passed in.
 */

/** The default zone of a new organisation (and of the demo). */
export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';

/** Longest IANA name is 32 characters (America/Argentina/ComodRivadavia); a bound for inputs. */
export const TIME_ZONE_MAX_LENGTH = 64;

const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The zone's canonical name as the runtime spells it (`asia/tokyo` → `Asia/Tokyo`), or null when
 * the runtime does not know it (or it is not a plain string of a sensible length).
 */
export function canonicalTimeZone(value: string): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > TIME_ZONE_MAX_LENGTH) return null;
  try {
    return formatterFor(value).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Whether the runtime's Intl knows the zone. */
export function isValidTimeZone(value: string): boolean {
  return canonicalTimeZone(value) !== null;
}

function checkedZone(timeZone: string): Intl.DateTimeFormat {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${JSON.stringify(timeZone)}`);
  return formatterFor(timeZone);
}

/** The zone's offset from UTC at instant `t` (ms since the epoch), in milliseconds (JST: +9 h). */
function offsetAt(t: number, f: Intl.DateTimeFormat): number {
  const parts = f.formatToParts(new Date(t));
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - (t - (((t % 1000) + 1000) % 1000));
}

function checkedTime(date: Date, name: string): number {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new RangeError(`\`${name}\` is an invalid Date.`);
  return t;
}

/** The local calendar day (days since 1970-01-01) of an instant in `timeZone`. */
export function localDayNumber(at: Date, timeZone: string): number {
  const t = checkedTime(at, 'at');
  return Math.floor((t + offsetAt(t, checkedZone(timeZone))) / DAY);
}

/** A day number as `YYYY-MM-DD`. */
export function dayNumberToIsoDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** The local date (`YYYY-MM-DD`) of an instant in `timeZone`. */
export function localIsoDate(at: Date, timeZone: string): string {
  return dayNumberToIsoDate(localDayNumber(at, timeZone));
}

/**
 * The first instant of local day `day` in `timeZone`: local midnight, or the first instant after a
 * DST gap that swallows midnight.
 */
export function startOfLocalDay(day: number, timeZone: string): Date {
  const f = checkedZone(timeZone);
  const wallMidnight = day * DAY;
  // Two rounds settle the offset on either side of a transition.
  let t = wallMidnight - offsetAt(wallMidnight, f);
  t = wallMidnight - offsetAt(t, f);
  // In a gap (midnight never happens) t can land before the day starts: step to its first instant
  // (transitions move clocks by whole quarter hours).
  while (Math.floor((t + offsetAt(t, f)) / DAY) < day) t += 15 * 60_000;
  return new Date(t);
}

/** The last millisecond of local day `day` in `timeZone` (23:59:59.999 local on ordinary days). */
export function endOfLocalDay(day: number, timeZone: string): Date {
  return new Date(startOfLocalDay(day + 1, timeZone).getTime() - 1);
}

/**
 * The IANA zone that an older fixed offset (minutes east of UTC) stands for: 540 → Asia/Tokyo,
 * 0 → UTC, other whole hours → `Etc/GMT±N` (whose sign is inverted by POSIX convention:
 * UTC+5 is `Etc/GMT-5`); anything else → null (the caller decides; the migration uses UTC).
 */
export function timeZoneForOffset(minutes: number): string | null {
  if (minutes === 540) return DEFAULT_TIME_ZONE;
  if (minutes === 0) return 'UTC';
  if (!Number.isInteger(minutes) || minutes % 60 !== 0 || minutes < -720 || minutes > 840) return null;
  const hours = minutes / 60;
  return `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The zone dates are shown in when a call names none: the organisation's (its calendar, in which
 * due dates fall), set by the auth guard once it is known; until then, and on the public pages, the
 * viewer's own.
 */
let displayTimeZone: string | undefined;

/** Shows dates in `timeZone` from now on (undefined: the viewer's zone). */
export function setDisplayTimeZone(timeZone: string | undefined): void {
  displayTimeZone = timeZone;
}

function formatter(timeZone: string | undefined, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone ?? ''}|${withTime}`;
  let f = dateTimeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
      ...(timeZone ? { timeZone } : {}),
    });
    dateTimeFormats.set(key, f);
  }
  return f;
}

/** `2025-04-01 09:30` in the organisation's time zone (or `timeZone`); `—` for null or unparsable input. */
export function formatDateTime(iso: string | null | undefined, timeZone = displayTimeZone): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const parts = formatter(timeZone, true).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** `2025-04-01` in the organisation's time zone (or `timeZone`); `—` for null or unparsable input. */
export function formatDate(iso: string | null | undefined, timeZone = displayTimeZone): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const parts = formatter(timeZone, false).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A long hash shortened for tables: `ab12cd34…ef56`. */
export function shortHash(hash: string, head = 8, tail = 4): string {
  return hash.length <= head + tail + 1 ? hash : `${hash.slice(0, head)}…${hash.slice(-tail)}`;
}

import type { EntityManager } from '@mikro-orm/core';
import type { ResponsePeriod } from '@steward/policy-core';
import { NotFoundError } from '../common/errors.js';
import { leanRows } from '../common/lean-sql.js';

/** The organisation's response period (columns on `organisation`), as policy-core's ResponsePeriod. */
export async function loadResponsePeriod(em: EntityManager): Promise<ResponsePeriod> {
  const [row] = await leanRows<Record<string, unknown>>(
    em,
    'select response_period_days, response_period_unit, time_zone_offset_minutes, request_holidays from organisation order by created_at asc limit 1',
  );
  if (!row) throw new NotFoundError('Organisation');
  const holidays =
    typeof row.request_holidays === 'string'
      ? (JSON.parse(row.request_holidays) as string[])
      : ((row.request_holidays as string[] | null) ?? []);
  return {
    days: Number(row.response_period_days),
    unit: row.response_period_unit === 'CALENDAR_DAYS' ? 'CALENDAR_DAYS' : 'BUSINESS_DAYS',
    timeZoneOffsetMinutes: Number(row.time_zone_offset_minutes),
    holidays,
  };
}

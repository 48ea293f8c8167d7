import type { EntityManager } from '@mikro-orm/core';
import type { ResponsePeriod } from '@steward/policy-core';
import { NotFoundError } from '../common/errors.js';
import { fromDbJson } from '../common/sql/dialect.js';
import { responsePeriodRow } from './request.queries.js';

/** The organisation's response period (columns on `organisation`), as policy-core's ResponsePeriod. */
export async function loadResponsePeriod(em: EntityManager): Promise<ResponsePeriod> {
  const row = await responsePeriodRow(em);
  if (!row) throw new NotFoundError('Organisation');
  const holidays = fromDbJson<string[] | null>(row.request_holidays) ?? [];
  return {
    days: Number(row.response_period_days),
    unit: row.response_period_unit === 'CALENDAR_DAYS' ? 'CALENDAR_DAYS' : 'BUSINESS_DAYS',
    timeZoneOffsetMinutes: Number(row.time_zone_offset_minutes),
    holidays,
  };
}

import type { EntityManager } from '@mikro-orm/core';
import { validateResponsePeriod, type Issue, type ResponsePeriod } from '@steward/policy-core';
import { AuditService } from '../audit/audit.service.js';
import { BadInputError, DomainError, NotFoundError } from '../common/errors.js';
import type { Actor } from '../context.js';
import { Organisation } from '../organisation/organisation.entity.js';
import type { UpdateRequestSettingsInput } from './request.inputs.js';
import { fromDbJson } from '../common/sql/dialect.js';
import { responsePeriodRow } from './request.queries.js';
import { presentSettings } from './request.presenter.js';
import type { RequestSettingsType } from './request.type.js';
import { Service } from '../common/transaction.js';
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

/** The organisation's response period, read by everyone signed in and set by owners (audited). */
export class RequestSettingsService extends Service {
  private requireActor(): Actor {
    if (!this.actor) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue');
    return this.actor;
  }

  async settings(): Promise<RequestSettingsType> {
    return presentSettings(await loadResponsePeriod(this.em));
  }

  updateSettings(input: UpdateRequestSettingsInput): Promise<RequestSettingsType> {
    return this.inTransaction(async ({ em }) => {
      const actor = this.requireActor();
      const period: ResponsePeriod = {
        days: input.responsePeriodDays,
        unit: input.unit,
        timeZoneOffsetMinutes: input.timeZoneOffsetMinutes,
        holidays: [...new Set(input.holidays.map((h) => h.trim()))].sort(),
      };
      const validation = validateResponsePeriod(period);
      const issues: Issue[] = validation.ok
        ? []
        : validation.issues.map((i) => (i.field === 'days' ? { ...i, field: 'responsePeriodDays' } : i));
      if (period.days > 365)
        issues.push({ field: 'responsePeriodDays', code: 'INVALID_VALUE', message: 'At most 365 days.' });
      if (issues.length) throw new BadInputError(issues);
      const [org] = await em.find(Organisation, {}, { orderBy: { createdAt: 'asc' }, limit: 1 });
      if (!org) throw new NotFoundError('Organisation');
      org.responsePeriodDays = period.days;
      org.responsePeriodUnit = period.unit;
      org.timeZoneOffsetMinutes = period.timeZoneOffsetMinutes;
      org.requestHolidays = [...(period.holidays ?? [])];
      new AuditService(em, actor, this.deps).record({
        action: 'request.settings',
        entityType: 'Organisation',
        subject: org.id,
        detail: {
          days: period.days,
          unit: period.unit,
          timeZoneOffsetMinutes: period.timeZoneOffsetMinutes,
          holidays: period.holidays?.length ?? 0,
        },
      });
      await em.flush();
      return presentSettings(period);
    });
  }
}

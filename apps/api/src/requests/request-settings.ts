import type { EntityManager } from '@mikro-orm/core';
import { canonicalTimeZone, validateResponsePeriod, type Issue, type ResponsePeriod } from '@steward/policy-core';
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
import { periodWithNationalHolidays } from '../calendar/national-holidays.js';
/** The organisation's response period and calendar (columns on `organisation`). */
export type RequestCalendarSettings = {
  /** policy-core's ResponsePeriod without the national holidays (they depend on the receipt day). */
  period: ResponsePeriod;
  observeJapaneseHolidays: boolean;
};

/** The organisation's response period and calendar, read with one lean query. */
export async function loadRequestSettings(em: EntityManager): Promise<RequestCalendarSettings> {
  const row = await responsePeriodRow(em);
  if (!row) throw new NotFoundError('Organisation');
  return {
    period: {
      days: Number(row.response_period_days),
      unit: row.response_period_unit === 'CALENDAR_DAYS' ? 'CALENDAR_DAYS' : 'BUSINESS_DAYS',
      timeZone: String(row.time_zone),
      holidays: fromDbJson<string[] | null>(row.request_holidays) ?? [],
      recurringClosedDays: fromDbJson<string[] | null>(row.recurring_closed_days) ?? [],
    },
    // SQLite answers 0/1, PostgreSQL a boolean.
    observeJapaneseHolidays: row.observe_japanese_holidays === true || Number(row.observe_japanese_holidays) === 1,
  };
}

/** The period a request received at `receivedAt` is counted in (national holidays included when observed). */
export async function loadResponsePeriod(em: EntityManager, receivedAt: Date): Promise<ResponsePeriod> {
  const { period, observeJapaneseHolidays } = await loadRequestSettings(em);
  return periodWithNationalHolidays(period, observeJapaneseHolidays, receivedAt);
}

const uniqueSorted = (values: readonly string[]) => [...new Set(values.map((v) => v.trim()))].sort();

/** The organisation's response period, read by everyone signed in and set by owners (audited). */
export class RequestSettingsService extends Service {
  private requireActor(): Actor {
    if (!this.actor) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue');
    return this.actor;
  }

  async settings(): Promise<RequestSettingsType> {
    return presentSettings(await loadRequestSettings(this.em));
  }

  updateSettings(input: UpdateRequestSettingsInput): Promise<RequestSettingsType> {
    return this.inTransaction(async ({ em }) => {
      const actor = this.requireActor();
      const timeZone = canonicalTimeZone(input.timeZone.trim()) ?? input.timeZone;
      const period: ResponsePeriod = {
        days: input.responsePeriodDays,
        unit: input.unit,
        timeZone,
        holidays: uniqueSorted(input.holidays),
        recurringClosedDays: uniqueSorted(input.recurringClosedDays),
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
      org.timeZone = period.timeZone;
      org.observeJapaneseHolidays = input.observeJapaneseHolidays;
      org.recurringClosedDays = [...(period.recurringClosedDays ?? [])];
      org.requestHolidays = [...(period.holidays ?? [])];
      new AuditService(em, actor, this.deps).record({
        action: 'request.settings',
        entityType: 'Organisation',
        subject: org.id,
        detail: {
          days: period.days,
          unit: period.unit,
          timeZone: period.timeZone,
          observeJapaneseHolidays: input.observeJapaneseHolidays,
          recurringClosedDays: period.recurringClosedDays?.length ?? 0,
          holidays: period.holidays?.length ?? 0,
        },
      });
      await em.flush();
      return presentSettings({ period, observeJapaneseHolidays: input.observeJapaneseHolidays });
    });
  }
}

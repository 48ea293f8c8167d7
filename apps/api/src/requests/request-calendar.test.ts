import {
  CreateProviderRequestDocument,
  OrganisationTimeZoneDocument,
  RequestSettingsDocument,
  UpdateRequestSettingsDocument,
  type UpdateRequestSettingsMutationVariables,
} from '@steward/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../test/databases.js';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../test/test-app.js';

// The organisation's calendar over GraphQL: the zone, Japanese national holidays (from the holiday
// data, not a stored list), 年末年始 as recurring closed days and one-off closed days. Both
// databases: the settings are read with lean SQL (a boolean and two JSON columns).
describe.each(DATABASES)('the request calendar on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  let officer: TestClient;
  const NENMATSU = ['12-29', '12-30', '12-31', '01-01', '01-02', '01-03'];
  const defaults: UpdateRequestSettingsMutationVariables['input'] = {
    responsePeriodDays: 10,
    unit: 'BUSINESS_DAYS',
    timeZone: 'Asia/Tokyo',
    observeJapaneseHolidays: true,
    recurringClosedDays: NENMATSU,
    holidays: [],
  };

  beforeAll(async () => {
    app = await createTestApp({ database });
    app.clock.now = new Date('2027-06-01T00:00:00Z');
    owner = await app.clientAs('OWNER');
    officer = await app.clientAs('PRIVACY_OFFICER');
  });
  afterAll(() => app?.close());

  /** A request entered by staff as received at `receivedAt`: its due date (an ISO instant). */
  async function dueFor(receivedAt: string): Promise<string> {
    const { createProviderRequest } = await officer.ok(CreateProviderRequestDocument, {
      input: { kind: 'DISCLOSURE', channel: 'POST', requesterName: 'Aiko Fujimoto', contact: 'Tokyo', receivedAt },
    });
    return createProviderRequest.dueAt;
  }
  const settle = (input: Partial<UpdateRequestSettingsMutationVariables['input']>) =>
    owner.ok(UpdateRequestSettingsDocument, { input: { ...defaults, ...input } });

  it('starts in Asia/Tokyo observing national holidays and 年末年始, and says so publicly', async () => {
    expect((await owner.ok(RequestSettingsDocument)).requestSettings).toEqual(defaults);
    expect((await app.client().ok(OrganisationTimeZoneDocument)).organisation.timeZone).toBe('Asia/Tokyo');
  });

  it('skips the 2027 national holidays by default, unless switched off', async () => {
    // Wed 28 April 2027, 10:00 in Tokyo: 昭和の日 (29 Apr) and 3–5 May are skipped → Tue 18 May.
    expect(await dueFor('2027-04-28T01:00:00.000Z')).toBe('2027-05-18T14:59:59.999Z');
    await settle({ observeJapaneseHolidays: false });
    expect(await dueFor('2027-04-28T01:00:00.000Z')).toBe('2027-05-12T14:59:59.999Z');
    await settle({});
  });

  it('honours a one-off closed day and a changed recurring rule over the year end', async () => {
    // Fri 25 Dec 2026: 28 Dec counts, 29 Dec – 3 Jan closed, 4–8 Jan count, 11 Jan is 成人の日.
    expect(await dueFor('2026-12-25T01:00:00.000Z')).toBe('2027-01-15T14:59:59.999Z');
    await settle({ holidays: ['2027-01-12'] });
    expect(await dueFor('2026-12-25T01:00:00.000Z')).toBe('2027-01-18T14:59:59.999Z');
    // Closed only 29–31 Dec (five business days, so the change shows alone):
    await settle({ responsePeriodDays: 5, recurringClosedDays: ['12-29', '12-30', '12-31'] });
    // 28 Dec (1), 1 Jan 元日, 4 (2), 5 (3), 6 (4), 7 (5).
    expect(await dueFor('2026-12-25T01:00:00.000Z')).toBe('2027-01-07T14:59:59.999Z');
    await settle({ responsePeriodDays: 5, recurringClosedDays: [] });
    // 28, 29, 30, 31 Dec (4), 1 Jan 元日, 4 Jan (5).
    expect(await dueFor('2026-12-25T01:00:00.000Z')).toBe('2027-01-04T14:59:59.999Z');
    await settle({});
  });

  it('counts in the zone: 23:30 UTC on a Thursday is Friday in Tokyo, still Thursday in UTC', async () => {
    await settle({ responsePeriodDays: 1 });
    expect(await dueFor('2026-04-09T23:30:00.000Z')).toBe('2026-04-13T14:59:59.999Z'); // Mon in Tokyo
    const saved = await settle({ responsePeriodDays: 1, timeZone: 'utc' });
    expect(saved.updateRequestSettings.timeZone).toBe('UTC');
    expect((await app.client().ok(OrganisationTimeZoneDocument)).organisation.timeZone).toBe('UTC');
    expect(await dueFor('2026-04-09T23:30:00.000Z')).toBe('2026-04-10T23:59:59.999Z'); // Fri in UTC
    await settle({});
  });

  it('refuses an unknown zone and a malformed recurring day, naming the fields', async () => {
    const bad = await owner.request(UpdateRequestSettingsDocument, {
      input: { ...defaults, timeZone: 'Asia/Atlantis', recurringClosedDays: ['12-29', '13-01'] },
    });
    expect(errorOf(bad).code).toBe('BAD_USER_INPUT');
    expect(errorOf(bad).issues!.map((i) => [i.field, i.code])).toEqual([
      ['input.timeZone', 'INVALID_VALUE'],
      ['input.recurringClosedDays[1]', 'INVALID_FORMAT'],
    ]);
    expect((await owner.ok(RequestSettingsDocument)).requestSettings.timeZone).toBe('Asia/Tokyo');
  });
});

import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { OrganisationSettingsQuery, RequestSettingsQuery } from '@steward/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, setFormatLocale } from '../../components/format.js';
import { ORGANISATION_SETTINGS } from '../../test/factories.js';
import { renderApp } from '../../test/render.js';
import { graphQLError } from '../../test/stub-api.js';

const org = ORGANISATION_SETTINGS;

/** The calendar as a new organisation has it. */
const requestSettings: RequestSettingsQuery['requestSettings'] = {
  responsePeriodDays: 10,
  unit: 'BUSINESS_DAYS',
  timeZone: 'Asia/Tokyo',
  observeJapaneseHolidays: true,
  recurringClosedDays: ['12-29', '12-30', '12-31', '01-01', '01-02', '01-03'],
  holidays: [],
};

describe('organisation settings', () => {
  afterEach(() => setFormatLocale({ language: 'en', timeZone: undefined }));

  it("shows dates in the organisation's time zone once signed in", async () => {
    // A due date: the end of 18 May in Tokyo. Kiritimati (UTC+14) is already on the 19th.
    const due = '2027-05-18T14:59:59.999Z';
    renderApp('/settings/organisation', {
      role: 'OWNER',
      handlers: {
        OrganisationTimeZone: () => ({ data: { organisation: { id: 'org', timeZone: 'Pacific/Kiritimati' } } }),
        OrganisationSettings: () => ({ data: org }),
      },
    });
    await screen.findByLabelText('E-mail');
    expect(formatDate(due)).toBe('19 May 2027');
    expect(formatDate(due, 'Asia/Tokyo')).toBe('18 May 2027');
  });

  it('lets an owner save valid contact details with the version, after checking them locally', async () => {
    const { api } = renderApp('/settings/organisation', {
      role: 'OWNER',
      handlers: {
        OrganisationSettings: () => ({ data: org }),
        UpdateOrganisation: () => ({ data: { updateOrganisation: { ...org.organisation, version: 2 } } }),
      },
    });
    const email = await screen.findByLabelText('E-mail');
    fireEvent.change(email, { target: { value: 'privacy@' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/not valid|domain|"@"/)).toBeTruthy();
    expect(api.callsOf('UpdateOrganisation')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: 'privacy@jspe.or.jp' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.callsOf('UpdateOrganisation')[0]?.variables['input']).toMatchObject({
        expectedVersion: 1,
        email: 'privacy@jspe.or.jp',
      }),
    );
  });

  it('edits the Japanese and English texts side by side and sends both', async () => {
    const { api } = renderApp('/settings/organisation', {
      role: 'OWNER',
      handlers: {
        OrganisationSettings: () => ({ data: org }),
        UpdateOrganisation: () => ({ data: { updateOrganisation: { ...org.organisation, version: 2 } } }),
      },
    });
    const hoursJa = await screen.findByLabelText('Office hours (Japanese)');
    expect((hoursJa as HTMLTextAreaElement).value).toBe('平日 9:30〜17:00');
    expect((screen.getByLabelText('Secretariat (English)') as HTMLInputElement).value).toBe('JSPE Secretariat');
    fireEvent.change(screen.getByLabelText('Postal address (Japanese)'), {
      target: { value: '〒102-0073 九段北1-5-9' },
    });
    fireEvent.change(hoursJa, { target: { value: '平日 10:00〜16:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.callsOf('UpdateOrganisation')[0]?.variables['input']).toMatchObject({
        secretariatName: 'JSPE Secretariat',
        secretariatNameJa: '精密工学会 事務局',
        postalAddressJa: '〒102-0073 九段北1-5-9',
        officeHoursJa: '平日 10:00〜16:00',
        officeHoursEn: 'Weekdays 9:30–17:00',
      }),
    );
  });

  it('says at once when the policy in force names other contact details, and offers the updated draft', async () => {
    const drifting: OrganisationSettingsQuery = {
      organisation: {
        ...org.organisation,
        contactDrift: [
          { field: 'telephone', language: 'ja', current: '+81-3-1234-5678', published: '03-5226-5191' },
          { field: 'email', language: 'en', current: 'office@jspe.or.jp', published: null },
        ],
      },
    };
    const { api } = renderApp('/settings/organisation', {
      role: 'PRIVACY_OFFICER',
      handlers: {
        OrganisationSettings: () => ({ data: drifting }),
        CreateContactUpdateDraft: () => graphQLError('CONFLICT', 'A draft exists', { field: 'draft' }),
      },
    });
    expect(await screen.findByText('The policy in force names other contact details')).toBeTruthy();
    expect(
      screen.getByText('Telephone (Japanese text): the policy says 03-5226-5191; the settings say +81-3-1234-5678'),
    ).toBeTruthy();
    expect(screen.getByText('E-mail (English text): the policy does not name office@jspe.or.jp')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start a draft with clause 8 updated' }));
    expect(await screen.findByText(/A draft is open already/)).toBeTruthy();
    expect(api.callsOf('CreateContactUpdateDraft')).toHaveLength(1);
  });

  it('tells a Japanese reader in Japanese, from the catalogue', async () => {
    const drifting: OrganisationSettingsQuery = {
      organisation: {
        ...org.organisation,
        contactDrift: [{ field: 'fax', language: 'ja', current: '+81-3-1234-0000', published: '03-5226-5192' }],
      },
    };
    renderApp('/settings/organisation', {
      role: 'OWNER',
      language: 'ja',
      handlers: { OrganisationSettings: () => ({ data: drifting }) },
    });
    expect(await screen.findByText('施行中のポリシーには別の連絡先が記載されています')).toBeTruthy();
    expect(
      screen.getByText('FAX番号（日本語の本文）: ポリシーの記載は 03-5226-5192、設定は +81-3-1234-0000'),
    ).toBeTruthy();
    expect(screen.getByLabelText('受付時間（日本語）')).toBeTruthy();
  });

  it('shows no drift warning when the policy names the settings', async () => {
    renderApp('/settings/organisation', {
      role: 'OWNER',
      handlers: { OrganisationSettings: () => ({ data: org }) },
    });
    await screen.findByLabelText('E-mail');
    expect(screen.queryByText('The policy in force names other contact details')).toBeNull();
  });

  it('is read-only for a privacy officer', async () => {
    renderApp('/settings/organisation', {
      role: 'PRIVACY_OFFICER',
      handlers: { OrganisationSettings: () => ({ data: org }) },
    });
    expect(await screen.findByText(/Only owners edit/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });

  it('lets an owner set the response period and calendar, checking closed days locally and naming the line', async () => {
    const settings = { requestSettings: { ...requestSettings, holidays: ['2026-01-01'] } };
    const { api } = renderApp('/settings/organisation', {
      role: 'OWNER',
      handlers: {
        OrganisationSettings: () => ({ data: org }),
        RequestSettings: () => ({ data: settings }),
        UpdateRequestSettings: () => ({
          data: { updateRequestSettings: { ...settings.requestSettings, responsePeriodDays: 14 } },
        }),
      },
    });
    const period = await screen.findByLabelText('Response period');
    fireEvent.change(period, { target: { value: '14' } });
    fireEvent.change(screen.getByLabelText('One-off closed days'), { target: { value: '2026-01-01\n2026-02-30' } });
    fireEvent.change(screen.getByLabelText('Closed every year'), { target: { value: '12-29\n12-32' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save response period' }));
    expect(await screen.findByText(/Line 2: Use a date/)).toBeTruthy();
    expect(screen.getByText(/Line 2: Use a day of the year/)).toBeTruthy();
    expect(api.callsOf('UpdateRequestSettings')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('One-off closed days'), { target: { value: '2026-01-01\n\n2026-01-02 ' } });
    fireEvent.change(screen.getByLabelText('Closed every year'), { target: { value: '12-31\n01-01' } });
    fireEvent.click(screen.getByLabelText('Japanese national holidays are not business days'));
    fireEvent.click(screen.getByRole('button', { name: 'Save response period' }));
    await waitFor(() =>
      expect(api.callsOf('UpdateRequestSettings')[0]?.variables['input']).toEqual({
        responsePeriodDays: 14,
        unit: 'BUSINESS_DAYS',
        timeZone: 'Asia/Tokyo',
        observeJapaneseHolidays: false,
        recurringClosedDays: ['12-31', '01-01'],
        holidays: ['2026-01-01', '2026-01-02'],
      }),
    );
  });

  it("shows the server's refusal of a time zone on the zone field", async () => {
    const settings = { requestSettings };
    renderApp('/settings/organisation', {
      role: 'OWNER',
      handlers: {
        OrganisationSettings: () => ({ data: org }),
        RequestSettings: () => ({ data: settings }),
        UpdateRequestSettings: () => ({
          data: null,
          errors: [
            {
              message: 'Invalid input',
              extensions: {
                code: 'BAD_USER_INPUT',
                field: 'input.timeZone',
                issues: [
                  {
                    field: 'input.timeZone',
                    code: 'INVALID_VALUE',
                    message: 'Use an IANA time zone such as Asia/Tokyo.',
                  },
                ],
              },
            },
          ],
        }),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Save response period' }));
    expect(await screen.findByText('Use an IANA time zone such as Asia/Tokyo.')).toBeTruthy();
    const zoneInputs = screen.getAllByLabelText('Time zone').filter((el) => el.tagName === 'INPUT');
    expect(zoneInputs.some((el) => el.getAttribute('aria-invalid') === 'true')).toBe(true);
  });

  it('shows the response period read-only to a privacy officer', async () => {
    renderApp('/settings/organisation', {
      role: 'PRIVACY_OFFICER',
      handlers: {
        OrganisationSettings: () => ({ data: org }),
        RequestSettings: () => ({ data: { requestSettings } }),
      },
    });
    expect(((await screen.findByLabelText('Response period')) as HTMLInputElement).readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save response period' })).toBeNull();
  });

  it('speaks Japanese: the page, its fields and the response period, naming the line in Japanese', async () => {
    renderApp('/settings/organisation', {
      role: 'OWNER',
      language: 'ja',
      handlers: {
        OrganisationSettings: () => ({ data: org }),
        RequestSettings: () => ({ data: { requestSettings } }),
      },
    });
    expect(await screen.findByRole('heading', { name: '組織と事務局' })).toBeTruthy();
    expect(await screen.findByLabelText('電子メール')).toBeTruthy();
    expect(screen.getByRole('button', { name: '保存' })).toBeTruthy();
    expect(screen.getByRole('region', { name: '開示等の請求への回答期間と営業日カレンダー' })).toBeTruthy();
    fireEvent.change(await screen.findByLabelText('臨時休業日'), { target: { value: '2026-01-01\n2026-02-30' } });
    fireEvent.click(screen.getByRole('button', { name: '回答期間を保存' }));
    expect(await screen.findByText(/^2行目：/)).toBeTruthy();
  });
});

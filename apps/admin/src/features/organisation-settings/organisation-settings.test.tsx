import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ORGANISATION_SETTINGS } from '../../test/factories.js';
import { renderApp } from '../../test/render.js';

const org = ORGANISATION_SETTINGS;

describe('organisation settings', () => {
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

  it('is read-only for a privacy officer', async () => {
    renderApp('/settings/organisation', {
      role: 'PRIVACY_OFFICER',
      handlers: { OrganisationSettings: () => ({ data: org }) },
    });
    expect(await screen.findByText(/Only owners edit/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });

  it('lets an owner set the response period, checking holiday dates locally and naming the line', async () => {
    const settings = {
      requestSettings: {
        responsePeriodDays: 10,
        unit: 'BUSINESS_DAYS' as const,
        timeZoneOffsetMinutes: 540,
        holidays: ['2026-01-01'],
      },
    };
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
    fireEvent.change(screen.getByLabelText('Holidays'), { target: { value: '2026-01-01\n2026-02-30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save response period' }));
    expect(await screen.findByText(/Line 2:/)).toBeTruthy();
    expect(api.callsOf('UpdateRequestSettings')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('Holidays'), { target: { value: '2026-01-01\n\n2026-01-02 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save response period' }));
    await waitFor(() =>
      expect(api.callsOf('UpdateRequestSettings')[0]?.variables['input']).toEqual({
        responsePeriodDays: 14,
        unit: 'BUSINESS_DAYS',
        timeZoneOffsetMinutes: 540,
        holidays: ['2026-01-01', '2026-01-02'],
      }),
    );
  });

  it('shows the response period read-only to a privacy officer', async () => {
    renderApp('/settings/organisation', {
      role: 'PRIVACY_OFFICER',
      handlers: {
        OrganisationSettings: () => ({ data: org }),
        RequestSettings: () => ({
          data: {
            requestSettings: {
              responsePeriodDays: 10,
              unit: 'BUSINESS_DAYS',
              timeZoneOffsetMinutes: 540,
              holidays: [],
            },
          },
        }),
      },
    });
    expect(((await screen.findByLabelText('Response period')) as HTMLInputElement).readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save response period' })).toBeNull();
  });
});

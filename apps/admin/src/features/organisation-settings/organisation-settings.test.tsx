import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { OrganisationSettingsQuery } from '@steward/schema';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render.js';

const org: OrganisationSettingsQuery = {
  organisation: {
    id: 'org',
    name: 'JSPE',
    nameJa: '精密工学会',
    version: 1,
    secretariat: { name: 'JSPE Secretariat', postalAddress: '1-5-9 Kudan-kita', telephone: '+81-3-5226-5191', fax: '+81-3-5226-5192', email: 'jspe_jspe@jspe.or.jp' },
  },
};

describe('organisation settings', () => {
  it('lets an owner save valid contact details with the version, after checking them locally', async () => {
    const { api } = renderApp('/settings/organisation', {
      role: 'OWNER',
      handlers: { OrganisationSettings: () => ({ data: org }), UpdateOrganisation: () => ({ data: { updateOrganisation: { ...org.organisation, version: 2 } } }) },
    });
    const email = await screen.findByLabelText('E-mail');
    fireEvent.change(email, { target: { value: 'privacy@' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/not valid|domain|"@"/)).toBeTruthy();
    expect(api.callsOf('UpdateOrganisation')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: 'privacy@jspe.or.jp' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.callsOf('UpdateOrganisation')[0]?.variables['input']).toMatchObject({ expectedVersion: 1, email: 'privacy@jspe.or.jp' }));
  });

  it('is read-only for a privacy officer', async () => {
    renderApp('/settings/organisation', { role: 'PRIVACY_OFFICER', handlers: { OrganisationSettings: () => ({ data: org }) } });
    expect(await screen.findByText(/Only owners edit/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });
});

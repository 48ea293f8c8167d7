import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildCollection, buildProvider, collectionFormOptions } from '../../test/factories.js';
import { renderApp } from '../../test/render.js';
import { graphQLError, type Handlers } from '../../test/stub-api.js';

function baseHandlers(extra: Handlers = {}): Handlers {
  return {
    CollectionFormOptions: () => ({ data: collectionFormOptions(3) }),
    Provider: () => ({ data: { provider: buildProvider() } }),
    ...extra,
  };
}

async function fillValidNewProviderForm() {
  fireEvent.change(await screen.findByLabelText(/Provider kind/), { target: { value: 'SERVICE_USER' } });
  fireEvent.change(screen.getByLabelText(/Channel/), { target: { value: 'PAPER_FORM' } });
  fireEvent.change(screen.getByLabelText(/Consent method/), { target: { value: 'SIGNED_FORM' } });
  fireEvent.click(screen.getByLabelText('Journal delivery'));
  const journal = screen.getByRole('radiogroup', { name: 'Consent to Journal delivery' });
  fireEvent.click(within(journal).getByLabelText('Granted'));
  fireEvent.click(screen.getByLabelText('Event notices'));
  fireEvent.click(
    within(screen.getByRole('radiogroup', { name: 'Consent to Event notices' })).getByLabelText('Refused'),
  );

  fireEvent.change(screen.getByLabelText('Item 1 category'), { target: { value: 'NAME' } });
  fireEvent.change(screen.getByLabelText('Item 1 value'), { target: { value: 'Hanako Yamada' } });
  fireEvent.click(screen.getByRole('button', { name: 'Add data item' }));
  fireEvent.change(screen.getByLabelText('Item 2 category'), { target: { value: 'POSTAL_ADDRESS' } });
  fireEvent.change(screen.getByLabelText('Item 2 value'), { target: { value: '1-5-9 Kudan-kita, Chiyoda-ku' } });
}

function describedText(element: HTMLElement): string {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('record a collection', () => {
  it('offers only the categories the chosen (not refused) purposes need', async () => {
    renderApp('/collections/new', { handlers: baseHandlers() });
    const category = await screen.findByLabelText('Item 1 category');
    expect(
      within(category)
        .queryAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Category…']);
    expect(screen.getByRole('button', { name: 'Add data item' })).toHaveProperty('disabled', true);

    fireEvent.click(screen.getByLabelText('Event notices'));
    await waitFor(() =>
      expect(
        within(screen.getByLabelText('Item 1 category'))
          .getAllByRole('option')
          .map((o) => o.getAttribute('value')),
      ).toEqual(['', 'NAME', 'NAME_READING', 'EMAIL']),
    );
    fireEvent.click(
      within(screen.getByRole('radiogroup', { name: 'Consent to Event notices' })).getByLabelText('Refused'),
    );
    await waitFor(() =>
      expect(
        within(screen.getByLabelText('Item 1 category'))
          .getAllByRole('option')
          .map((o) => o.getAttribute('value')),
      ).toEqual(['']),
    );
  });

  it('shows the current policy version as the version shown', async () => {
    renderApp('/collections/new', { handlers: baseHandlers() });
    const field = await screen.findByLabelText('Policy version shown');
    expect((field as HTMLInputElement).value).toBe('Version 3');
    expect(field).toHaveProperty('readOnly', true);
  });

  it('checks the form before sending and marks the fields', async () => {
    const { api } = renderApp('/collections/new', { handlers: baseHandlers() });
    fireEvent.click(await screen.findByRole('button', { name: 'Record collection' }));
    expect(await screen.findByText('The collection was not recorded')).toBeTruthy();
    expect(screen.getByLabelText(/Provider kind/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText(/Channel/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Item 1 category').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Specify at least one purpose of use (policy clause 1).')).toBeTruthy();
    expect(api.callsOf('RecordCollection')).toHaveLength(0);
  });

  it('checks item values with policy-core when the field is left', async () => {
    renderApp('/collections/new', { handlers: baseHandlers() });
    fireEvent.click(await screen.findByLabelText('Event notices'));
    fireEvent.change(screen.getByLabelText('Item 1 category'), { target: { value: 'EMAIL' } });
    const value = screen.getByLabelText('Item 1 value');
    fireEvent.change(value, { target: { value: 'not an address' } });
    fireEvent.blur(value);
    await waitFor(() => expect(screen.getByLabelText('Item 1 value').getAttribute('aria-invalid')).toBe('true'));
  });

  it('sends the input and lands on the provider with the receipt', async () => {
    const recorded = buildCollection({ id: 'coll-new' });
    const provider = buildProvider({ id: 'prov-new', reference: 'R-00042', collections: [recorded] });
    const { api, router } = renderApp('/collections/new', {
      handlers: baseHandlers({
        RecordCollection: () => ({
          data: { recordCollection: { provider, collection: recorded, receipt: recorded.receipt } },
        }),
        Provider: () => ({ data: { provider } }),
      }),
    });
    await fillValidNewProviderForm();
    const language = screen.getByLabelText(/^Language/);
    expect(
      within(language)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Default (English)', '日本語', 'English']); // the organisation's default (the stub's: English)
    fireEvent.change(language, { target: { value: 'en' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record collection' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/providers/prov-new'));
    expect(router.state.location.search).toBe('?recorded=coll-new');
    expect(api.callsOf('RecordCollection')[0]?.variables).toEqual({
      input: {
        newProvider: { kind: 'SERVICE_USER', reference: null },
        channel: 'PAPER_FORM',
        consentMethod: 'SIGNED_FORM',
        policyVersionShown: 3,
        language: 'en',
        purposes: [
          { purposeKey: 'journal-delivery', granted: true },
          { purposeKey: 'event-notices', granted: false },
        ],
        items: [
          { category: 'NAME', value: 'Hanako Yamada', publiclyAvailable: false, publicProvenance: null },
          {
            category: 'POSTAL_ADDRESS',
            value: '1-5-9 Kudan-kita, Chiyoda-ku',
            publiclyAvailable: false,
            publicProvenance: null,
          },
        ],
        source: null,
        note: null,
      },
    });
    expect(await screen.findByText('Collection recorded')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Consent receipt rcpt-0001' })).toBeTruthy();
  });

  it('puts the API issues on the inputs they concern', async () => {
    renderApp('/collections/new', {
      handlers: baseHandlers({
        RecordCollection: () =>
          graphQLError('BAD_USER_INPUT', 'The collection is not valid.', {
            field: 'input.items[1].value',
            issues: [
              { field: 'input.items[1].value', code: 'INVALID_FORMAT', message: 'The address is incomplete.' },
              {
                field: 'input.purposes[1].purposeKey',
                code: 'RETIRED_PURPOSE',
                message: 'Purpose "event-notices" is retired.',
              },
              {
                field: 'input.policyVersionShown',
                code: 'POLICY_VERSION_NOT_CURRENT',
                message: 'Version 4 is current.',
              },
              { field: 'input.newProvider.reference', code: 'DUPLICATE', message: 'This reference is taken.' },
            ],
          }),
      }),
    });
    await fillValidNewProviderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Record collection' }));

    const value = await screen.findByLabelText('Item 2 value');
    await waitFor(() => expect(value.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(value)).toContain('The address is incomplete.');
    expect(screen.getByLabelText('Item 1 value').getAttribute('aria-invalid')).not.toBe('true');

    const policy = screen.getByLabelText('Policy version shown');
    expect(policy.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(policy)).toContain('Version 4 is current.');

    const reference = screen.getByLabelText('Reference');
    expect(describedText(reference)).toContain('This reference is taken.');

    // input.purposes[1] was the second ticked purpose: Event notices.
    const events = screen.getByRole('radiogroup', { name: 'Consent to Event notices' });
    expect(describedText(events)).toContain('Purpose "event-notices" is retired.');
    const journal = screen.getByRole('radiogroup', { name: 'Consent to Journal delivery' });
    expect(describedText(journal)).not.toContain('retired');
  });

  it('records for an existing provider with its version and explains a conflict', async () => {
    const { api } = renderApp('/collections/new?providerId=prov-1', {
      handlers: baseHandlers({
        RecordCollection: () =>
          graphQLError('CONFLICT', 'The provider was changed.', {
            field: 'expectedProviderVersion',
            currentVersion: 6,
          }),
      }),
    });
    expect(await screen.findByText('R-00001')).toBeTruthy();
    expect(screen.queryByLabelText(/Provider kind/)).toBeNull();
    fireEvent.change(screen.getByLabelText(/Channel/), { target: { value: 'EMAIL' } });
    fireEvent.change(screen.getByLabelText(/Consent method/), { target: { value: 'EMAIL_REPLY' } });
    fireEvent.click(screen.getByLabelText('Event notices'));
    fireEvent.click(
      within(screen.getByRole('radiogroup', { name: 'Consent to Event notices' })).getByLabelText('Granted'),
    );
    fireEvent.change(screen.getByLabelText('Item 1 category'), { target: { value: 'EMAIL' } });
    fireEvent.change(screen.getByLabelText('Item 1 value'), { target: { value: 'hanako@example.jp' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record collection' }));

    expect(await screen.findByText(/Someone else changed this provider/)).toBeTruthy();
    const input = api.callsOf('RecordCollection')[0]!.variables.input;
    expect(input).toMatchObject({ providerId: 'prov-1', expectedProviderVersion: 5 });
    expect(input.newProvider).toBeUndefined();
    // What the admin entered is kept.
    expect((screen.getByLabelText('Item 1 value') as HTMLInputElement).value).toBe('hanako@example.jp');

    const before = api.callsOf('Provider').length;
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(api.callsOf('Provider').length).toBeGreaterThan(before));
  });

  it('is not available to viewers', async () => {
    const { api } = renderApp('/collections/new', { role: 'VIEWER', handlers: baseHandlers() });
    expect(await screen.findByText('Read-only access')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Record collection' })).toBeNull();
    expect(api.callsOf('CollectionFormOptions')).toHaveLength(0);
  });

  it('speaks Japanese: headings, purposes by their Japanese title, and its own checks', async () => {
    renderApp('/collections/new', { language: 'ja', handlers: baseHandlers() });
    expect(await screen.findByRole('heading', { name: '個人情報の取得の記録' })).toBeTruthy();
    expect(await screen.findByRole('group', { name: '取得の方法' })).toBeTruthy();
    expect(screen.getByText('本人に示した利用目的')).toBeTruthy();
    expect(screen.getByRole('button', { name: '項目を追加' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByLabelText('会誌の送付'));
    expect(screen.getByRole('radiogroup', { name: '「会誌の送付」への同意' })).toBeTruthy();
    expect(await screen.findByText(/選択した利用目的に必要な項目：/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '取得を記録' }));
    expect(await screen.findByText('取得は記録されませんでした')).toBeTruthy();
    expect(screen.getByText('取得経路を選択してください。')).toBeTruthy();
    expect(screen.getByText('本人が同意したか拒否したかを記録してください。')).toBeTruthy();
  });
});

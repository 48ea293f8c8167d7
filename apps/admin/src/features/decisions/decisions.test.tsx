import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DecisionQuery } from '@steward/schema';
import { describe, expect, it } from 'vitest';
import { PURPOSES } from '../../test/factories.js';
import { renderApp } from '../../test/render.js';
import { buildRecipient } from '../exceptions/exception-fixtures.js';

/** The tester with the purposes and recipients it offers, answering every Decision query with `decision`. */
function renderTester(decision: DecisionQuery['decision']) {
  return renderApp('/decision-tester', {
    handlers: {
      Purposes: () => ({ data: { purposes: PURPOSES } }),
      Recipients: () => ({ data: { recipients: [buildRecipient()] } }),
      Decision: () => ({ data: { decision } }),
    },
  });
}

describe('decision tester', () => {
  it('asks for a provision and explains the answer with every reason', async () => {
    const { api } = renderTester({
      allowed: true,
      basis: {
        kind: 'EXCEPTION',
        exceptionId: 'exc-1',
        exceptionKind: 'OUTSOURCING',
        exceptionTitle: 'Journal delivery by courier',
        evidence: [{ key: 'contractReference', label: 'Contract reference', value: 'C-2025-07' }],
      },
      permitted: ['NAME', 'POSTAL_ADDRESS'],
      refused: ['EMAIL'],
      reasons: [
        {
          code: 'EXCEPTION_APPLIES',
          message: 'Outsourcing exception “Journal delivery by courier” covers it.',
          category: 'NAME',
          exceptionId: 'exc-1',
          params: [],
        },
        {
          code: 'EXCEPTION_CATEGORY_NOT_COVERED',
          message: 'The exception does not cover e-mail addresses.',
          category: 'EMAIL',
          exceptionId: 'exc-1',
          params: [],
        },
      ],
      policyVersion: 3,
      decidedAt: '2025-05-01T00:00:00Z',
      ledgerSequence: 42,
    });
    expect(await screen.findByText(/Every decision, allowed or denied, is written to the ledger/)).toBeTruthy();
    const form = await screen.findByRole('form', { name: 'Decision request' });
    fireEvent.click(within(form).getByRole('radio', { name: 'Provision to a third party' }));
    fireEvent.change(within(form).getByLabelText(/Provider id/), { target: { value: 'prov-1' } });
    fireEvent.change(within(form).getByLabelText(/^Purpose/), { target: { value: 'journal-delivery' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Name' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'E-mail address' }));
    fireEvent.change(await within(form).findByLabelText(/^Recipient/), { target: { value: 'rcp-1' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Decide' }));

    const result = await screen.findByRole('region', { name: 'Decision' });
    expect(within(result).getByText('Allowed')).toBeTruthy();
    // The exception by its title, never its id.
    expect(within(result).getByRole('link', { name: 'Journal delivery by courier' }).getAttribute('href')).toBe(
      '/exceptions/exc-1',
    );
    expect(within(result).queryByText(/exc-1/)).toBeNull();
    // Which exception, with which evidence.
    const evidence = within(result).getByRole('list', { name: 'Evidence' });
    expect(within(evidence).getByRole('listitem').textContent).toBe('Contract reference: C-2025-07');
    const reasons = within(result).getByRole('list', { name: 'Reasons' });
    expect(within(reasons).getAllByRole('listitem')).toHaveLength(2);
    expect(within(reasons).getByText(/does not cover e-mail addresses/)).toBeTruthy();
    // Categories by their labels only: no raw category code next to a reason.
    expect(within(reasons).queryByText(/\bEMAIL\b|\bNAME\b/)).toBeNull();
    expect(within(result).getByText(/ledger entry #42/)).toBeTruthy();
    await waitFor(() => expect(api.callsOf('Decision')).toHaveLength(1));
    expect(api.callsOf('Decision')[0]?.variables).toEqual({
      input: {
        action: 'PROVIDE',
        providerId: 'prov-1',
        purposeKey: 'journal-delivery',
        categories: ['NAME', 'EMAIL'],
        recipientId: 'rcp-1',
      },
    });
  });

  it('asks about a purpose that is not stated by its key, checked with policy-core first', async () => {
    const { api } = renderTester({
      allowed: false,
      basis: null,
      permitted: [],
      refused: ['NAME'],
      reasons: [
        {
          code: 'PURPOSE_NOT_STATED',
          message: '"TAX_INQUIRY_2026" is not a stated purpose: only a permitted exception in effect can allow it.',
          category: null,
          exceptionId: null,
          params: [],
        },
      ],
      policyVersion: 3,
      decidedAt: '2025-05-01T00:00:00Z',
      ledgerSequence: 43,
    });
    const form = await screen.findByRole('form', { name: 'Decision request' });
    fireEvent.change(within(form).getByLabelText(/Provider id/), { target: { value: 'prov-1' } });
    fireEvent.change(within(form).getByLabelText(/^Purpose/), { target: { value: '(other)' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Name' }));
    const key = await within(form).findByLabelText(/^Purpose key/);
    fireEvent.change(key, { target: { value: 'tax inquiry' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Decide' }));
    expect(
      await within(form).findByText('Upper-case letters, digits and _ only, starting with a letter.'),
    ).toBeTruthy();
    expect(key.getAttribute('aria-invalid')).toBe('true');
    expect(api.callsOf('Decision')).toHaveLength(0);

    fireEvent.change(key, { target: { value: ' TAX_INQUIRY_2026 ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Decide' }));
    const result = await screen.findByRole('region', { name: 'Decision' });
    expect(within(result).getByText('Denied')).toBeTruthy();
    expect(within(result).getByText(/is not a stated purpose/)).toBeTruthy();
    expect(api.callsOf('Decision')[0]?.variables).toEqual({
      input: {
        action: 'USE',
        providerId: 'prov-1',
        purposeKey: 'TAX_INQUIRY_2026',
        categories: ['NAME'],
        recipientId: null,
      },
    });
  });

  it('reads in Japanese: the form, its checks and the answer', async () => {
    renderApp('/decision-tester', {
      language: 'ja',
      handlers: {
        Purposes: () => ({ data: { purposes: PURPOSES } }),
        Recipients: () => ({ data: { recipients: [buildRecipient()] } }),
        Decision: () => ({
          data: {
            decision: {
              allowed: true,
              basis: { kind: 'CONSENT', exceptionId: null, exceptionKind: null, exceptionTitle: null, evidence: [] },
              permitted: ['NAME'],
              refused: [],
              reasons: [
                {
                  // The API words it in the caller's language; the tester words it in the one on screen.
                  code: 'EXCEPTION_APPLIES',
                  message: 'The exception "Journal courier" covers Name for use for "Journal delivery".',
                  category: 'NAME',
                  exceptionId: 'exc-1',
                  params: [
                    { name: 'action', value: 'USE' },
                    { name: 'exception', value: 'Journal courier' },
                    { name: 'exceptionId', value: 'exc-1' },
                    { name: 'category', value: 'NAME' },
                    { name: 'purpose', value: 'Journal delivery' },
                    { name: 'purposeKey', value: 'journal-delivery' },
                  ],
                },
              ],
              policyVersion: 3,
              decidedAt: '2025-05-01T00:00:00Z',
              ledgerSequence: 44,
            },
          },
        }),
      },
    });
    const form = await screen.findByRole('form', { name: '判定の依頼' });
    expect(screen.getByRole('heading', { name: '利用可否の判定テスト' })).toBeTruthy();
    expect(within(form).getByRole('option', { name: '会誌の送付' })).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: '判定する' }));
    expect(await within(form).findByText('情報提供者を選択してください。')).toBeTruthy();
    expect(within(form).getByText('項目を1つ以上選択してください。')).toBeTruthy();

    fireEvent.change(within(form).getByLabelText(/情報提供者ID/), { target: { value: 'prov-1' } });
    fireEvent.change(within(form).getByLabelText(/^利用目的/), { target: { value: 'journal-delivery' } });
    expect(within(form).getByRole('radio', { name: '第三者提供' })).toBeTruthy();
    fireEvent.click(within(form).getByRole('checkbox', { name: '氏名' }));
    fireEvent.click(within(form).getByRole('button', { name: '判定する' }));
    const result = await screen.findByRole('region', { name: '判定結果' });
    expect(within(result).getByText('許可')).toBeTruthy();
    expect(within(result).getByTestId('decision-basis').textContent).toBe('同意を得た公表済みの利用目的');
    expect(within(result).getByText(/ポリシー第3版・2025年5月1日/).textContent).toContain('台帳の記録 #44');
    // The reason from its code and params: the exception by its title, the purpose and category in Japanese.
    const reasons = within(result).getByRole('list', { name: '理由' });
    expect(within(reasons).getByRole('listitem').textContent).toContain(
      '例外「Journal courier」により、「会誌の送付」のための氏名の利用が認められます。',
    );
  });

  it('is a read-only notice for viewers', async () => {
    const { api } = renderApp('/decision-tester', { role: 'VIEWER' });
    expect(await screen.findByText('Owners and privacy officers run the decision tester.')).toBeTruthy();
    expect(api.callsOf('Decision')).toHaveLength(0);
  });
});

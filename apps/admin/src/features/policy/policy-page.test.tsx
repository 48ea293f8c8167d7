import { screen, within } from '@testing-library/react';
import { POLICY_CLAUSES } from '@steward/policy-core';
import type { PolicyPageQuery } from '@steward/schema';
import { describe, expect, it } from 'vitest';
import { SECRETARIAT } from '../../test/factories.js';
import { renderApp } from '../../test/render.js';

function policyPage(): PolicyPageQuery {
  return {
    organisation: {
      id: 'org',
      name: 'The Japan Society for Precision Engineering',
      nameJa: '公益社団法人 精密工学会',
      secretariat: {
        ...SECRETARIAT,
        name: 'The Japan Society for Precision Engineering Secretariat',
        nameEn: 'The Japan Society for Precision Engineering Secretariat',
        nameJa: '公益社団法人精密工学会 事務局',
      },
      contactDrift: [],
    },
    currentPolicy: {
      id: 'pv1',
      number: 1,
      status: 'PUBLISHED',
      publishedAt: '2005-11-18T00:00:00Z',
      changeSummaryJa: '理事会承認により制定。',
      changeSummaryEn: 'Constituted by the Board of Directors.',
      contentHash: 'd'.repeat(64),
      // Sent out of order on purpose: the page orders by clause number.
      sections: [...POLICY_CLAUSES].reverse().map((clause) => {
        const number = POLICY_CLAUSES.indexOf(clause) + 1;
        return {
          clause,
          number,
          titleEn: `Title ${number}`,
          titleJa: `見出し${number}`,
          bodyEn: `Body ${number}`,
          bodyJa: `本文${number}`,
        };
      }),
    },
    policyVersions: [
      {
        id: 'pv1',
        number: 1,
        status: 'PUBLISHED',
        publishedAt: '2005-11-18T00:00:00Z',
        changeSummaryJa: '制定。',
        changeSummaryEn: 'Constituted.',
        contentHash: 'd'.repeat(64),
      },
    ],
  };
}

describe('policy page', () => {
  it('shows the version facts, the eight sections in English and Japanese, and the secretariat', async () => {
    renderApp('/policy', { role: 'VIEWER', handlers: { PolicyPage: () => ({ data: policyPage() }) } });
    expect(await screen.findByText('Version 1')).toBeTruthy();
    expect(screen.getByLabelText('Content hash').textContent).toBe('d'.repeat(64));

    const clauses = screen.getAllByRole('article');
    expect(clauses.map((c) => c.getAttribute('aria-label'))).toEqual(POLICY_CLAUSES.map((_, i) => `Clause ${i + 1}`));
    const first = clauses[0]!;
    expect(within(first).getByText('(1) Title 1')).toBeTruthy();
    expect(within(first).getByText('（1）見出し1')).toBeTruthy();
    expect(within(first).getByText('本文1').closest('[lang]')?.getAttribute('lang')).toBe('ja');

    const contact = screen.getByRole('region', { name: 'Secretariat contact' });
    expect(within(contact).getByText('jspe_jspe@jspe.or.jp').getAttribute('href')).toBe('mailto:jspe_jspe@jspe.or.jp');
    expect(within(contact).getByText(/TEL \+81-3-5226-5191/)).toBeTruthy();
    expect(within(contact).getByText('公益社団法人精密工学会 事務局').getAttribute('lang')).toBe('ja');
    expect(screen.getByText('理事会承認により制定。').getAttribute('lang')).toBe('ja');
    expect(screen.queryByText('The policy in force names other contact details')).toBeNull();
  });

  it('says at once when clause 8 names other contact details than the settings', async () => {
    const page = policyPage();
    page.organisation.contactDrift = [
      { field: 'postalAddress', language: 'ja', current: '〒113-0033 東京都文京区本郷2-3-4', published: null },
    ];
    renderApp('/policy', { role: 'VIEWER', handlers: { PolicyPage: () => ({ data: page }) } });
    expect(await screen.findByText('The policy in force names other contact details')).toBeTruthy();
    expect(screen.getByText(/clause 8 of version 1 still shows/)).toBeTruthy();
    expect(
      screen.getByText('Postal address (Japanese text): the policy does not name 〒113-0033 東京都文京区本郷2-3-4'),
    ).toBeTruthy();
    // A viewer is told, not offered the draft.
    expect(screen.queryByRole('button', { name: 'Start a draft with clause 8 updated' })).toBeNull();
  });
});

describe('policy page in Japanese', () => {
  it('shows the headings, facts and version table in Japanese, the bilingual text unchanged', async () => {
    renderApp('/policy', { role: 'VIEWER', language: 'ja', handlers: { PolicyPage: () => ({ data: policyPage() }) } });
    expect(await screen.findByRole('heading', { name: 'プライバシーポリシー' })).toBeTruthy();
    expect(screen.getByText('第1版')).toBeTruthy();
    expect(screen.getByText('公開済み・施行中')).toBeTruthy();
    expect(screen.getByRole('region', { name: '事務局の連絡先' })).toBeTruthy();
    expect(screen.getByText('お問い合わせ窓口（第8条）')).toBeTruthy();
    const clauses = screen.getAllByRole('article');
    expect(clauses[0]!.getAttribute('aria-label')).toBe('第1条');
    expect(within(clauses[0]!).getByText('（1）見出し1')).toBeTruthy();
    const versions = screen.getByRole('table', { name: 'ポリシーの版' });
    expect(within(versions).getByRole('columnheader', { name: '改定内容' })).toBeTruthy();
    expect(within(versions).getByText('現行')).toBeTruthy();
    expect(within(versions).getByText('2005年11月18日 09:00')).toBeTruthy();
    expect(screen.queryByText('Privacy policy')).toBeNull();
  });
});

import { screen, within } from '@testing-library/react';
import { POLICY_CLAUSES } from '@steward/policy-core';
import type { PolicyPageQuery } from '@steward/schema';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render.js';

function policyPage(): PolicyPageQuery {
  return {
    organisation: {
      id: 'org',
      name: 'The Japan Society for Precision Engineering',
      nameJa: '公益社団法人 精密工学会',
      secretariat: {
        name: 'The Japan Society for Precision Engineering Secretariat',
        postalAddress: 'Kudan-Seiwa Building, 1-5-9, Kudan-kita, Chiyoda-ku, Tokyo, 102-0073, JAPAN',
        telephone: '+81-3-5226-5191',
        fax: '+81-3-5226-5192',
        email: 'jspe_jspe@jspe.or.jp',
      },
    },
    currentPolicy: {
      id: 'pv1',
      number: 1,
      status: 'PUBLISHED',
      publishedAt: '2005-11-18T00:00:00Z',
      changeSummary: 'Constituted by the Board of Directors.',
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
        changeSummary: 'Constituted.',
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
  });
});

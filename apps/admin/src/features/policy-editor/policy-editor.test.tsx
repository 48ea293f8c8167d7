import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { POLICY_CLAUSES } from '@steward/policy-core';
import type { PolicyVersionFullFragment, PolicyImpactQuery, PolicyDiffQuery } from '@steward/schema';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render.js';
import { graphQLError } from '../../test/stub-api.js';

function version(
  number: number,
  status: 'DRAFT' | 'PUBLISHED',
  overrides: Partial<PolicyVersionFullFragment> = {},
): PolicyVersionFullFragment {
  return {
    id: `pv${number}`,
    number,
    status,
    publishedAt: status === 'PUBLISHED' ? '2005-11-18T00:00:00Z' : null,
    changeSummaryJa: status === 'DRAFT' ? '第7条を明確化。' : '制定。',
    changeSummaryEn: status === 'DRAFT' ? 'Clause 7 clarified.' : 'Constituted.',
    contentHash: 'a'.repeat(64),
    version: 3,
    sections: POLICY_CLAUSES.map((clause, i) => ({
      clause,
      number: i + 1,
      titleEn: `Title ${i + 1}`,
      titleJa: `見出し${i + 1}`,
      bodyEn: `Body ${i + 1}`,
      bodyJa: `本文${i + 1}`,
    })),
    contactDrift: [],
    purposes: [
      {
        key: 'EVENT_NEWS',
        titleEn: 'News',
        titleJa: 'ニュース',
        description: 'Newsletter.',
        descriptionJa: 'メールニュース。',
        categories: ['NAME', 'EMAIL'],
        retired: false,
      },
    ],
    ...overrides,
  };
}

const impact: PolicyImpactQuery = {
  policyImpact: {
    nextVersion: 2,
    providers: 10,
    providersToAsk: 4,
    consentsMissing: 4,
    purposeChanges: {
      added: [],
      widened: [{ key: 'EVENT_NEWS', categories: ['TELEPHONE'] }],
      narrowed: [],
      retired: [],
    },
    purposes: [
      {
        key: 'EVENT_NEWS',
        change: 'WIDENED',
        addedCategories: ['TELEPHONE'],
        covered: 6,
        lacking: 4,
        notAsked: 2,
        grantedBeforeVersion: 2,
        refused: 0,
        withdrawn: 0,
      },
    ],
  },
};

const diff: PolicyDiffQuery = {
  policyDiff: {
    base: { id: 'pv1', number: 1 },
    version: { id: 'pv2', number: 2, status: 'DRAFT' },
    sections: [
      {
        clause: 'CHANGES',
        number: 7,
        language: 'en',
        change: 'CHANGED',
        added: 1,
        removed: 1,
        lines: [
          { kind: 'UNCHANGED', text: 'Title 7', oldLine: 1, newLine: 1 },
          { kind: 'REMOVED', text: 'Body 7', oldLine: 2, newLine: null },
          { kind: 'ADDED', text: 'Body 7, effective at once.', oldLine: null, newLine: 2 },
        ],
      },
    ],
    purposeChanges: impact.policyImpact.purposeChanges,
  },
};

describe('policy editor', () => {
  it('starts a draft from the version in force', async () => {
    const { api } = renderApp('/policy/edit', {
      handlers: {
        PolicyEditor: () => ({ data: { currentPolicy: version(1, 'PUBLISHED'), policyDraft: null } }),
        CreatePolicyDraft: () => ({ data: { createPolicyDraft: version(2, 'DRAFT') } }),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Start version 2' }));
    await waitFor(() => expect(api.callsOf('CreatePolicyDraft')).toHaveLength(1));
  });

  it('saves an edited clause with the draft version, then shows the diff and impact', async () => {
    let draft = version(2, 'DRAFT');
    const { api } = renderApp('/policy/edit', {
      handlers: {
        PolicyEditor: () => ({ data: { currentPolicy: version(1, 'PUBLISHED'), policyDraft: draft } }),
        UpdatePolicyDraft: (v) => {
          const input = v.input;
          draft = {
            ...draft,
            version: 4,
            sections: draft.sections.map((s, i) => ({ ...s, bodyEn: input.sections[i]!.bodyEn })),
          };
          return { data: { updatePolicyDraft: draft } };
        },
        PolicyDiff: () => ({ data: diff }),
        PolicyImpact: () => ({ data: impact }),
      },
    });
    const body = await screen.findByLabelText('Body (en), clause 7');
    fireEvent.change(body, { target: { value: 'Body 7, effective at once.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(api.callsOf('UpdatePolicyDraft')).toHaveLength(1));
    const input = api.callsOf('UpdatePolicyDraft')[0]!.variables.input;
    expect(input).toMatchObject({ id: 'pv2', expectedVersion: 3 });
    expect(input.sections.find((s) => s.clause === 'CHANGES')?.bodyEn).toBe('Body 7, effective at once.');

    fireEvent.click(await screen.findByRole('tab', { name: 'Changes' }));
    const article = await screen.findByRole('article', { name: 'Clause 7 en' });
    expect(
      within(article)
        .getByText(/Body 7, effective at once\./)
        .closest('[data-kind]')
        ?.getAttribute('data-kind'),
    ).toBe('ADDED');
    fireEvent.click(screen.getByRole('tab', { name: 'Re-consent impact' }));
    expect(await screen.findByText('4 of 10 providers must be asked for consent again')).toBeTruthy();
  });

  it('lists who lacks consent to a purpose in pages, with the total', async () => {
    const { api } = renderApp('/policy/edit', {
      handlers: {
        PolicyEditor: () => ({ data: { currentPolicy: version(1, 'PUBLISHED'), policyDraft: version(2, 'DRAFT') } }),
        PolicyDiff: () => ({ data: diff }),
        PolicyImpact: () => ({ data: impact }),
        PolicyImpactProviders: () => ({
          data: {
            policyImpactProviders: {
              totalCount: 45,
              totalCountCapped: false,
              edges: [
                {
                  cursor: 'c1',
                  node: {
                    providerId: 'p1',
                    reference: 'M-0007',
                    kind: 'SERVICE_USER',
                    state: 'NOT_ASKED',
                    policyVersion: null,
                    reason: 'NOT_GRANTED',
                    message: 'Never asked about this purpose.',
                  },
                },
              ],
              pageInfo: { hasNextPage: true, endCursor: 'c1' },
            },
          },
        }),
      },
    });
    fireEvent.click(await screen.findByRole('tab', { name: 'Re-consent impact' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Who' }));
    const table = await screen.findByRole('table', { name: 'Providers lacking consent to News' });
    expect(await within(table).findByText('M-0007')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: /Providers lacking consent to News/ });
    expect(within(nav).getByText('Page 1 of 3')).toBeTruthy();
    expect(within(nav).getByText('45 in all')).toBeTruthy();
    fireEvent.click(within(nav).getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(api.callsOf('PolicyImpactProviders').at(-1)?.variables['after']).toBe('c1'));
  });

  it('publishes only after the version number is typed, and reports a refusal', async () => {
    const { api } = renderApp('/policy/edit', {
      handlers: {
        PolicyEditor: () => ({ data: { currentPolicy: version(1, 'PUBLISHED'), policyDraft: version(2, 'DRAFT') } }),
        PolicyImpact: () => ({ data: impact }),
        PolicyDiff: () => ({ data: diff }),
        PublishPolicyVersion: () =>
          graphQLError('BAD_USER_INPUT', 'sections: The draft is identical to the version in force.', {
            issues: [
              { field: 'sections', code: 'NO_CHANGE', message: 'The draft is identical to the version in force.' },
            ],
          }),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Publish…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish version 2' });
    // The purpose by the draft's title, never its key.
    expect(await within(dialog).findByText(/Widened: News/)).toBeTruthy();
    expect(within(dialog).queryByText(/EVENT_NEWS/)).toBeNull();
    const confirm = within(dialog).getByRole('button', { name: 'Publish version 2' });
    expect(confirm.hasAttribute('disabled')).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('Type 2 to confirm'), { target: { value: '2' } });
    expect(confirm.hasAttribute('disabled')).toBe(false);
    fireEvent.click(confirm);
    await waitFor(() =>
      expect(api.callsOf('PublishPolicyVersion')[0]?.variables).toEqual({
        input: { id: 'pv2', expectedVersion: 3, confirmNumber: 2 },
      }),
    );
    expect(await within(dialog).findByText(/identical to the version in force/)).toBeTruthy();
  });

  it('warns on a draft whose contact details differ from the settings, and publishes it only after a second confirmation', async () => {
    const drifting = version(2, 'DRAFT', {
      contactDrift: [{ field: 'telephone', language: 'en', current: '+81-3-1234-5678', published: '+81-3-5226-5191' }],
    });
    const { api } = renderApp('/policy/edit', {
      handlers: {
        PolicyEditor: () => ({ data: { currentPolicy: version(1, 'PUBLISHED'), policyDraft: drifting } }),
        PolicyImpact: () => ({ data: impact }),
        PolicyDiff: () => ({ data: diff }),
        PublishPolicyVersion: () => ({ data: { publishPolicyVersion: { ...drifting, status: 'PUBLISHED' as const } } }),
      },
    });
    const line = 'Telephone (English text): the policy says +81-3-5226-5191; the settings say +81-3-1234-5678';
    expect(await screen.findByText(line)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Publish…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish version 2' });
    expect(within(dialog).getByText(line)).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Type 2 to confirm'), { target: { value: '2' } });
    const confirm = within(dialog).getByRole('button', { name: 'Publish version 2' });
    expect(confirm.hasAttribute('disabled')).toBe(true);
    fireEvent.click(within(dialog).getByLabelText('Publish with these contact details anyway'));
    expect(confirm.hasAttribute('disabled')).toBe(false);
    fireEvent.click(confirm);
    await waitFor(() => expect(api.callsOf('PublishPolicyVersion')).toHaveLength(1));
  });

  it('saves the change summary in Japanese and English', async () => {
    const { api } = renderApp('/policy/edit', {
      handlers: {
        PolicyEditor: () => ({ data: { currentPolicy: version(1, 'PUBLISHED'), policyDraft: version(2, 'DRAFT') } }),
        UpdatePolicyDraft: () => ({ data: { updatePolicyDraft: version(2, 'DRAFT', { version: 4 }) } }),
      },
    });
    const ja = await screen.findByLabelText('Change summary (Japanese, posted in the change log)');
    expect((ja as HTMLTextAreaElement).value).toBe('第7条を明確化。');
    fireEvent.change(ja, { target: { value: '第7条を改めました。' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() =>
      expect(api.callsOf('UpdatePolicyDraft')[0]?.variables.input).toMatchObject({
        changeSummaryJa: '第7条を改めました。',
        changeSummaryEn: 'Clause 7 clarified.',
      }),
    );
  });

  it('asks before discarding a draft', async () => {
    const { api } = renderApp('/policy/edit', {
      handlers: {
        PolicyEditor: () => ({ data: { currentPolicy: version(1, 'PUBLISHED'), policyDraft: version(2, 'DRAFT') } }),
        DiscardPolicyDraft: () => ({ data: { discardPolicyDraft: true } }),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Discard draft' }));
    expect(screen.getByText('Discard version 2 and its edits?')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(api.callsOf('DiscardPolicyDraft')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Discard draft' }));
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    await waitFor(() =>
      expect(api.callsOf('DiscardPolicyDraft')[0]?.variables).toEqual({ input: { id: 'pv2', expectedVersion: 3 } }),
    );
  });

  it('shows who is still to be asked for the version in force when there is no draft', async () => {
    renderApp('/policy/edit', {
      handlers: {
        PolicyEditor: () => ({ data: { currentPolicy: version(2, 'PUBLISHED'), policyDraft: null } }),
        PolicyImpact: (v) => (v['id'] === 'pv2' ? { data: impact } : { errors: [{ message: 'wrong id' }] }),
      },
    });
    const panel = await screen.findByRole('region', { name: 'Still to ask for version 2' });
    expect(await within(panel).findByText('4 of 10 providers must be asked for consent again')).toBeTruthy();
  });

  it('lets a viewer read the draft but not save or publish it', async () => {
    renderApp('/policy/edit', {
      role: 'VIEWER',
      handlers: {
        PolicyEditor: () => ({ data: { currentPolicy: version(1, 'PUBLISHED'), policyDraft: version(2, 'DRAFT') } }),
        PolicyDiff: () => ({ data: diff }),
      },
    });
    expect(await screen.findByText('Draft: version 2')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save draft' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Publish…' })).toBeNull();
  });
});

describe('policy editor in Japanese', () => {
  it('shows the draft with Japanese tabs, clause headings, buttons, diff and impact', async () => {
    renderApp('/policy/edit', {
      language: 'ja',
      handlers: {
        PolicyEditor: () => ({ data: { currentPolicy: version(1, 'PUBLISHED'), policyDraft: version(2, 'DRAFT') } }),
        PolicyDiff: () => ({ data: diff }),
        PolicyImpact: () => ({ data: impact }),
      },
    });
    expect(await screen.findByRole('heading', { name: 'ポリシーの編集' })).toBeTruthy();
    expect(screen.getByText('施行中：第1版')).toBeTruthy();
    expect(screen.getByText('草案：第2版')).toBeTruthy();
    // The clause's title comes from policy-core's catalogue in the language shown.
    expect(screen.getByRole('region', { name: '（7）プライバシーポリシーの変更を編集' })).toBeTruthy();
    expect(screen.getByLabelText('本文（英語）・第7条')).toBeTruthy();
    expect(screen.getByRole('button', { name: '草案を保存' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '公開…' })).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: '変更点' }));
    const article = await screen.findByRole('article', { name: '第7条 en' });
    expect(within(article).getByText('第7条・英語')).toBeTruthy();
    expect(screen.getByText('第2版と第1版の比較。各条項の1行目は見出しです。')).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: '再同意の影響' }));
    expect(await screen.findByText('情報提供者10人のうち4人に改めて同意を求める必要があります')).toBeTruthy();
    const table = screen.getByRole('table', { name: '再同意の影響' });
    expect(within(table).getByRole('columnheader', { name: '旧版で同意' })).toBeTruthy();
    expect(within(table).getByText('拡大')).toBeTruthy();
    // The purpose by its Japanese title, never its key.
    expect(within(table).getByText('ニュース')).toBeTruthy();
    expect(within(table).queryByText('EVENT_NEWS')).toBeNull();
    expect(screen.queryByText('Save draft')).toBeNull();
  });
});

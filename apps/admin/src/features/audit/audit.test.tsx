import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AuditEntryFieldsFragment } from '@steward/schema';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n.js';
import { renderApp } from '../../test/render.js';
import { graphQLError, type Handlers } from '../../test/stub-api.js';
import { auditActionLabel, auditEntityLabel, readableAction } from './audit-labels.js';

const PROVIDER = '0196a0a0-0000-7000-8000-000000000001';

function entry(id: string, overrides: Partial<AuditEntryFieldsFragment> = {}): AuditEntryFieldsFragment {
  return {
    id,
    at: '2026-11-20T09:30:00.000Z',
    actor: 'Olive Owner <olive@example.org>',
    actorId: '0196a0a0-0000-7000-8000-0000000000aa',
    actorName: 'Olive Owner',
    actorRole: 'OWNER',
    action: 'provider.read',
    entityType: 'Provider',
    entityId: PROVIDER,
    subjectName: 'M-0001',
    providerIds: [PROVIDER],
    providers: [{ id: PROVIDER, reference: 'M-0001' }],
    detail: null,
    detailFields: [],
    ...overrides,
  };
}

function handlers(entries: AuditEntryFieldsFragment[]): Handlers {
  return {
    AuditLog: () => ({
      data: {
        auditLog: {
          edges: entries.map((node) => ({ cursor: `c-${node.id}`, node })),
          totalCount: 2,
          totalCountCapped: false,
          pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
        },
      },
    }),
  };
}

const ENTRIES = [
  entry('a1', { action: 'auth.mfa_failed', entityType: 'AdminUser', entityId: 'u1', providerIds: [] }),
  entry('a2', { action: 'ledger.verified', entityType: 'Job', entityId: 'j1', providerIds: [], actor: 'job:j1' }),
  entry('a3', { action: 'report.exported_twice', entityType: 'MonthlyReport', entityId: null, providerIds: [] }),
];

describe('audit log', () => {
  it('names each action and entity in words, keeping the action code beside it', async () => {
    renderApp('/audit', { handlers: handlers(ENTRIES) });
    const table = await screen.findByRole('table', { name: 'Audit log' });
    await within(table).findByText('auth.mfa_failed');
    const [, mfa, ledger, unknown] = within(table).getAllByRole('row');
    expect(within(mfa!).getByText('Two-factor code refused')).toBeTruthy();
    expect(within(mfa!).getByText('auth.mfa_failed')).toBeTruthy();
    expect(within(mfa!).getByText('Admin user')).toBeTruthy();
    expect(within(ledger!).getByText('Ledger verified')).toBeTruthy();
    // An action the catalogues do not know yet is still legible, and its code is still there.
    expect(within(unknown!).getByText('Report · exported twice')).toBeTruthy();
    expect(within(unknown!).getByText('report.exported_twice')).toBeTruthy();
    expect(within(unknown!).getByText('MonthlyReport')).toBeTruthy();
  });

  it('reads in Japanese', async () => {
    renderApp(`/audit?providerId=${PROVIDER}`, { language: 'ja', handlers: handlers([entry('b1')]) });
    const table = await screen.findByRole('table', { name: '監査ログ' });
    expect(await within(table).findByText('情報提供者を閲覧')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '監査ログ' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: '操作' })).toBeTruthy();
    expect(within(table).getByText('情報提供者')).toBeTruthy();
    expect(screen.getByRole('button', { name: '再読込' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'すべての記録を表示' })).toBeTruthy();
  });
});

describe('audit log filters, sorting and detail', () => {
  const ACTORS = [{ id: '0196a0a0-0000-7000-8000-0000000000aa', name: 'Olive Owner', role: 'OWNER' as const }];
  const withActors = (entries: AuditEntryFieldsFragment[]): Handlers => ({
    ...handlers(entries),
    AuditActors: () => ({ data: { auditActors: ACTORS } }),
  });

  it('sends the actor, the provider reference and the sort the reader chose as the query', async () => {
    const { api } = renderApp('/audit', { handlers: withActors(ENTRIES) });
    await screen.findByRole('table', { name: 'Audit log' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Provider reference' }), { target: { value: 'M-0001' } });
    await waitFor(() =>
      expect(api.callsOf('AuditLog').at(-1)?.variables.filter).toEqual({ providerReference: 'M-0001' }),
    );
    fireEvent.click(screen.getByRole('button', { name: /^Time/ }));
    await waitFor(() =>
      expect(api.callsOf('AuditLog').at(-1)?.variables.sort).toEqual({ field: 'AT', direction: 'ASC' }),
    );
    expect(screen.getByRole('columnheader', { name: /Time/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(await screen.findByText('2 in all')).toBeTruthy();
  });

  it('exports the entries the filters show, not the whole log', async () => {
    const { api } = renderApp('/audit', {
      handlers: { ...withActors(ENTRIES), StartExport: () => graphQLError('FORBIDDEN', 'Not in this test') },
    });
    await screen.findByRole('table', { name: 'Audit log' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Provider reference' }), { target: { value: 'M-0001' } });
    await waitFor(() =>
      expect(api.callsOf('AuditLog').at(-1)?.variables.filter).toEqual({ providerReference: 'M-0001' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(api.callsOf('StartExport')).toHaveLength(1));
    expect(api.callsOf('StartExport')[0]!.variables.input).toEqual({
      list: 'AUDIT_LOG',
      auditLog: { providerReference: 'M-0001' },
    });
  });

  it('opens an entry in words: who by name and role, what, when, the subject by reference, labelled details', async () => {
    const read = entry('d1', {
      action: 'requests.list',
      detail: '{"count":2,"fields":["requester"]}',
      detailFields: [
        { key: 'count', value: '2' },
        { key: 'fields', value: 'requester' },
      ],
    });
    renderApp('/audit', { handlers: withActors([read]) });
    const table = await screen.findByRole('table', { name: 'Audit log' });
    fireEvent.click(within(table).getByRole('button', { name: /^Details/ }));
    const drawer = await screen.findByRole('dialog', { name: 'Audit entry' });
    expect(within(drawer).getByText('Olive Owner (Owner)')).toBeTruthy();
    expect(within(drawer).getByRole('link', { name: 'M-0001' })).toBeTruthy();
    expect(within(drawer).getByText('Count')).toBeTruthy();
    expect(within(drawer).getByText('Fields')).toBeTruthy();
    expect(within(drawer).getByText('requester')).toBeTruthy();
    // No raw JSON anywhere on the page.
    expect(document.body.textContent).not.toContain('{"count"');
  });

  it('reads the detail in Japanese', async () => {
    renderApp('/audit', {
      language: 'ja',
      handlers: withActors([entry('d2', { detailFields: [{ key: 'count', value: '3' }] })]),
    });
    const table = await screen.findByRole('table', { name: '監査ログ' });
    fireEvent.click(within(table).getByRole('button', { name: /^詳細/ }));
    const drawer = await screen.findByRole('dialog', { name: '監査記録' });
    expect(within(drawer).getByText('件数')).toBeTruthy();
    expect(within(drawer).getByText('実行者')).toBeTruthy();
  });
});

describe('audit labels', () => {
  const en = createI18n('en').getFixedT('en', 'audit');
  const ja = createI18n('ja').getFixedT('ja', 'audit');

  it('looks labels up by action name, nested names included, in either language', () => {
    expect(auditActionLabel(en, 'policy.draft.discard')).toBe('Policy draft discarded');
    expect(auditActionLabel(ja, 'policy.draft.discard')).toBe('プライバシーポリシー案を破棄');
    expect(auditActionLabel(ja, 'request.cease')).toBe('利用停止を実施');
    expect(auditEntityLabel(ja, 'ProviderRequest')).toBe('開示等の請求');
  });

  it('falls back to a readable form for names it does not know, prefixes and odd values included', () => {
    expect(auditActionLabel(en, 'policy.draft')).toBe('Policy · draft');
    expect(auditActionLabel(en, 'policy')).toBe('Policy');
    expect(auditActionLabel(en, 'Weird:Value')).toBe('Weird:Value');
    expect(readableAction('cookie_site.create')).toBe('Cookie site · create');
    expect(auditEntityLabel(en, 'Thing')).toBe('Thing');
  });

  it('has a label in both languages for every action the API writes', () => {
    // The API's audit writes: `action: '…'` (ternaries included), `this.audit('…', …)` and each key
    // kind's `auditPrefix` with `.issue` / `.revoke` (common/key-credentials.ts).
    const sources = import.meta.glob<string>(['../../../../api/src/**/*.ts', '!../../../../api/src/**/*.test.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    const actions = new Set<string>();
    for (const source of Object.values(sources)) {
      for (const [expression] of source.matchAll(/\baction:[^,;\n]*/g))
        for (const [, name] of expression.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) actions.add(name!);
      for (const [, name] of source.matchAll(/\baudit\(\s*'([a-z_]+(?:\.[a-z_]+)+)'/g)) actions.add(name!);
      for (const [, prefix] of source.matchAll(/\bauditPrefix:\s*'([a-z_]+)'/g)) {
        actions.add(`${prefix}.issue`);
        actions.add(`${prefix}.revoke`);
      }
    }
    expect(actions).toContain('auth.mfa_failed');
    expect(actions).toContain('system_key.revoke');
    expect(actions.size).toBeGreaterThan(60);
    const missing = [...actions].filter((action) =>
      [en, ja].some((t) => auditActionLabel(t, action) === readableAction(action)),
    );
    expect(missing).toEqual([]);
  });
});

import { screen, within } from '@testing-library/react';
import type { AuditEntryFieldsFragment } from '@steward/schema';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n.js';
import { renderApp } from '../../test/render.js';
import type { Handlers } from '../../test/stub-api.js';
import { auditActionLabel, auditEntityLabel, readableAction } from './audit-labels.js';

const PROVIDER = '0196a0a0-0000-7000-8000-000000000001';

function entry(id: string, overrides: Partial<AuditEntryFieldsFragment> = {}): AuditEntryFieldsFragment {
  return {
    id,
    at: '2026-11-20T09:30:00.000Z',
    actor: 'Olive Owner <olive@example.org>',
    action: 'provider.read',
    entityType: 'Provider',
    entityId: PROVIDER,
    providerIds: [PROVIDER],
    detail: null,
    ...overrides,
  };
}

function handlers(entries: AuditEntryFieldsFragment[]): Handlers {
  return {
    AuditLog: () => ({
      data: {
        auditLog: {
          edges: entries.map((node) => ({ cursor: `c-${node.id}`, node })),
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

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AdminRole, ExceptionKind } from '@steward/schema';
import { describe, expect, it } from 'vitest';
import { PURPOSES } from '../../test/factories.js';
import { renderApp } from '../../test/render.js';
import { graphQLError, type Handlers } from '../../test/stub-api.js';
import { EXCEPTION_KIND_LABEL } from './exception-labels.js';
import { buildException, buildRecipient, type DetailedException } from './exception-fixtures.js';

const CASES: { kind: ExceptionKind; field: string; label: RegExp }[] = [
  { kind: 'LAW', field: 'input.evidence.law.requestingAuthority', label: /Requesting authority/ },
  {
    kind: 'PROVIDER_AGREEMENT',
    field: 'input.evidence.providerAgreement.consentEventIds.1',
    label: /Consent event ids/,
  },
  { kind: 'OUTSOURCING', field: 'input.evidence.outsourcing.contractReference', label: /Contract reference/ },
  { kind: 'BOARD_APPROVAL', field: 'input.evidence.boardApproval.resolutionNumber', label: /Resolution number/ },
];

/** The page of exception exc-1, as the API answers it to `role` (default a privacy officer), with further handlers. */
function renderExceptionPage(
  exception: DetailedException,
  { role = 'PRIVACY_OFFICER', handlers = {} }: { role?: AdminRole; handlers?: Handlers } = {},
) {
  return renderApp('/exceptions/exc-1', {
    role,
    handlers: { PermittedException: () => ({ data: { permittedException: exception } }), ...handlers },
  });
}

describe('new exception form', () => {
  it.each(CASES)('puts the API issue on the $kind evidence field it names', async ({ kind, field, label }) => {
    const message = `Problem with ${field}.`;
    const { api } = renderApp('/exceptions/new', {
      role: 'OWNER',
      handlers: {
        Purposes: () => ({ data: { purposes: PURPOSES } }),
        Recipients: () => ({ data: { recipients: [buildRecipient()] } }),
        CreateException: () =>
          graphQLError('BAD_USER_INPUT', 'Invalid.', {
            issues: [
              { field, code: 'INVALID', message },
              { field: 'input.scope.recipientId', code: 'UNKNOWN', message: 'No such recipient.' },
            ],
          }),
      },
    });
    const form = await screen.findByRole('form', { name: 'Exception' });
    fireEvent.change(within(form).getByLabelText(/^Kind/), { target: { value: kind } });
    expect(await within(form).findByText(`Evidence — ${EXCEPTION_KIND_LABEL[kind]}`)).toBeTruthy();
    fireEvent.change(within(form).getByLabelText(/^Title/), { target: { value: 'A title' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create draft' }));

    await waitFor(() => expect(within(form).getByLabelText(label).getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText(message)).toBeTruthy();
    expect(
      within(form)
        .getByLabelText(/^Recipient/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(within(form).getByText('No such recipient.')).toBeTruthy();
    const sent = api.callsOf('CreateException')[0]!.variables.input;
    expect(sent.kind).toBe(kind);
    expect(Object.keys(sent.evidence)).toHaveLength(1);
  });

  it('limits the outsourcing categories to the served purpose', async () => {
    renderApp('/exceptions/new', {
      role: 'OWNER',
      handlers: {
        Purposes: () => ({ data: { purposes: PURPOSES } }),
        Recipients: () => ({ data: { recipients: [buildRecipient()] } }),
      },
    });
    const form = await screen.findByRole('form', { name: 'Exception' });
    fireEvent.change(within(form).getByLabelText(/Served purpose/), { target: { value: 'journal-delivery' } });
    const group = within(form).getByRole('group', { name: /Categories the contractor may receive/ });
    expect(
      within(group)
        .getAllByRole('checkbox')
        .map((c) => c.closest('div')?.textContent),
    ).toHaveLength(3);
  });
});

describe('exception scope providers and recipient', () => {
  it('sends the ids of the providers and the recipient picked by reference and name', async () => {
    const P1 = { id: '01900000-0000-7000-8000-0000000000a1', reference: 'M-0101', displayName: 'Sato Hana' };
    const P2 = { id: '01900000-0000-7000-8000-0000000000a2', reference: 'M-0102', displayName: 'Sato Jiro' };
    const { api } = renderApp('/exceptions/new', {
      role: 'OWNER',
      handlers: {
        Purposes: () => ({ data: { purposes: PURPOSES } }),
        Recipients: () => ({ data: { recipients: [buildRecipient()] } }),
        ProviderOptions: ({ search }) => ({ data: { providerOptions: search === 'sato' ? [P1, P2] : [] } }),
        CreateException: () => ({ data: { createException: buildException({ id: 'exc-9', kind: 'LAW' }) } }),
      },
    });
    const form = await screen.findByRole('form', { name: 'Exception' });
    fireEvent.change(within(form).getByLabelText(/^Kind/), { target: { value: 'LAW' } });
    fireEvent.change(within(form).getByLabelText(/^Title/), { target: { value: 'Tax office inquiry' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Event notices' }));
    const providers = within(form).getByRole('combobox', { name: /^Providers/ });
    providers.focus(); // Mantine ignores changes to an input that does not have the focus (autofill)
    fireEvent.change(providers, { target: { value: 'sato' } });
    fireEvent.click(await screen.findByRole('option', { name: /M-0102/ }));
    fireEvent.change(providers, { target: { value: 'sato' } });
    fireEvent.click(await screen.findByRole('option', { name: /M-0101/ }));
    expect(within(form).getByText('M-0102 · Sato Jiro')).toBeTruthy();
    const recipient = within(form).getByRole('combobox', { name: /^Recipient/ });
    recipient.focus();
    fireEvent.change(recipient, { target: { value: 'kudan' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Kudan Courier Co.' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Create draft' }));
    await waitFor(() => expect(api.callsOf('CreateException')).toHaveLength(1));
    const sent = api.callsOf('CreateException')[0]!.variables.input;
    expect(sent.scope).toMatchObject({ allProviders: false, providerIds: [P2.id, P1.id], recipientId: 'rcp-1' });
  });
});

describe('exception scope purposes', () => {
  it('takes purposes outside the stated ones by key, checked with policy-core, next to the stated ones', async () => {
    const { api } = renderApp('/exceptions/new', {
      role: 'OWNER',
      handlers: {
        Purposes: () => ({ data: { purposes: PURPOSES } }),
        Recipients: () => ({ data: { recipients: [buildRecipient()] } }),
        CreateException: () => ({ data: { createException: buildException({ id: 'exc-9', kind: 'LAW' }) } }),
      },
    });
    const form = await screen.findByRole('form', { name: 'Exception' });
    fireEvent.change(within(form).getByLabelText(/^Kind/), { target: { value: 'LAW' } });
    fireEvent.change(within(form).getByLabelText(/^Title/), { target: { value: 'Tax office inquiry' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Event notices' }));
    const other = within(form).getByLabelText(/Purposes outside the stated ones/);
    other.focus(); // Mantine ignores changes to an input that does not have the focus (autofill)
    fireEvent.change(other, { target: { value: 'tax-inquiry' } });
    fireEvent.keyDown(other, { key: 'Enter' });
    fireEvent.click(within(form).getByRole('button', { name: 'Create draft' }));
    expect(
      await within(form).findByText('“tax-inquiry”: Upper-case letters, digits and _ only, starting with a letter.'),
    ).toBeTruthy();
    expect(api.callsOf('CreateException')).toHaveLength(0);

    // Remove the malformed key, enter a well-formed one.
    fireEvent.keyDown(other, { key: 'Backspace' });
    fireEvent.change(other, { target: { value: 'TAX_INQUIRY_2026' } });
    fireEvent.keyDown(other, { key: 'Enter' });
    fireEvent.click(within(form).getByRole('button', { name: 'Create draft' }));
    await waitFor(() => expect(api.callsOf('CreateException')).toHaveLength(1));
    const sent = api.callsOf('CreateException')[0]!.variables.input;
    expect(sent.scope.purposeKeys).toEqual(['event-notices', 'TAX_INQUIRY_2026']);
  });

  it('keeps a draft’s purposes outside the stated ones when it is edited', async () => {
    const { api } = renderApp('/exceptions/exc-1/edit', {
      role: 'OWNER',
      handlers: {
        Purposes: () => ({ data: { purposes: PURPOSES } }),
        Recipients: () => ({ data: { recipients: [buildRecipient()] } }),
        PermittedException: () => ({
          data: {
            permittedException: buildException({
              kind: 'BOARD_APPROVAL',
              scope: { ...buildException().scope, purposeKeys: ['journal-delivery', 'SAFETY_NOTICE'] },
            }),
          },
        }),
        UpdateException: () => ({ data: { updateException: buildException() } }),
      },
    });
    const form = await screen.findByRole('form', { name: 'Exception' });
    expect(within(form).getByText('SAFETY_NOTICE')).toBeTruthy();
    expect((within(form).getByRole('checkbox', { name: 'Journal delivery' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Event notices' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(api.callsOf('UpdateException')).toHaveLength(1));
    const sent = api.callsOf('UpdateException')[0]!.variables.input;
    expect(sent.scope.purposeKeys).toEqual(['journal-delivery', 'event-notices', 'SAFETY_NOTICE']);
  });
});

describe('exception detail', () => {
  it('hides Approve from the author and shows it to a second admin, as the API says', async () => {
    // The API answers each caller with their abilities (policy-core's four-eyes rule); the page only reads them.
    const asAuthor = buildException({
      authoredBy: 'Owner Sato',
      abilities: { edit: true, approve: false, revoke: false },
    });
    const author = renderExceptionPage(asAuthor, { role: 'OWNER' });
    await screen.findByRole('heading', { name: 'Journal delivery by courier' });
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.getByText('Waiting for a second person')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Edit' })).toBeTruthy();
    author.unmount();

    const asViewer = buildException({ abilities: { edit: false, approve: false, revoke: false } });
    const viewer = renderExceptionPage(asViewer, { role: 'VIEWER' });
    await screen.findByRole('heading', { name: 'Journal delivery by courier' });
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
    expect(screen.queryByText('Waiting for a second person')).toBeNull();
    viewer.unmount();

    // Authorship is by user id: another admin who happens to share the author's name may approve.
    renderExceptionPage(buildException({ authoredBy: 'Officer Suzuki' }), { role: 'PRIVACY_OFFICER' });
    expect(await screen.findByRole('button', { name: 'Approve' })).toBeTruthy();
  });

  it('shows the API refusal of an approval', async () => {
    const { api } = renderExceptionPage(
      buildException({
        missingEvidence: [
          {
            field: 'evidence.outsourcing.supervisionRecord',
            code: 'REQUIRED',
            message: 'The supervision record is missing.',
          },
        ],
      }),
      {
        handlers: {
          ApproveException: () =>
            graphQLError('BAD_USER_INPUT', 'The evidence is incomplete.', {
              issues: [{ field: 'evidence', code: 'INCOMPLETE', message: 'The evidence is incomplete.' }],
            }),
        },
      },
    );
    expect(await screen.findByText(/The supervision record is missing\./)).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(api.callsOf('ApproveException')).toHaveLength(1));
    expect(api.callsOf('ApproveException')[0]?.variables).toEqual({ input: { id: 'exc-1', expectedVersion: 1 } });
    expect(await screen.findByText(/The evidence is incomplete\./)).toBeTruthy();
  });

  it('revokes with a reason', async () => {
    const { api } = renderExceptionPage(
      buildException({
        status: 'ACTIVE',
        approvedBy: 'Officer Suzuki',
        version: 2,
        abilities: { edit: false, approve: false, revoke: true },
      }),
      {
        handlers: {
          RevokeException: () => ({
            data: {
              revokeException: buildException({
                status: 'REVOKED',
                revokedBy: 'Officer Suzuki',
                revocationReason: 'Contract ended',
                version: 3,
              }),
            },
          }),
        },
      },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke' }));
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoke exception' }));
    expect(await within(dialog).findByText('Say why the exception is revoked.')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/Reason/), { target: { value: 'Contract ended' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoke exception' }));
    await waitFor(() => expect(api.callsOf('RevokeException')).toHaveLength(1));
    expect(api.callsOf('RevokeException')[0]?.variables).toEqual({
      input: { id: 'exc-1', reason: 'Contract ended', expectedVersion: 2 },
    });
  });
});

describe('exception actions', () => {
  it('offers no action the abilities refuse, whatever the role (a revoked exception cannot be revoked again)', async () => {
    const revoked = buildException({
      status: 'REVOKED',
      revokedBy: 'Officer Suzuki',
      revocationReason: 'Contract ended',
      abilities: { edit: false, approve: false, revoke: false },
    });
    renderExceptionPage(revoked, { role: 'OWNER' });
    await screen.findByRole('heading', { name: 'Journal delivery by courier' });
    expect(screen.queryByRole('button', { name: 'Revoke' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
  });
});

describe('exception scope', () => {
  it('names purposes by title and each covered provider by reference and name, linked', async () => {
    renderApp('/exceptions/exc-1', {
      handlers: {
        Purposes: () => ({ data: { purposes: PURPOSES } }),
        PermittedException: () => ({
          data: {
            permittedException: buildException({
              scope: {
                ...buildException().scope,
                allProviders: false,
                providerIds: ['prov-7', 'prov-9'],
                // The second as a viewer reads it: the reference without the name.
                providers: [
                  { id: 'prov-7', reference: 'M-0007', displayName: 'Kaito Mori' },
                  { id: 'prov-9', reference: 'M-0009', displayName: null },
                ],
              },
            }),
          },
        }),
      },
    });
    const scope = await screen.findByRole('region', { name: 'Scope' });
    expect(await within(scope).findByText('Journal delivery')).toBeTruthy();
    expect(within(scope).queryByText('journal-delivery')).toBeNull();
    expect(within(scope).getByRole('link', { name: 'M-0007 · Kaito Mori' }).getAttribute('href')).toBe(
      '/providers/prov-7',
    );
    expect(within(scope).getByRole('link', { name: 'M-0009' }).getAttribute('href')).toBe('/providers/prov-9');
    expect(within(scope).queryByText(/prov-/)).toBeNull();
    expect(within(scope).queryByText('Withdrew consent')).toBeNull();
    expect(screen.queryByText('No longer agreed by every provider')).toBeNull();
  });

  it('marks the providers who withdrew the consent an active agreement cites, and says it no longer covers them', async () => {
    const agreement = buildException({
      kind: 'PROVIDER_AGREEMENT',
      status: 'ACTIVE',
      evidence: {
        law: null,
        providerAgreement: { consentEventIds: ['ce-7', 'ce-8'], summary: 'Agreed to the co-host.' },
        outsourcing: null,
        boardApproval: null,
      },
      scope: {
        ...buildException().scope,
        allProviders: false,
        providerIds: ['prov-7', 'prov-8'],
        providers: [
          { id: 'prov-7', reference: 'M-0007', displayName: 'Kaito Mori' },
          { id: 'prov-8', reference: 'M-0008', displayName: 'Rin Abe' },
        ],
        withdrawnProviderIds: ['prov-8'],
      },
    });
    renderApp('/exceptions/exc-1', {
      handlers: {
        Purposes: () => ({ data: { purposes: PURPOSES } }),
        PermittedException: () => ({ data: { permittedException: agreement } }),
      },
    });
    expect(await screen.findByText('No longer agreed by every provider')).toBeTruthy();
    expect(screen.getByText(/One provider has withdrawn/)).toBeTruthy();
    const scope = screen.getByRole('region', { name: 'Scope' });
    const rowOf = (name: string) => within(scope).getByRole('link', { name }).parentElement!;
    expect(within(rowOf('M-0008 · Rin Abe')).getByText('Withdrew consent')).toBeTruthy();
    expect(within(rowOf('M-0007 · Kaito Mori')).queryByText('Withdrew consent')).toBeNull();
  });
});

describe('exceptions in Japanese', () => {
  it('lists exceptions with Japanese headings, filters, validity and scope', async () => {
    renderApp('/exceptions', {
      language: 'ja',
      handlers: { PermittedExceptions: () => ({ data: { permittedExceptions: [buildException()] } }) },
    });
    const table = await screen.findByRole('table', { name: '目的外利用の例外' });
    expect(screen.getByRole('heading', { name: '目的外利用の例外' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: '有効期間' })).toBeTruthy();
    expect(within(table).getByText('2025年4月1日 → 取り消すまで')).toBeTruthy();
    expect(within(table).getByText(/すべての情報提供者 → Kudan Courier Co\.$/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '例外を作成' })).toBeTruthy();
    expect(screen.getByLabelText('状態')).toBeTruthy();
    expect(screen.queryByText('Permitted exceptions')).toBeNull();
  });

  it('names the purposes a listed exception covers by their titles, not their keys', async () => {
    renderApp('/exceptions', {
      language: 'ja',
      handlers: {
        PermittedExceptions: () => ({ data: { permittedExceptions: [buildException()] } }),
        Purposes: () => ({ data: { purposes: PURPOSES } }),
      },
    });
    const table = await screen.findByRole('table', { name: '目的外利用の例外' });
    expect(await within(table).findByText(/^会誌の送付・/)).toBeTruthy();
    expect(within(table).queryByText(/journal-delivery/)).toBeNull();
  });

  it('shows an exception with Japanese labels and the purposes in Japanese', async () => {
    renderApp('/exceptions/exc-1', {
      language: 'ja',
      handlers: {
        PermittedException: () => ({ data: { permittedException: buildException({ authoredBy: 'Officer Suzuki' }) } }),
        Purposes: () => ({ data: { purposes: PURPOSES } }),
      },
    });
    await screen.findByRole('heading', { name: 'Journal delivery by courier' });
    expect(screen.getByRole('button', { name: '承認する' })).toBeTruthy();
    const evidence = screen.getByRole('region', { name: '根拠' });
    expect(within(evidence).getByText('監督の記録')).toBeTruthy();
    const scope = screen.getByRole('region', { name: '範囲' });
    expect(await within(scope).findByText('会誌の送付')).toBeTruthy();
    expect(within(scope).getByText('取り消すまで')).toBeTruthy();
    const history = screen.getByRole('region', { name: '経緯' });
    expect(within(history).getByText('未承認')).toBeTruthy();
  });

  it('shows the form with Japanese labels and its own messages in Japanese', async () => {
    renderApp('/exceptions/new', {
      role: 'OWNER',
      language: 'ja',
      handlers: {
        Purposes: () => ({ data: { purposes: PURPOSES } }),
        Recipients: () => ({ data: { recipients: [buildRecipient()] } }),
      },
    });
    const form = await screen.findByRole('form', { name: '例外' });
    expect(screen.getByRole('heading', { name: '例外を作成' })).toBeTruthy();
    expect(within(form).getByLabelText('委託先')).toBeTruthy();
    expect(within(form).getByRole('checkbox', { name: '行事のお知らせ' })).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: '草案を作成' }));
    expect(await within(form).findByText('例外の名称を入力してください。')).toBeTruthy();
    expect(within(form).getByText('下記の1か所の入力を修正してください。')).toBeTruthy();
  });
});

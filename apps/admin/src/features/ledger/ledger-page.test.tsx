import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { VerifyLedgerQuery } from '@steward/schema';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render.js';

function verification(overrides: Partial<VerifyLedgerQuery['verifyLedger']> = {}): VerifyLedgerQuery {
  return {
    verifyLedger: {
      ok: true,
      checkedEntries: 27,
      headSequence: 27,
      headHash: 'cd'.repeat(32),
      checkpoints: 1,
      lastCheckpoint: { sequence: 20, hash: 'ef'.repeat(32), signedAt: '2026-04-01T09:00:00.000Z' },
      unsignedEntries: 7,
      anchorChecked: false,
      gaps: [],
      firstFailure: null,
      checkpointPublicKey: 'MCowBQYDK2VwAyEA' + 'x'.repeat(43),
      ...overrides,
    },
  };
}

describe('ledger page', () => {
  it('shows the entries a restore lost, as the ledger records them', async () => {
    renderApp('/ledger', {
      handlers: {
        VerifyLedger: () => ({
          data: verification({
            gaps: [
              {
                sequence: 31,
                from: 21,
                to: 30,
                manifestHash: 'ab'.repeat(32),
                backupCreatedAt: '2026-04-01T08:00:00.000Z',
              },
            ],
          }),
        }),
      },
    });
    expect((await screen.findByRole('note')).textContent).toMatch(/Entries 21 to 30 were lost .* Entry 31 records it/);
  });

  it('says the ledger verifies, with its counts and public key', async () => {
    renderApp('/ledger', { handlers: { VerifyLedger: () => ({ data: verification() }) } });
    expect(await screen.findByText('The ledger verifies')).toBeTruthy();
    expect(screen.getByText(/All 27 entries follow each other unchanged/)).toBeTruthy();
    expect(screen.getByLabelText('Signed checkpoints').textContent).toBe('1');
    expect(screen.getByLabelText('Checkpoint public key').textContent).toMatch(/^MCowBQYDK2VwAyEA/);
  });

  it('names the first failing entry and why', async () => {
    renderApp('/ledger', {
      handlers: {
        VerifyLedger: () => ({
          data: verification({
            ok: false,
            checkedEntries: 4,
            firstFailure: { sequence: 5, reason: 'The entry was changed after it was written' },
          }),
        }),
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('does not verify');
    expect(alert.textContent).toContain('5 — The entry was changed after it was written');
  });

  it('signs a checkpoint and verifies again', async () => {
    let verifications = 0;
    const { api } = renderApp('/ledger', {
      handlers: {
        VerifyLedger: () => {
          verifications += 1;
          return { data: verification({ checkpoints: verifications > 1 ? 2 : 1 }) };
        },
        CreateLedgerCheckpoint: () => ({ data: { createLedgerCheckpoint: { sequence: 27, hash: 'ab'.repeat(32) } } }),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Sign checkpoint' }));
    await waitFor(() => expect(screen.getByLabelText('Signed checkpoints').textContent).toBe('2'));
    expect(api.calls.map((c) => c.operationName)).toContain('CreateLedgerCheckpoint');
    expect(screen.getByText(/Signed entry 27/)).toBeTruthy();
  });

  it('shows the head to keep as an anchor and verifies against one entered', async () => {
    const { api } = renderApp('/ledger', {
      handlers: {
        VerifyLedger: (vars) => ({ data: verification(vars?.anchor ? { anchorChecked: true } : {}) }),
      },
    });
    expect((await screen.findByLabelText('Current head')).textContent).toBe(`27:${'cd'.repeat(32)}`);
    expect(screen.getByLabelText('Entries after the newest checkpoint').textContent).toBe('7');
    expect(screen.getByText(/Newest checkpoint: entry 20/)).toBeTruthy();

    const input = screen.getByLabelText('Verify against an anchor');
    fireEvent.change(input, { target: { value: '27:not-a-hash' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify against anchor' }));
    expect(await screen.findByText(/SEQUENCE:HASH \(a number/)).toBeTruthy();
    expect(api.calls.filter((c) => c.operationName === 'VerifyLedger').every((c) => !c.variables?.anchor)).toBe(true);

    fireEvent.change(input, { target: { value: `27:${'CD'.repeat(32)}` } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify against anchor' }));
    expect(await screen.findByText(/The anchor at entry 27 holds/)).toBeTruthy();
    expect(api.calls.at(-1)).toMatchObject({
      operationName: 'VerifyLedger',
      variables: { anchor: { sequence: 27, hash: 'cd'.repeat(32) } },
    });
  });

  it('reads in Japanese, the command in the anchor explanation kept as code', async () => {
    renderApp('/ledger', { language: 'ja', handlers: { VerifyLedger: () => ({ data: verification() }) } });
    expect(await screen.findByText('台帳は正常です')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '台帳' })).toBeTruthy();
    expect(screen.getByText(/全27件の記録が改変なく連続しており/)).toBeTruthy();
    expect(screen.getByLabelText('署名済みチェックポイント').textContent).toBe('1');
    expect(screen.getByRole('button', { name: 'チェックポイントに署名' })).toBeTruthy();
    expect(screen.getByText('npm run ledger:verify -- --anchor …').tagName).toBe('CODE');

    fireEvent.change(screen.getByLabelText('アンカーと照合'), { target: { value: `0:${'cd'.repeat(32)}` } });
    fireEvent.click(screen.getByRole('button', { name: 'アンカーと照合する' }));
    expect(await screen.findByText('記録の番号は1から始まります')).toBeTruthy();
  });

  it('is not offered to viewers', async () => {
    renderApp('/ledger', { role: 'VIEWER', handlers: {} });
    expect((await screen.findByRole('alert')).textContent).toContain('Owners and privacy officers verify the ledger');
    expect(screen.queryByRole('link', { name: 'Ledger' })).toBeNull();
  });
});

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { JobFieldsFragment, LedgerStatusQuery, VerifyLedgerQuery } from '@steward/schema';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render.js';
import { LEDGER_REFRESH_MS } from './use-ledger.js';

type Status = LedgerStatusQuery['ledgerStatus'];

function job(overrides: Partial<JobFieldsFragment> = {}): JobFieldsFragment {
  return {
    id: '01a24eb5-0000-7000-8000-000000000009',
    kind: 'LEDGER_VERIFICATION',
    status: 'RUNNING',
    attempts: 1,
    maxAttempts: 3,
    progress: { done: 250_000, total: 1_000_000, message: 'ledger.verify.entries' },
    result: null,
    errorCode: null,
    startedBy: 'Olive Owner',
    createdAt: '2026-04-01T00:00:01.000Z',
    runAt: '2026-04-01T00:00:01.000Z',
    startedAt: '2026-04-01T00:00:02.000Z',
    finishedAt: null,
    abilities: { cancel: false },
    ...overrides,
  };
}

function status(overrides: Partial<Status> = {}): LedgerStatusQuery {
  return {
    ledgerStatus: {
      headSequence: 27,
      headHash: 'cd'.repeat(32),
      lastCheckpoint: { sequence: 20, hash: 'ef'.repeat(32), signedAt: '2026-04-01T09:00:00.000Z' },
      unsignedEntries: 7,
      checkpointPublicKey: 'MCowBQYDK2VwAyEA' + 'x'.repeat(43),
      lastVerification: {
        jobId: '01a24eb5-0000-7000-8000-000000000001',
        finishedAt: '2026-04-01T09:30:00.000Z',
        ok: true,
        checkedEntries: 27,
        headSequence: 27,
        headHash: 'cd'.repeat(32),
        firstFailureSequence: null,
        errorCode: null,
        startedBy: null,
      },
      runningVerification: null,
      ...overrides,
    },
  };
}

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
      checkpointPublicKey: 'k',
      ...overrides,
    },
  };
}

describe('ledger page', () => {
  it('opens with the last verification and its time, and never walks the chain on load', async () => {
    const { api } = renderApp('/ledger', { handlers: { LedgerStatus: () => ({ data: status() }) } });
    const alert = (await screen.findByText('The ledger verified')).closest('[role="status"]')!;
    expect(alert.textContent).toMatch(/27 entries checked up to entry 27/);
    expect(alert.textContent).toMatch(/Verified .*2026.* \(scheduled\)/);
    expect(screen.getByLabelText('Entries after the newest checkpoint').textContent).toBe('7');
    expect(screen.getByLabelText('Checkpoint public key').textContent).toMatch(/^MCowBQYDK2VwAyEA/);
    expect(screen.getByText(/Newest checkpoint: entry 20/)).toBeTruthy();
    expect(api.calls.map((c) => c.operationName)).not.toContain('VerifyLedger');
    // A privacy officer reads the result; starting a verification is an owner's.
    expect(screen.queryByRole('button', { name: 'Verify now' })).toBeNull();
  });

  it('names the entry the last verification failed at and who started it', async () => {
    const failed = status({
      lastVerification: {
        ...status().ledgerStatus.lastVerification!,
        ok: false,
        checkedEntries: 4,
        firstFailureSequence: 5,
        errorCode: 'LEDGER_VERIFICATION_FAILED',
        startedBy: 'Olive Owner',
      },
    });
    renderApp('/ledger', { handlers: { LedgerStatus: () => ({ data: failed }) } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The ledger did not verify');
    expect(alert.textContent).toMatch(/First failing entry: 5\. Verified .* \(Olive Owner\)/);
  });

  it('says when the last run ended without a verdict', async () => {
    const crashed = status({
      lastVerification: {
        ...status().ledgerStatus.lastVerification!,
        ok: null,
        checkedEntries: null,
        errorCode: 'INTERNAL',
      },
    });
    renderApp('/ledger', { handlers: { LedgerStatus: () => ({ data: crashed }) } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The last verification ended without a result');
    expect(screen.getByLabelText('Entries checked').textContent).toBe('—');
  });

  it('says when nothing has been verified yet', async () => {
    renderApp('/ledger', { handlers: { LedgerStatus: () => ({ data: status({ lastVerification: null }) }) } });
    expect(await screen.findByText('Not verified yet')).toBeTruthy();
    expect(screen.getByLabelText('Entries checked').textContent).toBe('—');
  });

  it('starts a verification job on "Verify now" and shows its progress until it ends', async () => {
    let state: 'before' | 'running' | 'done' = 'before';
    let polls = 0;
    const { api } = renderApp('/ledger', {
      role: 'OWNER',
      handlers: {
        LedgerStatus: () => {
          if (state === 'running' && ++polls >= 2) state = 'done';
          if (state === 'before') return { data: status({ lastVerification: null }) };
          if (state === 'running') return { data: status({ lastVerification: null, runningVerification: job() }) };
          return {
            data: status({
              lastVerification: {
                ...status().ledgerStatus.lastVerification!,
                checkedEntries: 1_000_000,
                headSequence: 1_000_000,
                startedBy: 'Olive Owner',
              },
            }),
          };
        },
        RunLedgerVerification: () => {
          state = 'running';
          return {
            data: {
              runLedgerVerification: job({ status: 'QUEUED', progress: { done: 0, total: null, message: null } }),
            },
          };
        },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Verify now' }));
    const progress = await screen.findByRole('status', { name: 'Verifying the ledger' });
    expect(progress.textContent).toContain('250,000 of 1,000,000');
    expect(within(progress).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
    expect(api.calls.map((c) => c.operationName)).toContain('RunLedgerVerification');
    expect(api.calls.map((c) => c.operationName)).not.toContain('VerifyLedger');
    // Refreshed while it runs, until the job has ended.
    await waitFor(() => expect(screen.getByText(/1,000,000 entries checked up to entry 1,?000,?000/)).toBeTruthy(), {
      timeout: LEDGER_REFRESH_MS + 2000,
    });
    expect(screen.queryByRole('status', { name: 'Verifying the ledger' })).toBeNull();
  });

  it('shows the head to keep as an anchor and verifies against one entered, only then', async () => {
    const { api } = renderApp('/ledger', {
      handlers: {
        LedgerStatus: () => ({ data: status() }),
        VerifyLedger: (vars) => ({ data: verification(vars?.anchor ? { anchorChecked: true } : {}) }),
      },
    });
    expect((await screen.findByLabelText('Current head')).textContent).toBe(`27:${'cd'.repeat(32)}`);
    const input = screen.getByLabelText('Verify against an anchor');
    fireEvent.change(input, { target: { value: '27:not-a-hash' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify against anchor' }));
    expect(await screen.findByText(/SEQUENCE:HASH \(a number/)).toBeTruthy();
    expect(api.calls.map((c) => c.operationName)).not.toContain('VerifyLedger');

    fireEvent.change(input, { target: { value: `27:${'CD'.repeat(32)}` } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify against anchor' }));
    expect(await screen.findByText(/The anchor at entry 27 holds/)).toBeTruthy();
    expect(api.calls.at(-1)).toMatchObject({
      operationName: 'VerifyLedger',
      variables: { anchor: { sequence: 27, hash: 'cd'.repeat(32) } },
    });
  });

  it('shows the entries a restore lost when verifying against an anchor', async () => {
    renderApp('/ledger', {
      handlers: {
        LedgerStatus: () => ({ data: status() }),
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
    fireEvent.change(await screen.findByLabelText('Verify against an anchor'), {
      target: { value: `27:${'cd'.repeat(32)}` },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Verify against anchor' }));
    expect((await screen.findByRole('note')).textContent).toMatch(/Entries 21 to 30 were lost .* Entry 31 records it/);
  });

  it('signs a checkpoint and reads the status again', async () => {
    let reads = 0;
    const { api } = renderApp('/ledger', {
      handlers: {
        LedgerStatus: () => {
          reads += 1;
          return { data: status({ unsignedEntries: reads > 1 ? 0 : 7 }) };
        },
        CreateLedgerCheckpoint: () => ({ data: { createLedgerCheckpoint: { sequence: 27, hash: 'ab'.repeat(32) } } }),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Sign checkpoint' }));
    await waitFor(() => expect(screen.getByLabelText('Entries after the newest checkpoint').textContent).toBe('0'));
    expect(api.calls.map((c) => c.operationName)).toContain('CreateLedgerCheckpoint');
    expect(screen.getByText(/Signed entry 27/)).toBeTruthy();
  });

  it('reads in Japanese, the command in the anchor explanation kept as code', async () => {
    renderApp('/ledger', { language: 'ja', role: 'OWNER', handlers: { LedgerStatus: () => ({ data: status() }) } });
    expect(await screen.findByText('台帳は正常でした')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '台帳' })).toBeTruthy();
    expect(screen.getByText(/27番までの27件の記録を検証しました/)).toBeTruthy();
    expect(screen.getByText(/に検証（定期実行）/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '今すぐ検証' })).toBeTruthy();
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

import { describe, expect, it } from 'vitest';
import { allowedNextStatuses, validateStatusChange } from './request-status.js';
import { REQUEST_STATUSES, type RequestStatus } from './request-vocabulary.js';

const verified = { identityVerified: true };
const codes = (
  from: RequestStatus,
  to: RequestStatus,
  facts = verified as Parameters<typeof validateStatusChange>[2],
) => {
  const v = validateStatusChange(from, to, facts);
  return v.ok ? [] : v.issues.map((i) => `${i.field}:${i.code}`);
};

describe('validateStatusChange', () => {
  it('allows exactly the forward chain and rejection from open statuses', () => {
    const allowed: string[] = [];
    for (const from of REQUEST_STATUSES) {
      for (const to of REQUEST_STATUSES) {
        if (validateStatusChange(from, to, { identityVerified: true, rejectionReason: 'Not the provider.' }).ok)
          allowed.push(`${from}>${to}`);
      }
    }
    expect(allowed).toEqual([
      'RECEIVED>VERIFYING',
      'RECEIVED>REJECTED',
      'VERIFYING>IN_PROGRESS',
      'VERIFYING>REJECTED',
      'IN_PROGRESS>COMPLETED',
      'IN_PROGRESS>REJECTED',
    ]);
    expect(allowedNextStatuses('COMPLETED')).toEqual([]);
    expect(allowedNextStatuses('VERIFYING')).toEqual(['IN_PROGRESS', 'REJECTED']);
  });

  it('needs a verified identity for IN_PROGRESS', () => {
    expect(codes('VERIFYING', 'IN_PROGRESS', { identityVerified: false })).toEqual([
      'identityVerified:IDENTITY_NOT_VERIFIED',
    ]);
    // Skipping verification reports both problems.
    expect(codes('RECEIVED', 'IN_PROGRESS', { identityVerified: false })).toEqual([
      'status:INVALID_TRANSITION',
      'identityVerified:IDENTITY_NOT_VERIFIED',
    ]);
  });

  it('needs a non-blank reason to reject, identity or not', () => {
    expect(codes('RECEIVED', 'REJECTED', { identityVerified: false })).toEqual(['rejectionReason:REQUIRED']);
    expect(codes('RECEIVED', 'REJECTED', { identityVerified: false, rejectionReason: ' \n' })).toEqual([
      'rejectionReason:REQUIRED',
    ]);
    expect(codes('RECEIVED', 'REJECTED', { identityVerified: false, rejectionReason: null })).toEqual([
      'rejectionReason:REQUIRED',
    ]);
    expect(
      codes('RECEIVED', 'REJECTED', { identityVerified: false, rejectionReason: '本人確認ができませんでした。' }),
    ).toEqual([]);
  });

  it('reports no change and closed requests', () => {
    expect(codes('VERIFYING', 'VERIFYING')).toEqual(['status:NO_CHANGE']);
    expect(codes('REJECTED', 'REJECTED', { identityVerified: true, rejectionReason: 'x' })).toEqual([
      'status:NO_CHANGE',
    ]);
    expect(codes('COMPLETED', 'IN_PROGRESS')).toEqual(['status:INVALID_TRANSITION']);
    expect(codes('REJECTED', 'RECEIVED')).toEqual(['status:INVALID_TRANSITION']);
    expect(codes('IN_PROGRESS', 'VERIFYING')).toEqual(['status:INVALID_TRANSITION']);
  });

  it('rejects unknown statuses', () => {
    expect(codes('OPEN' as RequestStatus, 'COMPLETED')).toEqual(['status:INVALID_VALUE']);
  });
});

import { describe, expect, it } from 'vitest';
import { providerUpdateInput } from './provider-form.js';

const provider = { id: 'p1', version: 4, kind: 'SERVICE_USER' as const, reference: 'R-0001' };

describe('providerUpdateInput', () => {
  it('sends only what changed, with the expected version', () => {
    expect(providerUpdateInput(provider, { kind: 'BUSINESS_USER', reference: 'R-0001' })).toEqual({
      id: 'p1',
      expectedVersion: 4,
      kind: 'BUSINESS_USER',
    });
    expect(providerUpdateInput(provider, { kind: 'SERVICE_USER', reference: ' R-0002 ' })).toEqual({
      id: 'p1',
      expectedVersion: 4,
      reference: 'R-0002',
    });
  });
  it('is null when nothing changed', () => {
    expect(providerUpdateInput(provider, { kind: 'SERVICE_USER', reference: 'R-0001 ' })).toBeNull();
  });
});

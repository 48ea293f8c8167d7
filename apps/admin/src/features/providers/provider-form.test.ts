import { describe, expect, it } from 'vitest';
import { providerUpdateInput } from './provider-form.js';

const provider = { id: 'p1', version: 4, kind: 'SERVICE_USER' as const, reference: 'R-0001', language: 'ja' as const };

describe('providerUpdateInput', () => {
  it('sends only what changed, with the expected version', () => {
    expect(providerUpdateInput(provider, { kind: 'BUSINESS_USER', reference: 'R-0001', language: 'ja' })).toEqual({
      id: 'p1',
      expectedVersion: 4,
      kind: 'BUSINESS_USER',
    });
    expect(providerUpdateInput(provider, { kind: 'SERVICE_USER', reference: ' R-0002 ', language: 'ja' })).toEqual({
      id: 'p1',
      expectedVersion: 4,
      reference: 'R-0002',
    });
  });
  it('is null when nothing changed', () => {
    expect(providerUpdateInput(provider, { kind: 'SERVICE_USER', reference: 'R-0001 ', language: 'ja' })).toBeNull();
  });
  it('sends a new language alone', () => {
    expect(providerUpdateInput(provider, { kind: 'SERVICE_USER', reference: 'R-0001', language: 'en' })).toEqual({
      id: 'p1',
      expectedVersion: 4,
      language: 'en',
    });
  });
});

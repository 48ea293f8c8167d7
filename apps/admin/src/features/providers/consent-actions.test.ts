import { describe, expect, it } from 'vitest';
import { availableConsentActions } from './consent-actions.js';

describe('availableConsentActions', () => {
  it('offers Withdraw (only) for a granted purpose', () => {
    expect(availableConsentActions('GRANTED')).toEqual(['WITHDRAW']);
  });
  it('offers Grant and Refuse when the provider was never asked', () => {
    expect(availableConsentActions('NOT_ASKED')).toEqual(expect.arrayContaining(['GRANT', 'REFUSE']));
    expect(availableConsentActions('NOT_ASKED')).not.toContain('WITHDRAW');
  });
  it('lets a refusal or withdrawal be turned into a grant', () => {
    expect(availableConsentActions('REFUSED')).toContain('GRANT');
    expect(availableConsentActions('REFUSED')).not.toContain('REFUSE');
    expect(availableConsentActions('WITHDRAWN')).toContain('GRANT');
    expect(availableConsentActions('WITHDRAWN')).not.toContain('WITHDRAW');
  });
});

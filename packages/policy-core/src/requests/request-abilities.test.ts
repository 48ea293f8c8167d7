import { describe, expect, it } from 'vitest';
import type { Caller } from '../abilities/caller.js';
import { requestAbilities, validateProviderLink } from './request-abilities.js';
import type { RequestWorkFacts } from './request-rules.js';
import { REQUEST_STATUSES } from './request-vocabulary.js';

const officer: Caller = { userId: 'u-officer', role: 'PRIVACY_OFFICER' };
const owner: Caller = { userId: 'u-owner', role: 'OWNER' };
const viewer: Caller = { userId: 'u-viewer', role: 'VIEWER' };
const facts = (over: Partial<RequestWorkFacts> = {}): RequestWorkFacts => ({
  kind: 'DISCLOSURE',
  status: 'RECEIVED',
  providerLinked: false,
  identityVerified: false,
  ...over,
});
/** What a caller who may do nothing with a request gets. */
const none = { link: false, verify: false, changeStatus: false, disclose: false, amend: false, cease: false };

describe('validateProviderLink', () => {
  it('links only before the identity is verified, while RECEIVED or VERIFYING', () => {
    const linkable = REQUEST_STATUSES.filter((status) => validateProviderLink({ status, identityVerified: false }).ok);
    expect(linkable).toEqual(['RECEIVED', 'VERIFYING']);
  });

  it('refuses once the identity is verified, whatever the status', () => {
    for (const status of REQUEST_STATUSES) {
      expect(validateProviderLink({ status, identityVerified: true })).toEqual({
        ok: false,
        issues: [
          {
            field: 'status',
            code: 'INVALID_TRANSITION',
            message: 'The identity is verified or the request closed: the provider can no longer change.',
          },
        ],
      });
    }
  });
});

describe('requestAbilities', () => {
  it('gives a viewer and nobody nothing', () => {
    for (const status of REQUEST_STATUSES) {
      const f = facts({ status, providerLinked: true, identityVerified: status === 'IN_PROGRESS' });
      expect(requestAbilities(f, viewer)).toEqual(none);
      expect(requestAbilities(f, null)).toEqual(none);
    }
  });

  it('a new request: link and move, not verify before a provider is linked', () => {
    expect(requestAbilities(facts(), officer)).toEqual({
      link: true,
      verify: false,
      changeStatus: true,
      disclose: false,
      amend: false,
      cease: false,
    });
  });

  it('a linked request: verify (once) and still relink until verified', () => {
    const linked = facts({ status: 'VERIFYING', providerLinked: true });
    expect(requestAbilities(linked, owner)).toMatchObject({ link: true, verify: true });
    const verified = { ...linked, identityVerified: true };
    expect(requestAbilities(verified, owner)).toMatchObject({ link: false, verify: false, changeStatus: true });
  });

  it('the work of its own kind only while in progress (a disclosure again once completed)', () => {
    const inProgress = facts({ status: 'IN_PROGRESS', providerLinked: true, identityVerified: true });
    expect(requestAbilities(inProgress, officer)).toMatchObject({ disclose: true, amend: false, cease: false });
    expect(requestAbilities({ ...inProgress, kind: 'AMENDMENT' }, officer)).toMatchObject({
      disclose: false,
      amend: true,
      cease: false,
    });
    expect(requestAbilities({ ...inProgress, kind: 'CESSATION' }, officer)).toMatchObject({
      disclose: false,
      amend: false,
      cease: true,
    });
    const completed = { ...inProgress, status: 'COMPLETED' as const };
    expect(requestAbilities(completed, officer)).toMatchObject({ disclose: true, changeStatus: false, link: false });
    expect(requestAbilities({ ...completed, kind: 'AMENDMENT' }, officer)).toMatchObject({ amend: false });
  });

  it('nothing but a disclosure reprint on a closed request', () => {
    const rejected = facts({ status: 'REJECTED', providerLinked: true, identityVerified: true });
    expect(requestAbilities(rejected, owner)).toEqual(none);
  });
});

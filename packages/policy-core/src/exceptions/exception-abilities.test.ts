import { describe, expect, it } from 'vitest';
import type { Caller } from '../abilities/caller.js';
import { EXCEPTION_STATUSES } from './exception-evidence.js';
import { exceptionAbilities, mayEditException, mayRevokeException } from './exception-abilities.js';

const author: Caller = { userId: 'u-author', role: 'PRIVACY_OFFICER' };
const owner: Caller = { userId: 'u-owner', role: 'OWNER' };
const officer: Caller = { userId: 'u-officer', role: 'PRIVACY_OFFICER' };
const viewer: Caller = { userId: 'u-viewer', role: 'VIEWER' };
const draft = { status: 'DRAFT', authorId: author.userId } as const;

describe('exceptionAbilities', () => {
  it('lets a second owner or privacy officer approve a draft, and its author edit but not approve it', () => {
    expect(exceptionAbilities(draft, owner)).toEqual({ edit: true, approve: true, revoke: false });
    expect(exceptionAbilities(draft, officer)).toEqual({ edit: true, approve: true, revoke: false });
    expect(exceptionAbilities(draft, author)).toEqual({ edit: true, approve: false, revoke: false });
  });

  it('gives a viewer and nobody nothing, whatever the status and even as its author', () => {
    for (const status of EXCEPTION_STATUSES) {
      const none = { edit: false, approve: false, revoke: false };
      expect(exceptionAbilities({ status, authorId: viewer.userId }, viewer)).toEqual(none);
      expect(exceptionAbilities({ status, authorId: 'u-x' }, null)).toEqual(none);
    }
  });

  it('lets an approved exception be revoked (by its author too), but neither edited nor approved again', () => {
    const active = { status: 'ACTIVE', authorId: author.userId } as const;
    expect(exceptionAbilities(active, owner)).toEqual({ edit: false, approve: false, revoke: true });
    expect(exceptionAbilities(active, author)).toEqual({ edit: false, approve: false, revoke: true });
  });

  it('lets nothing be done with a revoked or expired (stored) exception: revoked cannot be revoked again', () => {
    for (const status of ['REVOKED', 'EXPIRED'] as const)
      expect(exceptionAbilities({ status, authorId: author.userId }, owner)).toEqual({
        edit: false,
        approve: false,
        revoke: false,
      });
  });

  it('edits only drafts and revokes only approved exceptions', () => {
    expect(EXCEPTION_STATUSES.filter(mayEditException)).toEqual(['DRAFT']);
    expect(EXCEPTION_STATUSES.filter(mayRevokeException)).toEqual(['ACTIVE']);
  });
});

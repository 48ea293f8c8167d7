import type { SystemCredentialFieldsFragment } from '@steward/schema';

export function buildSystemCredential(
  overrides: Partial<SystemCredentialFieldsFragment> = {},
): SystemCredentialFieldsFragment {
  return {
    id: 'sys-cred-1',
    systemName: 'Membership database',
    label: 'Nightly sync',
    keyId: '0123456789abcdef',
    createdAt: '2025-04-02T00:00:00Z',
    createdBy: 'Officer Suzuki',
    lastUsedAt: null,
    revokedAt: null,
    revoked: false,
    ...overrides,
  };
}

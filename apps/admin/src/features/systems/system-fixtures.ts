import type { ApiKeyFieldsFragment, SystemCredentialFieldsFragment } from '@steward/schema';

type Overrides = Partial<Omit<SystemCredentialFieldsFragment, 'key'>> & { key?: Partial<ApiKeyFieldsFragment> };

export function buildSystemCredential({ key, ...overrides }: Overrides = {}): SystemCredentialFieldsFragment {
  return {
    id: 'sys-cred-1',
    systemName: 'Membership database',
    ...overrides,
    key: {
      label: 'Nightly sync',
      keyId: '0123456789abcdef',
      createdAt: '2025-04-02T00:00:00Z',
      createdBy: 'Officer Suzuki',
      lastUsedAt: null,
      revokedAt: null,
      revoked: false,
      ...key,
    },
  };
}

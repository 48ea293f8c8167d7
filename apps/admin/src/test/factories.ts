import type {
  AdminRole,
  AdminUsersQuery,
  MyMailPreferencesQuery,
  CollectionFormOptionsQuery,
  ConsentReceiptFieldsFragment,
  MeQuery,
  OrganisationSettingsQuery,
  ProviderListItemFragment,
  ProviderQuery,
  ProvidersQuery,
  PurposeFieldsFragment,
  StaffInvitationFieldsFragment,
} from '@steward/schema';

// Factories with overrides (STYLE.md), typed by the generated operation types.

/** The secretariat's contact details, as the organisation settings and the public policy page show them. */
export const SECRETARIAT = {
  name: 'JSPE Secretariat',
  postalAddress: '1-5-9 Kudan-kita',
  officeHours: 'Weekdays 9:30–17:00',
  nameJa: '精密工学会 事務局',
  nameEn: 'JSPE Secretariat',
  postalAddressJa: '九段北1-5-9',
  postalAddressEn: '1-5-9 Kudan-kita',
  officeHoursJa: '平日 9:30〜17:00',
  officeHoursEn: 'Weekdays 9:30–17:00',
  telephone: '+81-3-5226-5191',
  fax: '+81-3-5226-5192',
  email: 'jspe_jspe@jspe.or.jp',
};

/** The organisation settings page's query: Japanese by default, at version 1. */
export const ORGANISATION_SETTINGS: OrganisationSettingsQuery = {
  organisation: {
    id: 'org',
    name: 'JSPE',
    nameJa: '精密工学会',
    defaultLanguage: 'JA',
    version: 1,
    secretariat: SECRETARIAT,
    contactDrift: [],
  },
};

export function sessionUser(role: AdminRole = 'PRIVACY_OFFICER'): NonNullable<MeQuery['me']> {
  return {
    id: `user-${role.toLowerCase()}`,
    email: `${role.toLowerCase()}@jspe.or.jp`,
    displayName: { OWNER: 'Owner Sato', PRIVACY_OFFICER: 'Officer Suzuki', VIEWER: 'Viewer Ito' }[role],
    role,
    sessionRestriction: null,
    mfaEnrolled: false,
    mfaRequired: false,
    passwordChangedAt: null,
    language: null,
    // The tests read the English texts.
    effectiveLanguage: 'EN',
  };
}

/** A row of the staff page (AdminUsers), active, with no second factor. */
export function buildStaffMember(
  role: AdminRole,
  overrides: Partial<AdminUsersQuery['adminUsers'][number]> = {},
): AdminUsersQuery['adminUsers'][number] {
  const { id, email, displayName } = sessionUser(role);
  return {
    id,
    email,
    displayName,
    role,
    createdAt: '2025-01-01T00:00:00Z',
    lastLoginAt: null,
    active: true,
    deactivatedAt: null,
    mfaEnrolled: false,
    mustChangePassword: false,
    openSessions: 0,
    abilities: null,
    ...overrides,
  };
}

type StaffAbilities = NonNullable<AdminUsersQuery['adminUsers'][number]['abilities']>;

const STAFF_ABILITIES = ['changeRole', 'deactivate', 'reactivate', 'resetPassword', 'resetMfa', 'endSessions'] as const;

/** A staff row's abilities: those listed, and no other. */
export function staffAbilities(...allowed: (keyof StaffAbilities)[]): StaffAbilities {
  return Object.fromEntries(STAFF_ABILITIES.map((a) => [a, allowed.includes(a)])) as StaffAbilities;
}

export function buildInvitation(overrides: Partial<StaffInvitationFieldsFragment> = {}): StaffInvitationFieldsFragment {
  return {
    id: 'invitation-1',
    email: 'new@jspe.or.jp',
    displayName: 'New Member',
    role: 'PRIVACY_OFFICER',
    expiresAt: '2025-04-08T00:00:00Z',
    invitedByName: 'Owner Sato',
    createdAt: '2025-04-01T00:00:00Z',
    ...overrides,
  };
}

export function buildPurpose(overrides: Partial<PurposeFieldsFragment> = {}): PurposeFieldsFragment {
  const key = overrides.key ?? 'journal-delivery';
  return {
    id: `purpose-${key}`,
    key,
    titleEn: 'Journal delivery',
    titleJa: '会誌の送付',
    description: 'Sending the society journal to members.',
    descriptionJa: '会員への会誌の送付。',
    categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'],
    introducedInVersion: 1,
    retired: false,
    ...overrides,
  };
}

export const PURPOSES: PurposeFieldsFragment[] = [
  buildPurpose(),
  buildPurpose({
    key: 'event-notices',
    titleEn: 'Event notices',
    titleJa: '行事のお知らせ',
    categories: ['NAME', 'EMAIL'],
  }),
  buildPurpose({
    key: 'membership-admin',
    titleEn: 'Membership administration',
    titleJa: '会員管理',
    categories: ['NAME', 'EMAIL', 'TELEPHONE', 'AFFILIATION', 'MEMBERSHIP_NUMBER'],
  }),
];

export function collectionFormOptions(policyNumber = 3): CollectionFormOptionsQuery {
  return {
    currentPolicy: {
      id: `policy-${policyNumber}`,
      number: policyNumber,
      publishedAt: '2025-04-01T00:00:00Z',
      contentHash: 'a'.repeat(64),
    },
    purposes: PURPOSES,
  };
}

export function buildListItem(n: number, overrides: Partial<ProviderListItemFragment> = {}): ProviderListItemFragment {
  return {
    id: `prov-${n}`,
    kind: 'SERVICE_USER',
    reference: `R-${String(n).padStart(5, '0')}`,
    displayName: `Provider ${n}`,
    language: 'ja',
    createdAt: '2025-04-02T01:00:00Z',
    updatedAt: '2025-04-03T01:00:00Z',
    version: 1,
    ...overrides,
  };
}

export function providersPage(
  items: ProviderListItemFragment[],
  pageInfo: { hasNextPage?: boolean; endCursor?: string | null } = {},
  total: { totalCount: number; totalCountCapped: boolean } = { totalCount: items.length, totalCountCapped: false },
): ProvidersQuery {
  return {
    providers: {
      edges: items.map((node) => ({ cursor: `cursor-${node.id}`, node })),
      ...total,
      pageInfo: {
        hasNextPage: pageInfo.hasNextPage ?? false,
        hasPreviousPage: false,
        startCursor: items[0] ? `cursor-${items[0].id}` : null,
        endCursor: pageInfo.endCursor ?? (items.length ? `cursor-${items[items.length - 1]!.id}` : null),
      },
    },
  };
}

type Provider = ProviderQuery['provider'];
type Collection = Provider['collections'][number];

export function buildReceipt(overrides: Partial<ConsentReceiptFieldsFragment> = {}): ConsentReceiptFieldsFragment {
  const receipt = {
    receiptId: 'rcpt-0001',
    version: 'KI-CR-v1.1.0',
    issuedAt: '2025-04-05T03:00:00Z',
    jurisdiction: 'JP',
    language: 'en',
    controllerName: 'The Japan Society for Precision Engineering',
    controllerContact: 'jspe_jspe@jspe.or.jp',
    policyVersion: 3,
    policyContentHash: 'b'.repeat(64),
    subjectReference: 'R-00001',
    channel: 'PAPER_FORM' as const,
    consentMethod: 'SIGNED_FORM' as const,
    categories: ['NAME' as const, 'POSTAL_ADDRESS' as const],
    purposes: [
      {
        key: 'journal-delivery',
        title: 'Journal delivery',
        categories: ['NAME' as const, 'POSTAL_ADDRESS' as const],
        consent: 'GRANTED' as const,
      },
    ],
    hash: 'c'.repeat(64),
    ...overrides,
  };
  return { json: JSON.stringify({ receiptId: receipt.receiptId, hash: 'canonical' }), ...receipt };
}

/** The provider's consent to journal delivery, granted at the spring meeting under policy version 3. */
function journalDeliveryGranted(): Provider['consents'][number] {
  return {
    purpose: {
      id: 'purpose-journal-delivery',
      key: 'journal-delivery',
      titleEn: 'Journal delivery',
      titleJa: '会誌の送付',
      categories: ['NAME', 'POSTAL_ADDRESS'],
      retired: false,
    },
    state: 'GRANTED',
    since: '2025-04-05T03:00:00Z',
    policyVersion: 3,
  };
}

export function buildCollection(overrides: Partial<Collection> = {}): Collection {
  return {
    id: 'coll-1',
    channel: 'PAPER_FORM',
    consentMethod: 'SIGNED_FORM',
    collectedAt: '2025-04-05T03:00:00Z',
    policyVersion: 3,
    source: 'Spring meeting registration desk',
    note: null,
    recordedBy: 'Officer Suzuki',
    categories: ['NAME', 'POSTAL_ADDRESS'],
    purposes: [journalDeliveryGranted()],
    receipt: buildReceipt(),
    ...overrides,
  };
}

export function buildProvider(overrides: Partial<Provider> = {}): Provider {
  return {
    id: 'prov-1',
    kind: 'SERVICE_USER',
    reference: 'R-00001',
    displayName: 'Hanako Yamada',
    language: 'ja',
    createdAt: '2025-04-05T03:00:00Z',
    updatedAt: '2025-04-05T03:00:00Z',
    version: 5,
    dataItems: [
      {
        id: 'item-1',
        category: 'NAME',
        value: 'Hanako Yamada',
        source: 'Spring meeting registration desk',
        channel: 'PAPER_FORM',
        collectedAt: '2025-04-05T03:00:00Z',
        collectionId: 'coll-1',
        publiclyAvailable: false,
        publicProvenance: null,
        version: 1,
      },
      {
        id: 'item-2',
        category: 'AFFILIATION',
        value: 'University of Tokyo',
        source: null,
        channel: 'WEB_FORM',
        collectedAt: '2025-04-05T03:00:00Z',
        collectionId: null,
        publiclyAvailable: true,
        publicProvenance: 'Conference proceedings 2024, author list',
        version: 2,
      },
    ],
    consents: [
      journalDeliveryGranted(),
      {
        purpose: {
          id: 'purpose-event-notices',
          key: 'event-notices',
          titleEn: 'Event notices',
          titleJa: '行事のお知らせ',
          categories: ['NAME', 'EMAIL'],
          retired: false,
        },
        state: 'NOT_ASKED',
        since: null,
        policyVersion: null,
      },
    ],
    consentHistory: [
      {
        id: 'ev-1',
        purpose: { id: 'purpose-journal-delivery', key: 'journal-delivery', titleEn: 'Journal delivery' },
        action: 'GRANT',
        method: 'SIGNED_FORM',
        policyVersion: 3,
        occurredAt: '2025-04-05T03:00:00Z',
        recordedBy: 'Officer Suzuki',
        collectionId: 'coll-1',
        receiptId: 'rcpt-0001',
        note: null,
      },
    ],
    collections: [buildCollection()],
    ...overrides,
  };
}

/** Every kind of notification mail on; invitations and password resets cannot be turned off. */
export function defaultMailPreferences(): MyMailPreferencesQuery['myMailPreferences'] {
  const kinds = ['APPROVAL_WAITING', 'REQUEST_DUE_SOON', 'REQUEST_OVERDUE', 'INQUIRY_RECEIVED'] as const;
  return [
    ...kinds.map((kind) => ({ kind, enabled: true, optional: true })),
    { kind: 'STAFF_INVITATION' as const, enabled: true, optional: false },
    { kind: 'PASSWORD_RESET' as const, enabled: true, optional: false },
  ];
}

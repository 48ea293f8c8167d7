import type {
  CreateExceptionMutationVariables,
  OrganisationSettingsQuery,
  RecordCollectionMutationVariables,
  UpdateOrganisationMutationVariables,
} from '@steward/schema';

type CollectionInput = RecordCollectionMutationVariables['input'];

/** A valid collection for a new provider; override any part. */
export function buildCollectionInput(overrides: Partial<CollectionInput> = {}): CollectionInput {
  return {
    newProvider: { kind: 'SERVICE_USER' },
    channel: 'WEB_FORM',
    consentMethod: 'WEB_CHECKBOX',
    policyVersionShown: 1,
    purposes: [
      { purposeKey: 'CONFERENCE_REGISTRATION', granted: true },
      { purposeKey: 'EVENT_NEWS', granted: false },
    ],
    items: [
      { category: 'NAME', value: 'Aiko Fujimoto' },
      { category: 'EMAIL', value: 'aiko.fujimoto@example.jp' },
      { category: 'AFFILIATION', value: 'Example Optics Lab' },
    ],
    source: 'Autumn Meeting registration',
    ...overrides,
  };
}

type ExceptionInput = CreateExceptionMutationVariables['input'];
type ExceptionKind = ExceptionInput['kind'];

/**
 * Complete evidence and a fitting scope for each kind; `refs` supplies the ids the evidence and
 * scope must name (a contractor, a provider, consent events).
 */
export function buildExceptionInput(
  kind: ExceptionKind,
  refs: { recipientId: string; providerId: string; consentEventIds: string[] },
  overrides: Partial<ExceptionInput> = {},
): ExceptionInput {
  const base: Record<ExceptionKind, ExceptionInput> = {
    LAW: {
      kind: 'LAW',
      title: 'Prosecutors office inquiry 2026-0042',
      evidence: {
        law: {
          statute: 'Code of Criminal Procedure',
          article: 'Art. 197(2)',
          requestingAuthority: 'Tokyo District Public Prosecutors Office',
          documentReference: 'REQ-2026-0042',
          issuedOn: '2026-03-20T00:00:00.000Z',
        },
      },
      scope: {
        purposeKeys: ['INQUIRY_2026_0042'],
        categories: ['NAME', 'POSTAL_ADDRESS'],
        providerIds: [refs.providerId],
        recipientId: refs.recipientId,
      },
    },
    PROVIDER_AGREEMENT: {
      kind: 'PROVIDER_AGREEMENT',
      title: 'Affiliation shared with the co-host',
      evidence: {
        providerAgreement: {
          consentEventIds: refs.consentEventIds,
          summary: 'The member agreed to share\ntheir affiliation with the co-host.',
        },
      },
      scope: {
        purposeKeys: ['COHOST_LIAISON'],
        categories: ['AFFILIATION'],
        providerIds: [refs.providerId],
        recipientId: null,
      },
    },
    OUTSOURCING: {
      kind: 'OUTSOURCING',
      title: 'Journal delivery by courier',
      evidence: {
        outsourcing: {
          recipientId: refs.recipientId,
          contractReference: 'CT-2026-07',
          servesPurposeKey: 'JOURNAL_DELIVERY',
          categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'],
          supervisionRecord: 'Data-handling agreement signed 2026-03-01; annual audit.',
        },
      },
      scope: {
        purposeKeys: ['JOURNAL_DELIVERY'],
        categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'],
        allProviders: true,
        recipientId: refs.recipientId,
      },
    },
    BOARD_APPROVAL: {
      kind: 'BOARD_APPROVAL',
      title: 'Safety notice after a venue incident',
      evidence: {
        boardApproval: {
          meetingKind: 'BOARD',
          meetingDate: '2026-03-15T00:00:00.000Z',
          resolutionNumber: 'R-2026-12',
          legitimateReason: 'Attendees must be told about a safety incident at the venue.',
          minutesReference: 'MIN-2026-03',
        },
      },
      scope: { purposeKeys: ['SAFETY_NOTICE'], categories: ['NAME', 'EMAIL'], allProviders: true, recipientId: null },
    },
  };
  return { ...base[kind], validUntil: '2027-04-01T00:00:00.000Z', ...overrides };
}

/** The settings form's "save": every field as the organisation holds it, with changes applied. */
export function organisationSettings(
  org: OrganisationSettingsQuery['organisation'],
  change: Partial<UpdateOrganisationMutationVariables['input']> = {},
) {
  return {
    input: {
      expectedVersion: org.version,
      name: org.name,
      nameJa: org.nameJa,
      secretariatName: org.secretariat.nameEn,
      secretariatNameJa: org.secretariat.nameJa,
      postalAddress: org.secretariat.postalAddressEn,
      postalAddressJa: org.secretariat.postalAddressJa,
      officeHoursEn: org.secretariat.officeHoursEn,
      officeHoursJa: org.secretariat.officeHoursJa,
      telephone: org.secretariat.telephone,
      fax: org.secretariat.fax,
      email: org.secretariat.email,
      ...change,
    },
  };
}

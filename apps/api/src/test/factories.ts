import type { RecordCollectionMutationVariables } from '@steward/schema';

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

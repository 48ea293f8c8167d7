// The courier scenario of issue 3, set up through the API as an organisation would: shared by the
// throughput bench (run.js) and the profiler (profile.js).
import { PARTNER_PURPOSE } from './rows.js';
import { gql, login } from './steward.js';

export const DECISION_QUERY = `query Decision($input: DecisionRequestInput!) {
  decision(input: $input) {
    allowed
    basis { kind exceptionId exceptionKind }
    permitted
    refused
    reasons { code message category exceptionId }
    policyVersion
    decidedAt
    ledgerSequence
  }
}`;

export const PARTNER_PROVIDERS_QUERY = `query PartnerProviders($first: Int, $after: String) {
  partnerProviders(first: $first, after: $after) {
    edges { cursor node { id items { category value } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The courier looking up the one provider a parcel goes to. */
export const PARTNER_PROVIDER_QUERY = `query PartnerProvider($id: ID!) {
  partnerProvider(id: $id) { id items { category value } }
}`;

const OFFICER = { email: 'bench-officer@steward.local', password: 'bench-officer-password-1234' };

/**
 * The courier scenario through the API, as an organisation would set it up: a contractor recipient,
 * an OUTSOURCING exception for JOURNAL_DELIVERY (all providers; NAME, POSTAL_CODE, POSTAL_ADDRESS)
 * drafted by the owner and approved by a second admin (a privacy officer), a partner key, and an
 * internal system's key for the `decision` query.
 */
export async function setUpCourier(url, ownerCookie) {
  await gql(
    url,
    'mutation CreateAdminUser($input: CreateAdminUserInput!) { createAdminUser(input: $input) { id } }',
    {
      input: {
        displayName: 'Bench Officer',
        email: OFFICER.email,
        password: OFFICER.password,
        role: 'PRIVACY_OFFICER',
      },
    },
    ownerCookie,
  );
  const officerCookie = await login(url, OFFICER);
  const recipientId = (
    await gql(
      url,
      'mutation CreateRecipient($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }',
      { input: { name: 'Bench Courier', kind: 'CONTRACTOR' } },
      ownerCookie,
    )
  ).data.createRecipient.id;
  const categories = ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'];
  const created = (
    await gql(
      url,
      'mutation CreateException($input: CreateExceptionInput!) { createException(input: $input) { id version } }',
      {
        input: {
          kind: 'OUTSOURCING',
          title: 'Journal delivery by courier (bench)',
          evidence: {
            outsourcing: {
              recipientId,
              contractReference: 'BENCH-CT-1',
              servesPurposeKey: PARTNER_PURPOSE,
              categories,
              supervisionRecord: 'Bench data-handling agreement.',
            },
          },
          scope: { purposeKeys: [PARTNER_PURPOSE], categories, allProviders: true, recipientId },
        },
      },
      ownerCookie,
    )
  ).data.createException;
  const approved = (
    await gql(
      url,
      'mutation Approve($input: ApproveExceptionInput!) { approveException(input: $input) { id status } }',
      { input: { id: created.id, expectedVersion: created.version } },
      officerCookie,
    )
  ).data.approveException;
  if (approved.status !== 'ACTIVE') throw new Error(`the courier exception is ${approved.status}, not ACTIVE`);
  const key = (
    await gql(
      url,
      'mutation Issue($input: IssuePartnerKeyInput!) { issuePartnerKey(input: $input) { key } }',
      { input: { recipientId, label: 'Bench dispatch' } },
      ownerCookie,
    )
  ).data.issuePartnerKey.key;
  // The caller that asks `decision` in production: an internal system with its own key.
  const systemKey = (
    await gql(
      url,
      'mutation IssueSystem($input: IssueSystemKeyInput!) { issueSystemKey(input: $input) { key } }',
      { input: { systemName: 'Bench dispatch system', label: 'Bench decisions' } },
      ownerCookie,
    )
  ).data.issueSystemKey.key;
  return { recipientId, exceptionId: created.id, key, systemKey };
}

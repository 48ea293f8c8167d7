import {
  ChangeRequestStatusDocument,
  CreateProviderRequestDocument,
  LinkRequestProviderDocument,
  ProduceDisclosurePackageDocument,
  VerifyRequestIdentityDocument,
} from '@steward/schema';
import type { TestClient } from './test-app.js';

/**
 * A disclosure request for `providerId` taken through intake, identity verification and into work by
 * `officer`, and its package produced: what every test of the package needs before it can look at it.
 * `earlierHead` is the head of the provider's previous package, as they hand it in.
 */
export async function produceDisclosure(
  officer: TestClient,
  providerId: string,
  opts: { earlierHead?: string | null } = {},
) {
  let r = (
    await officer.ok(CreateProviderRequestDocument, {
      input: {
        kind: 'DISCLOSURE',
        channel: 'POST',
        requesterName: 'Requester',
        contact: 'By post',
        earlierHead: opts.earlierHead ?? null,
      },
    })
  ).createProviderRequest;
  r = (
    await officer.ok(LinkRequestProviderDocument, {
      input: { requestId: r.id, providerId, expectedVersion: r.version },
    })
  ).linkRequestProvider;
  const move = async (status: 'VERIFYING' | 'IN_PROGRESS') =>
    (
      await officer.ok(ChangeRequestStatusDocument, {
        input: { requestId: r.id, expectedVersion: r.version, status },
      })
    ).changeRequestStatus;
  r = await move('VERIFYING');
  r = (
    await officer.ok(VerifyRequestIdentityDocument, {
      input: { requestId: r.id, expectedVersion: r.version, method: 'ID_DOCUMENT', note: null },
    })
  ).verifyRequestIdentity;
  r = await move('IN_PROGRESS');
  return (await officer.ok(ProduceDisclosurePackageDocument, { input: { requestId: r.id } })).produceDisclosurePackage;
}

import {
  ChangeRequestStatusDocument,
  CreateProviderRequestDocument,
  LinkRequestProviderDocument,
  ProduceDisclosurePackageDocument,
  VerifyRequestIdentityDocument,
  type RequestKind,
} from '@steward/schema';
import type { TestClient } from './test-app.js';

/**
 * A request of `kind` for `providerId` taken by `officer` through intake and identity verification
 * into work (IN_PROGRESS): where every test of what a request does starts. `earlierHead` is the head
 * of the provider's previous disclosure package, as they hand it in.
 */
export async function requestInWork(
  officer: TestClient,
  kind: RequestKind,
  providerId: string,
  opts: { earlierHead?: string | null } = {},
) {
  let r = (
    await officer.ok(CreateProviderRequestDocument, {
      input: {
        kind,
        channel: 'POST',
        requesterName: 'Aiko Fujimoto',
        contact: '1-2-3 Shiba, Minato-ku',
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
      input: { requestId: r.id, expectedVersion: r.version, method: 'ID_DOCUMENT', note: 'Licence seen.' },
    })
  ).verifyRequestIdentity;
  return move('IN_PROGRESS');
}

/** The disclosure package of a request for `providerId` in work (requestInWork). */
export async function produceDisclosure(
  officer: TestClient,
  providerId: string,
  opts: { earlierHead?: string | null } = {},
) {
  const r = await requestInWork(officer, 'DISCLOSURE', providerId, opts);
  return (await officer.ok(ProduceDisclosurePackageDocument, { input: { requestId: r.id } })).produceDisclosurePackage;
}

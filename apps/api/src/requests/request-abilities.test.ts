import {
  ChangeRequestStatusDocument,
  CreateProviderRequestDocument,
  LinkRequestProviderDocument,
  ProduceDisclosurePackageDocument,
  ProviderRequestDocument,
  RecordCollectionDocument,
  VerifyRequestIdentityDocument,
} from '@steward/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollectionInput } from '../test/factories.js';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../test/test-app.js';

// The abilities the API sends with a request are what its mutations then allow or refuse, per caller.

let app: TestApp;
let owner: TestClient;
let officer: TestClient;
let viewer: TestClient;
let providerId: string;

const NONE = { link: false, verify: false, changeStatus: false, disclose: false, amend: false, cease: false };

beforeAll(async () => {
  app = await createTestApp();
  owner = await app.clientAs('OWNER');
  officer = await app.clientAs('PRIVACY_OFFICER');
  viewer = await app.clientAs('VIEWER');
  providerId = (await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() })).recordCollection.provider
    .id;
});
afterAll(() => app.close());

async function abilitiesOf(client: TestClient, id: string) {
  return (await client.ok(ProviderRequestDocument, { id })).providerRequest!.abilities;
}

describe('request abilities match what the mutations allow', () => {
  it('from intake to a produced package: link, verify, move, disclose — never for a viewer', async () => {
    let r = (
      await officer.ok(CreateProviderRequestDocument, {
        input: { kind: 'DISCLOSURE', channel: 'POST', requesterName: 'Aiko Fujimoto', contact: 'Minato-ku' },
      })
    ).createProviderRequest;
    expect(r.abilities).toEqual({ ...NONE, link: true, changeStatus: true });
    expect(await abilitiesOf(viewer, r.id)).toEqual(NONE);

    // Not offered, and refused: verifying before a provider is linked; anything by a viewer.
    const early = await officer.request(VerifyRequestIdentityDocument, {
      input: { requestId: r.id, expectedVersion: r.version, method: 'ID_DOCUMENT', note: null },
    });
    expect(errorOf(early).code).toBe('BAD_USER_INPUT');
    const byViewer = await viewer.request(LinkRequestProviderDocument, {
      input: {
        requestId: r.id,
        providerId,
        expectedVersion: r.version,
      },
    });
    expect(errorOf(byViewer).code).toBe('FORBIDDEN');
    expect(errorOf(await officer.request(ProduceDisclosurePackageDocument, { input: { requestId: r.id } })).code).toBe(
      'BAD_USER_INPUT',
    );

    r = (
      await officer.ok(LinkRequestProviderDocument, {
        input: { requestId: r.id, providerId, expectedVersion: r.version },
      })
    ).linkRequestProvider;
    expect(r.abilities).toEqual({ ...NONE, link: true, verify: true, changeStatus: true });
    expect(await abilitiesOf(owner, r.id)).toEqual(r.abilities);
    r = (
      await officer.ok(ChangeRequestStatusDocument, {
        input: { requestId: r.id, expectedVersion: r.version, status: 'VERIFYING' },
      })
    ).changeRequestStatus;
    expect(r.abilities).toEqual({ ...NONE, link: true, verify: true, changeStatus: true });

    r = (
      await owner.ok(VerifyRequestIdentityDocument, {
        input: { requestId: r.id, expectedVersion: r.version, method: 'ID_DOCUMENT', note: null },
      })
    ).verifyRequestIdentity;
    // Verified: the provider can no longer change (and linking is refused), the work waits for IN_PROGRESS.
    expect(r.abilities).toEqual({ ...NONE, changeStatus: true });
    const relink = await owner.request(LinkRequestProviderDocument, {
      input: {
        requestId: r.id,
        providerId,
        expectedVersion: r.version,
      },
    });
    expect(errorOf(relink).code).toBe('BAD_USER_INPUT');

    r = (
      await officer.ok(ChangeRequestStatusDocument, {
        input: { requestId: r.id, expectedVersion: r.version, status: 'IN_PROGRESS' },
      })
    ).changeRequestStatus;
    expect(r.abilities).toEqual({ ...NONE, changeStatus: true, disclose: true });
    expect(await abilitiesOf(viewer, r.id)).toEqual(NONE);
    expect(errorOf(await viewer.request(ProduceDisclosurePackageDocument, { input: { requestId: r.id } })).code).toBe(
      'FORBIDDEN',
    );
    await officer.ok(ProduceDisclosurePackageDocument, { input: { requestId: r.id } });
  });

  it('a rejected request: nothing more, and every write is refused', async () => {
    let r = (
      await officer.ok(CreateProviderRequestDocument, {
        input: { kind: 'AMENDMENT', channel: 'EMAIL', requesterName: 'Kenji Mori', contact: 'kenji@example.jp' },
      })
    ).createProviderRequest;
    r = (
      await owner.ok(ChangeRequestStatusDocument, {
        input: { requestId: r.id, expectedVersion: r.version, status: 'REJECTED', reason: 'Not the provider.' },
      })
    ).changeRequestStatus;
    expect(r.abilities).toEqual(NONE);
    const link = await owner.request(LinkRequestProviderDocument, {
      input: {
        requestId: r.id,
        providerId,
        expectedVersion: r.version,
      },
    });
    expect(errorOf(link).code).toBe('BAD_USER_INPUT');
    const move = await owner.request(ChangeRequestStatusDocument, {
      input: { requestId: r.id, expectedVersion: r.version, status: 'IN_PROGRESS' },
    });
    expect(errorOf(move).code).toBe('BAD_USER_INPUT');
  });
});

import {
  ApproveExceptionDocument,
  CreateExceptionDocument,
  CreateRecipientDocument,
  PermittedExceptionDocument,
  ProviderDocument,
  RecordCollectionDocument,
  RevokeExceptionDocument,
  UpdateExceptionDocument,
  type ExceptionFieldsFragment,
} from '@steward/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollectionInput, buildExceptionInput } from '../test/factories.js';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../test/test-app.js';

// The abilities the API sends with an exception are what its mutations then allow or refuse, per caller.

let app: TestApp;
let owner: TestClient;
let officer: TestClient;
let viewer: TestClient;
let refs: { recipientId: string; providerId: string; consentEventIds: string[] };

beforeAll(async () => {
  app = await createTestApp();
  owner = await app.clientAs('OWNER');
  officer = await app.clientAs('PRIVACY_OFFICER');
  viewer = await app.clientAs('VIEWER');
  const courier = await owner.ok(CreateRecipientDocument, { input: { name: 'Swift Courier Co.', kind: 'CONTRACTOR' } });
  const collected = await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });
  const provider = (await owner.ok(ProviderDocument, { id: collected.recordCollection.provider.id })).provider!;
  refs = {
    recipientId: courier.createRecipient.id,
    providerId: provider.id,
    consentEventIds: provider.consentHistory.filter((e) => e.action === 'GRANT').map((e) => e.id),
  };
});
afterAll(() => app.close());

async function abilitiesOf(client: TestClient, id: string) {
  return (await client.ok(PermittedExceptionDocument, { id })).permittedException!.abilities;
}

async function update(client: TestClient, e: ExceptionFieldsFragment) {
  return client.request(UpdateExceptionDocument, {
    input: { ...buildExceptionInput('OUTSOURCING', refs), id: e.id, expectedVersion: e.version },
  });
}

describe('exception abilities match what the mutations allow', () => {
  it('a draft: the author may edit but not approve, a second writer may approve, a viewer nothing', async () => {
    const draft = (await owner.ok(CreateExceptionDocument, { input: buildExceptionInput('OUTSOURCING', refs) }))
      .createException;
    expect(draft.abilities).toEqual({ edit: true, approve: false, revoke: false });
    expect(await abilitiesOf(officer, draft.id)).toEqual({ edit: true, approve: true, revoke: false });
    expect(await abilitiesOf(viewer, draft.id)).toEqual({ edit: false, approve: false, revoke: false });

    // Refused where the abilities say no…
    const self = await owner.request(ApproveExceptionDocument, {
      input: { id: draft.id, expectedVersion: draft.version },
    });
    expect(errorOf(self)).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      errorOf(await viewer.request(ApproveExceptionDocument, { input: { id: draft.id, expectedVersion: 1 } })).code,
    ).toBe('FORBIDDEN');
    expect(errorOf(await update(viewer, draft)).code).toBe('FORBIDDEN');
    expect(
      errorOf(
        await viewer.request(RevokeExceptionDocument, { input: { id: draft.id, reason: 'No.', expectedVersion: 1 } }),
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      errorOf(
        await officer.request(RevokeExceptionDocument, { input: { id: draft.id, reason: 'No.', expectedVersion: 1 } }),
      ).code,
    ).toBe('BAD_USER_INPUT');

    // …allowed where they say yes. The officer who edits becomes the author: now the owner may approve.
    const edited = (await update(officer, draft)).data!.updateException;
    expect(edited.abilities).toEqual({ edit: true, approve: false, revoke: false });
    expect(await abilitiesOf(owner, draft.id)).toEqual({ edit: true, approve: true, revoke: false });
    const approved = (
      await owner.ok(ApproveExceptionDocument, { input: { id: draft.id, expectedVersion: edited.version } })
    ).approveException;

    // Approved: revocable by either writer (its author too), no longer editable or approvable.
    expect(approved.abilities).toEqual({ edit: false, approve: false, revoke: true });
    expect(await abilitiesOf(officer, draft.id)).toEqual({ edit: false, approve: false, revoke: true });
    expect(await abilitiesOf(viewer, draft.id)).toEqual({ edit: false, approve: false, revoke: false });
    expect(errorOf(await update(owner, approved)).code).toBe('BAD_USER_INPUT');
    expect(
      errorOf(
        await officer.request(ApproveExceptionDocument, { input: { id: draft.id, expectedVersion: approved.version } }),
      ).code,
    ).toBe('BAD_USER_INPUT');
    const revoked = (
      await officer.ok(RevokeExceptionDocument, {
        input: {
          id: draft.id,
          reason: 'Contract ended.',
          expectedVersion: approved.version,
        },
      })
    ).revokeException;

    // Revoked: nothing more, for anyone; revoking again is refused.
    expect(revoked.abilities).toEqual({ edit: false, approve: false, revoke: false });
    expect(await abilitiesOf(owner, draft.id)).toEqual({ edit: false, approve: false, revoke: false });
    const again = await owner.request(RevokeExceptionDocument, {
      input: {
        id: draft.id,
        reason: 'Again.',
        expectedVersion: revoked.version,
      },
    });
    expect(errorOf(again).code).toBe('BAD_USER_INPUT');
  });
});

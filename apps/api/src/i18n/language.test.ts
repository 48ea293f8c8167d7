import {
  MeDocument,
  OrganisationSettingsDocument,
  ResetStaffPasswordDocument,
  SetMyLanguageDocument,
  OrganisationLanguageDocument,
  StaffHistoryDocument,
  UpdateOrganisationDocument,
  type OrganisationSettingsQuery,
} from '@steward/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../test/databases.js';
import { createTestAppWithOwner, errorOf, TestClient, type TestApp } from '../test/test-app.js';

describe.each(DATABASES)('who reads which language on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  beforeAll(async () => {
    ({ app, owner } = await createTestAppWithOwner({ database }));
  });
  afterAll(() => app.close());

  const languages = async (client: TestClient) => {
    const { me } = await client.ok(MeDocument);
    return { language: me!.language, effective: me!.effectiveLanguage };
  };

  /** updateOrganisation with the current contact details and `defaultLanguage`. */
  async function setDefault(client: TestClient, defaultLanguage: 'JA' | 'EN' | null) {
    const { organisation: org } = await owner.ok(OrganisationSettingsDocument);
    return client.request(UpdateOrganisationDocument, { input: { ...editable(org), defaultLanguage } });
  }
  const editable = (org: OrganisationSettingsQuery['organisation']) => ({
    expectedVersion: org.version,
    name: org.name,
    nameJa: org.nameJa,
    secretariatName: org.secretariat.name,
    postalAddress: org.secretariat.postalAddress,
    telephone: org.secretariat.telephone,
    fax: org.secretariat.fax,
    email: org.secretariat.email,
  });

  it('starts in Japanese: a new installation defaults to JA, shown before anyone signs in', async () => {
    expect((await app.client().ok(OrganisationLanguageDocument)).organisation.defaultLanguage).toBe('JA');
    expect(await languages(owner)).toEqual({ language: null, effective: 'JA' });
  });

  it('keeps a member’s own choice, clears it back to the organisation’s default, and audits each change', async () => {
    const member = await app.clientAs('PRIVACY_OFFICER');
    const { setMyLanguage } = await member.ok(SetMyLanguageDocument, { input: { language: 'EN' } });
    expect(setMyLanguage.language).toBe('EN');
    expect(await languages(member)).toEqual({ language: 'EN', effective: 'EN' });
    // Choosing it again changes nothing and records nothing.
    await member.ok(SetMyLanguageDocument, { input: { language: 'EN' } });
    await member.ok(SetMyLanguageDocument, { input: { language: null } });
    expect(await languages(member)).toEqual({ language: null, effective: 'JA' });

    const id = setMyLanguage.id;
    const { staffHistory } = await owner.ok(StaffHistoryDocument, { id });
    const changes = staffHistory
      .filter((e) => e.action === 'auth.language_changed')
      .map((e) => JSON.parse(e.detail ?? 'null') as unknown);
    // Newest first: the one repeated choice left no entry.
    expect(changes).toEqual([
      { from: 'en', to: null },
      { from: null, to: 'en' },
    ]);
  });

  it('follows the organisation’s default for whoever chose none, never over a member’s own choice', async () => {
    const follower = await app.clientAs('VIEWER');
    const chooser = await app.clientAs('VIEWER');
    await chooser.ok(SetMyLanguageDocument, { input: { language: 'JA' } });
    try {
      const { updateOrganisation } = (await setDefault(owner, 'EN')).data!;
      expect(updateOrganisation.defaultLanguage).toBe('EN');
      expect((await app.client().ok(OrganisationLanguageDocument)).organisation.defaultLanguage).toBe('EN');
      expect(await languages(follower)).toEqual({ language: null, effective: 'EN' });
      expect(await languages(chooser)).toEqual({ language: 'JA', effective: 'JA' });
      // Left out, the default stays as it is.
      const { organisation: org } = await owner.ok(OrganisationSettingsDocument);
      await owner.ok(UpdateOrganisationDocument, { input: { ...editable(org), telephone: '03-1234-0000' } });
      expect((await owner.ok(OrganisationSettingsDocument)).organisation.defaultLanguage).toBe('EN');
    } finally {
      await setDefault(owner, 'JA');
    }
    expect(await languages(follower)).toEqual({ language: null, effective: 'JA' });
  });

  it('lets a viewer choose their own language but not the organisation’s', async () => {
    const viewer = await app.clientAs('VIEWER');
    expect((await viewer.ok(SetMyLanguageDocument, { input: { language: 'EN' } })).setMyLanguage.language).toBe('EN');
    expect(errorOf(await setDefault(viewer, 'EN')).code).toBe('FORBIDDEN');
    expect(errorOf(await setDefault(await app.clientAs('PRIVACY_OFFICER'), 'EN')).code).toBe('FORBIDDEN');
    expect((await app.client().ok(OrganisationLanguageDocument)).organisation.defaultLanguage).toBe('JA');
    expect(errorOf(await app.client().request(SetMyLanguageDocument, { input: { language: 'EN' } })).code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('refuses a language it does not speak with BAD_USER_INPUT on the field', async () => {
    const viewer = await app.clientAs('VIEWER');
    for (const language of ['FR', 'ja', '']) {
      const res = await viewer.raw('mutation($input: SetMyLanguageInput!) { setMyLanguage(input: $input) { id } }', {
        input: { language },
      });
      expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.language' });
    }
    const { organisation: org } = await owner.ok(OrganisationSettingsDocument);
    const res = await owner.raw(
      'mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }',
      { input: { ...editable(org), defaultLanguage: 'de' } },
    );
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.defaultLanguage' });
    expect(await languages(viewer)).toEqual({ language: null, effective: 'JA' });
    expect((await owner.ok(OrganisationSettingsDocument)).organisation).toMatchObject({
      defaultLanguage: 'JA',
      version: org.version,
    });
  });

  it('lets a session that must first choose a new password choose the language it is asked in', async () => {
    const member = await app.clientAs('PRIVACY_OFFICER');
    const id = (await member.ok(MeDocument)).me!.id;
    const { resetStaffPassword } = await owner.ok(ResetStaffPasswordDocument, { input: { id } });
    const email = resetStaffPassword.user.email;
    const restricted = new TestClient(app.url);
    await restricted.login(email, resetStaffPassword.temporaryPassword);
    expect((await restricted.ok(MeDocument)).me!.sessionRestriction).toBe('PASSWORD_CHANGE');
    await restricted.ok(SetMyLanguageDocument, { input: { language: 'EN' } });
    expect(await languages(restricted)).toEqual({ language: 'EN', effective: 'EN' });
    expect(errorOf(await restricted.request(StaffHistoryDocument, { id })).code).toBe('FORBIDDEN');
  });
});

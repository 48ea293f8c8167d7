import {
  CreateContactUpdateDraftDocument,
  CreatePolicyDraftDocument,
  DiscardPolicyDraftDocument,
  OrganisationSettingsDocument,
  PolicyEditorDocument,
  PolicyPageDocument,
  PublicPolicyDocument,
  PublishPolicyVersionDocument,
  PurposesDocument,
  UpdateOrganisationDocument,
  UpdatePolicyDraftDocument,
  type PolicyVersionFullFragment,
  type UpdatePolicyDraftMutationVariables,
} from '@steward/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../test/databases.js';
import { organisationSettings as settings } from '../test/factories.js';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../test/test-app.js';

/** The editor's "save" of a draft, unchanged but for `change`. */
function draftInput(
  d: PolicyVersionFullFragment,
  change: Partial<UpdatePolicyDraftMutationVariables['input']> = {},
): UpdatePolicyDraftMutationVariables {
  return {
    input: {
      id: d.id,
      expectedVersion: d.version,
      changeSummaryJa: d.changeSummaryJa,
      changeSummaryEn: d.changeSummaryEn,
      sections: d.sections.map(({ clause, titleEn, titleJa, bodyEn, bodyJa }) => ({
        clause,
        titleEn,
        titleJa,
        bodyEn,
        bodyJa,
      })),
      purposes: (d.purposes ?? []).map(
        ({ key, titleEn, titleJa, description, descriptionJa, categories, retired }) => ({
          key,
          titleEn,
          titleJa,
          description,
          descriptionJa,
          categories: [...categories],
          retired,
        }),
      ),
      ...change,
    },
  };
}

const drift = (list: readonly { field: string; language: string; published?: string | null }[]) =>
  list.map((d) => `${d.language}:${d.field}:${d.published}`);

describe.each(DATABASES)('bilingual contact and contact drift on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  let officer: TestClient;
  const org = async () => (await owner.ok(OrganisationSettingsDocument)).organisation;
  const inquiries = (d: PolicyVersionFullFragment) => d.sections.find((s) => s.clause === 'INQUIRIES')!;
  const publish = (d: PolicyVersionFullFragment) =>
    officer.ok(PublishPolicyVersionDocument, {
      input: { id: d.id, expectedVersion: d.version, confirmNumber: d.number },
    });

  beforeAll(async () => {
    app = await createTestApp({ database });
    owner = await app.clientAs('OWNER');
    officer = await app.clientAs('PRIVACY_OFFICER');
  });
  afterAll(() => app?.close());

  it('seeds the secretariat in both languages, naming what clause 8 names: no drift', async () => {
    const o = await org();
    expect(o.secretariat).toMatchObject({
      nameJa: '公益社団法人精密工学会 事務局',
      nameEn: 'The Japan Society for Precision Engineering Secretariat',
      postalAddressJa: '〒102-0073 東京都千代田区九段北1-5-9 九段誠和ビル',
    });
    expect(o.contactDrift).toEqual([]);
    const { currentPolicy } = await owner.ok(PolicyEditorDocument);
    expect(currentPolicy).toMatchObject({
      changeSummaryJa: '2005年11月18日制定。理事会承認。',
      changeSummaryEn: 'Constituted November 18th, 2005. Approved by the Board of Directors.',
    });
    const ja = (await app.client().ok(PublicPolicyDocument, { language: 'ja' })).publicPolicy;
    expect(ja.changeLog).toEqual([
      expect.objectContaining({ changeSummary: '2005年11月18日制定。理事会承認。', changeSummaryLanguage: 'ja' }),
    ]);
  });

  it('keeps the name, address and office hours in each language; the public page shows the language asked, else the other', async () => {
    const saved = (
      await owner.ok(
        UpdateOrganisationDocument,
        settings(await org(), {
          officeHoursJa: '平日 9:30〜17:00\r\n（土日祝日・年末年始を除く）',
          officeHoursEn: 'Weekdays 9:30–17:00',
          postalAddressJa: '',
        }),
      )
    ).updateOrganisation;
    expect(saved.secretariat).toMatchObject({
      officeHoursJa: '平日 9:30〜17:00\n（土日祝日・年末年始を除く）',
      officeHoursEn: 'Weekdays 9:30–17:00',
      postalAddressJa: '',
    });
    const ja = (await app.client().ok(PublicPolicyDocument, { language: 'ja' })).publicPolicy.secretariat;
    const en = (await app.client().ok(PublicPolicyDocument, { language: 'en' })).publicPolicy.secretariat;
    expect(ja).toMatchObject({ name: '公益社団法人精密工学会 事務局', officeHours: saved.secretariat.officeHoursJa });
    // No Japanese address: the Japanese page shows the English one rather than nothing.
    expect(ja.postalAddress).toBe(saved.secretariat.postalAddressEn);
    expect(en).toMatchObject({
      name: 'The Japan Society for Precision Engineering Secretariat',
      officeHours: 'Weekdays 9:30–17:00',
    });
    // The Japanese text of clause 8 names the Japanese address, which the English one is not.
    expect(drift(saved.contactDrift)).toEqual(['ja:postalAddress:null']);
    // A client that leaves the new fields out changes none of them.
    const {
      secretariatNameJa: _n,
      postalAddressJa: _p,
      officeHoursEn: _e,
      officeHoursJa: _j,
      ...older
    } = settings(saved, { postalAddressJa: '〒102-0073 東京都千代田区九段北1-5-9 九段誠和ビル' }).input;
    const kept = (await owner.ok(UpdateOrganisationDocument, { input: older })).updateOrganisation;
    expect(kept.secretariat.officeHoursJa).toBe(saved.secretariat.officeHoursJa);
    const restored = (
      await owner.ok(
        UpdateOrganisationDocument,
        settings(kept, { postalAddressJa: '〒102-0073 東京都千代田区九段北1-5-9 九段誠和ビル' }),
      )
    ).updateOrganisation;
    expect(restored.contactDrift).toEqual([]);
  });

  it('refuses bad bilingual input with stable codes, storing nothing', async () => {
    const o = await org();
    const bad = await owner.request(
      UpdateOrganisationDocument,
      settings(o, { postalAddressJa: '東'.repeat(501), officeHoursEn: 'x'.repeat(501) }),
    );
    expect(errorOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.postalAddressJa' });
    expect(errorOf(bad).issues?.map((i) => `${i.field}:${i.code}`)).toEqual([
      'input.postalAddressJa:TOO_LONG',
      'input.officeHoursEn:TOO_LONG',
    ]);
    const hidden = await owner.request(UpdateOrganisationDocument, settings(o, { secretariatNameJa: '事務局\u200B' }));
    expect(errorOf(hidden)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.secretariatNameJa' });
    expect((await org()).version).toBe(o.version);
  });

  it('names the telephone as drift once edited; the editor sees it on a draft; the offered draft clears it when published', async () => {
    await owner.ok(UpdateOrganisationDocument, settings(await org(), { telephone: '+81-3-1234-5678' }));
    const page = await owner.ok(PolicyPageDocument);
    expect(page.organisation.contactDrift).toEqual([
      { field: 'telephone', language: 'ja', current: '+81-3-1234-5678', published: '03-5226-5191' },
      { field: 'telephone', language: 'en', current: '+81-3-1234-5678', published: '+81-3-5226-5191' },
    ]);
    // Anonymous readers get the organisation, not the staff's drift.
    expect(errorOf(await app.client().request(OrganisationSettingsDocument)).code).toBe('UNAUTHENTICATED');

    // A plain copy still names the old number: what the editor warns about before publishing.
    const copy = (await officer.ok(CreatePolicyDraftDocument)).createPolicyDraft;
    expect(drift(copy.contactDrift)).toEqual(['ja:telephone:03-5226-5191', 'en:telephone:+81-3-5226-5191']);
    const conflict = await officer.request(CreateContactUpdateDraftDocument);
    expect(errorOf(conflict)).toMatchObject({ code: 'CONFLICT', field: 'draft' });
    await officer.ok(DiscardPolicyDraftDocument, { input: { id: copy.id, expectedVersion: copy.version } });

    const offered = (await officer.ok(CreateContactUpdateDraftDocument)).createContactUpdateDraft;
    expect(offered).toMatchObject({ status: 'DRAFT', number: 2, contactDrift: [] });
    expect(offered.changeSummaryJa).toContain('第8条');
    expect(offered.changeSummaryEn).toContain('Clause 8');
    expect(inquiries(offered).bodyJa).toContain('TEL 03-1234-5678 / FAX 03-5226-5192');
    expect(inquiries(offered).bodyEn).toContain('TEL +81-3-1234-5678 / FAX +81-3-5226-5192');
    expect(inquiries(offered).bodyJa.split('\n')[0]).toBe(
      '本会のプライバシーポリシーに関するお問い合わせは、下記までご連絡ください。',
    );
    // Only clause 8 changed.
    const { currentPolicy } = await owner.ok(PolicyEditorDocument);
    expect(
      offered.sections.filter((s, i) => s.bodyJa !== currentPolicy.sections[i]!.bodyJa).map((s) => s.clause),
    ).toEqual(['INQUIRIES']);

    await publish(offered);
    expect((await org()).contactDrift).toEqual([]);
    const ja = (await app.client().ok(PublicPolicyDocument, { language: 'ja' })).publicPolicy;
    expect(ja.sections.find((s) => s.clause === 'INQUIRIES')!.body).toContain('03-1234-5678');
    expect(ja.changeLog.map((c) => c.changeSummary)[0]).toContain('第8条');

    const nothing = await officer.request(CreateContactUpdateDraftDocument);
    expect(errorOf(nothing)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contact' });
    expect(errorOf(nothing).issues?.[0]?.code).toBe('NO_CHANGE');
  });

  it('warns on a draft whose contact differs from the settings, and still publishes it when asked', async () => {
    const draft = (await officer.ok(CreatePolicyDraftDocument)).createPolicyDraft;
    expect(draft.contactDrift).toEqual([]);
    await owner.ok(UpdateOrganisationDocument, settings(await org(), { email: 'privacy@jspe.or.jp' }));
    const { policyDraft } = await officer.ok(PolicyEditorDocument);
    expect(drift(policyDraft!.contactDrift)).toEqual([
      'ja:email:jspe_jspe@jspe.or.jp',
      'en:email:jspe_jspe@jspe.or.jp',
    ]);
    const input = draftInput(policyDraft!, { changeSummaryJa: '文言の修正。', changeSummaryEn: 'Wording.' });
    const changes = input.input.sections.find((s) => s.clause === 'CHANGES')!;
    changes.bodyEn += '\nEarlier versions stay available on request.';
    const saved = (await officer.ok(UpdatePolicyDraftDocument, input)).updatePolicyDraft;
    const published = (await publish(saved)).publishPolicyVersion;
    expect(published.status).toBe('PUBLISHED');
    expect(drift((await org()).contactDrift)).toEqual([
      'ja:email:jspe_jspe@jspe.or.jp',
      'en:email:jspe_jspe@jspe.or.jp',
    ]);
  });

  it('keeps change summaries and purpose descriptions in both languages, and refuses a summary missing in one', async () => {
    const draft = (await officer.ok(CreateContactUpdateDraftDocument)).createContactUpdateDraft;
    const missing = await officer.request(UpdatePolicyDraftDocument, draftInput(draft, { changeSummaryJa: ' ' }));
    expect(errorOf(missing)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.changeSummaryJa' });
    expect(errorOf(missing).issues?.[0]?.code).toBe('REQUIRED');

    const input = draftInput(draft, {
      changeSummaryJa: '連絡先と説明の更新。',
      changeSummaryEn: 'Contact and wording.',
    });
    const news = input.input.purposes.find((p) => p.key === 'EVENT_NEWS')!;
    expect(news.descriptionJa).toBe('メールニュースおよび行事案内の送付。');
    news.descriptionJa = 'メールニュースと行事のご案内をお送りします。';
    const saved = (await officer.ok(UpdatePolicyDraftDocument, input)).updatePolicyDraft;
    expect(saved).toMatchObject({ changeSummaryJa: '連絡先と説明の更新。', changeSummaryEn: 'Contact and wording.' });
    await publish(saved);
    const { purposes } = await owner.ok(PurposesDocument, {});
    expect(purposes.find((p) => p.key === 'EVENT_NEWS')).toMatchObject({
      description: 'Sending the e-mail newsletter and notices of upcoming events.',
      descriptionJa: 'メールニュースと行事のご案内をお送りします。',
    });
    const en = (await app.client().ok(PublicPolicyDocument, { language: 'en' })).publicPolicy;
    expect(en.changeLog[0]).toMatchObject({ changeSummary: 'Contact and wording.', changeSummaryLanguage: 'en' });
  });

  it('reads a summary written before the two fields in the language it is written in', async () => {
    const draft = (await officer.ok(CreatePolicyDraftDocument)).createPolicyDraft;
    // A draft row as an older version left it: one-language text, no per-language fields.
    await app
      .em()
      .getConnection()
      .execute(
        'update policy_version set change_summary = ?, change_summary_ja = null, change_summary_en = null where id = ?',
        ['連絡先の誤記を訂正。', draft.id],
      );
    const { policyDraft } = await officer.ok(PolicyEditorDocument);
    expect(policyDraft).toMatchObject({ changeSummaryJa: '連絡先の誤記を訂正。', changeSummaryEn: '' });
    await officer.ok(DiscardPolicyDraftDocument, { input: { id: draft.id, expectedVersion: policyDraft!.version } });
  });
});

import {
  CreatePolicyDraftDocument,
  DecisionDocument,
  DiscardPolicyDraftDocument,
  OrganisationSettingsDocument,
  PolicyDiffDocument,
  PolicyEditorDocument,
  PolicyImpactDocument,
  PolicyImpactProvidersDocument,
  PublicPolicyDocument,
  PublishPolicyVersionDocument,
  RecordCollectionDocument,
  RecordConsentDocument,
  UpdateOrganisationDocument,
  UpdatePolicyDraftDocument,
  VerifyLedgerDocument,
  type PolicyImpactProvidersQuery,
  type PolicyVersionFullFragment,
  type UpdatePolicyDraftMutationVariables,
  SetMyLanguageDocument,
} from '@steward/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollectionInput } from '../test/factories.js';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../test/test-app.js';
import { DATABASES, SQLITE_ONLY } from '../test/databases.js';

type DraftInput = UpdatePolicyDraftMutationVariables['input'];

/** The draft as an update input, with changes applied: the editor's "save". */
function edit(draft: PolicyVersionFullFragment, change: (input: DraftInput) => void = () => undefined): DraftInput {
  const input: DraftInput = {
    id: draft.id,
    expectedVersion: draft.version,
    changeSummaryJa: '変更は直ちに効力を生じます。利用目的を改定しました。',
    changeSummaryEn: 'Changes take effect immediately; purposes revised.',
    sections: draft.sections.map((s) => ({
      clause: s.clause,
      titleEn: s.titleEn,
      titleJa: s.titleJa,
      bodyEn: s.bodyEn,
      bodyJa: s.bodyJa,
    })),
    purposes: (draft.purposes ?? []).map((p) => ({
      key: p.key,
      titleEn: p.titleEn,
      titleJa: p.titleJa,
      description: p.description,
      descriptionJa: p.descriptionJa,
      categories: [...p.categories],
      retired: p.retired,
    })),
  };
  change(input);
  return input;
}

/** Version 2 of the demo policy: clause 7 reworded, EVENT_NEWS widened by TELEPHONE, FAX_NOTICES added. */
function version2(input: DraftInput): void {
  const changes = input.sections.find((s) => s.clause === 'CHANGES')!;
  changes.bodyEn += '\nA new version takes effect immediately and applies to all information already collected.';
  changes.bodyJa += '\n新しい版は直ちに効力を生じ、既に収集した情報にも適用されます。';
  input.purposes.find((p) => p.key === 'EVENT_NEWS')!.categories.push('TELEPHONE');
  input.purposes.push({
    key: 'FAX_NOTICES',
    titleEn: 'Notices by fax',
    titleJa: 'FAXによる通知',
    description: 'Sending notices by fax.',
    categories: ['NAME', 'FAX'],
    retired: false,
  });
}

async function count(app: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  return Number((await app.em().getConnection().execute<{ n: number | string }[]>(sql, params))[0]!.n);
}

describe.each(DATABASES)('policy versions on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  let officer: TestClient;
  let viewer: TestClient;
  let before: { providerId: string; providerVersion: number };

  beforeAll(async () => {
    app = await createTestApp({ database });
    owner = await app.clientAs('OWNER');
    officer = await app.clientAs('PRIVACY_OFFICER');
    viewer = await app.clientAs('VIEWER');
    const collected = await owner.ok(RecordCollectionDocument, {
      input: buildCollectionInput({
        purposes: [
          { purposeKey: 'EVENT_NEWS', granted: true },
          { purposeKey: 'CONFERENCE_REGISTRATION', granted: true },
        ],
      }),
    });
    expect(collected.recordCollection.collection.policyVersion).toBe(1);
    expect(collected.recordCollection.receipt.policyVersion).toBe(1);
    before = {
      providerId: collected.recordCollection.provider.id,
      providerVersion: collected.recordCollection.provider.version,
    };
  });
  afterAll(() => app?.close());

  let draft: PolicyVersionFullFragment;

  it('drafts the next version as a copy of the one in force; one draft at a time; viewers only read', async () => {
    expect(errorOf(await viewer.request(CreatePolicyDraftDocument)).code).toBe('FORBIDDEN');
    draft = (await officer.ok(CreatePolicyDraftDocument)).createPolicyDraft;
    const { currentPolicy } = await owner.ok(PolicyEditorDocument);
    expect(draft).toMatchObject({
      number: 2,
      status: 'DRAFT',
      publishedAt: null,
      version: 1,
      contentHash: currentPolicy.contentHash,
    });
    expect(draft.sections).toEqual(currentPolicy.sections);
    expect(draft.purposes?.map((p) => p.key)).toContain('EVENT_NEWS');
    const again = await owner.request(CreatePolicyDraftDocument);
    expect(errorOf(again)).toMatchObject({ code: 'CONFLICT', field: 'draft' });
    expect((await owner.ok(PolicyEditorDocument)).policyDraft?.id).toBe(draft.id);
  });

  it('edits the draft with optimistic locking and refuses invalid drafts, storing nothing', async () => {
    const saved = (await officer.ok(UpdatePolicyDraftDocument, { input: edit(draft, version2) })).updatePolicyDraft;
    expect(saved.version).toBe(2);
    expect(saved.contentHash).not.toBe(draft.contentHash);
    expect(saved.purposes?.find((p) => p.key === 'EVENT_NEWS')?.categories).toEqual(['NAME', 'EMAIL', 'TELEPHONE']);

    const stale = await owner.request(UpdatePolicyDraftDocument, { input: edit(draft) });
    expect(errorOf(stale).code).toBe('CONFLICT');
    expect(stale.errors?.[0]?.extensions?.currentVersion).toBe(2);

    // A text-direction override is refused at the input boundary, before the draft is even read;
    // the draft's own rules then report every other problem at once.
    const hostile = await owner.request(UpdatePolicyDraftDocument, {
      input: edit(saved, (i) => {
        i.sections[0]!.bodyEn = 'Hidden \u202E text';
      }),
    });
    expect(errorOf(hostile).code).toBe('BAD_USER_INPUT');
    expect(errorOf(hostile).issues?.map((i) => `${i.field}:${i.code}`)).toEqual([
      'input.sections[0].bodyEn:CONTROL_CHARACTERS',
    ]);
    const broken = await owner.request(UpdatePolicyDraftDocument, {
      input: edit(saved, (i) => {
        i.sections = i.sections.filter((s) => s.clause !== 'COOKIES');
        i.purposes = i.purposes.filter((p) => p.key !== 'JOURNAL_DELIVERY');
      }),
    });
    expect(errorOf(broken).code).toBe('BAD_USER_INPUT');
    expect(errorOf(broken).issues?.map((i) => `${i.field}:${i.code}`)).toEqual([
      'input.sections:REQUIRED',
      'input.purposes:REQUIRED',
    ]);
    draft = (await owner.ok(PolicyEditorDocument)).policyDraft!;
    expect(draft.version).toBe(2);
    expect(draft.sections).toHaveLength(8);
  });

  it('shows the diff against the version in force, per clause and language', async () => {
    const { policyDiff } = await owner.ok(PolicyDiffDocument, { id: draft.id });
    expect(policyDiff.base?.number).toBe(1);
    expect(policyDiff.sections.map((s) => `${s.number}.${s.language}:${s.change}+${s.added}-${s.removed}`)).toEqual([
      '7.ja:CHANGED+1-0',
      '7.en:CHANGED+1-0',
    ]);
    expect(policyDiff.sections[1]!.lines.at(-1)).toMatchObject({
      kind: 'ADDED',
      oldLine: null,
      text: expect.stringContaining('takes effect immediately'),
    });
    expect(policyDiff.purposeChanges).toEqual({
      added: ['FAX_NOTICES'],
      widened: [{ key: 'EVENT_NEWS', categories: ['TELEPHONE'] }],
      narrowed: [],
      retired: [],
    });
  });

  it('shows the re-consent impact before publishing: everyone must be asked for the added and widened purposes', async () => {
    const { policyImpact } = await owner.ok(PolicyImpactDocument, { id: draft.id });
    expect(policyImpact).toMatchObject({ nextVersion: 2, providers: 1, providersToAsk: 1, consentsMissing: 2 });
    expect(
      policyImpact.purposes.map((p) => [
        p.key,
        p.change,
        p.addedCategories,
        p.lacking,
        p.notAsked,
        p.grantedBeforeVersion,
      ]),
    ).toEqual([
      ['FAX_NOTICES', 'ADDED', ['NAME', 'FAX'], 1, 1, 0],
      ['EVENT_NEWS', 'WIDENED', ['TELEPHONE'], 1, 0, 1],
    ]);
  });

  it('publishes only with the typed version number, by an owner or privacy officer', async () => {
    expect(
      errorOf(
        await viewer.request(PublishPolicyVersionDocument, {
          input: {
            id: draft.id,
            expectedVersion: draft.version,
            confirmNumber: 2,
          },
        }),
      ).code,
    ).toBe('FORBIDDEN');
    const wrong = await officer.request(PublishPolicyVersionDocument, {
      input: {
        id: draft.id,
        expectedVersion: draft.version,
        confirmNumber: 1,
      },
    });
    expect(errorOf(wrong)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'confirmNumber' });
    expect((await owner.ok(PolicyEditorDocument)).currentPolicy.number).toBe(1);
  });

  it('after publishing version 2, every later collection, consent, decision and ledger entry carries 2; earlier ones keep 1', async () => {
    const ledgerBefore = await count(app, 'select count(*) as n from ledger_entry');
    const published = (
      await officer.ok(PublishPolicyVersionDocument, {
        input: { id: draft.id, expectedVersion: draft.version, confirmNumber: 2 },
      })
    ).publishPolicyVersion;
    expect(published).toMatchObject({ number: 2, status: 'PUBLISHED' });
    expect(published.publishedAt).not.toBeNull();
    // In force at once: the very next request sees it, with no clock movement and no cache.
    const editor = await owner.ok(PolicyEditorDocument);
    expect(editor.currentPolicy.number).toBe(2);
    expect(editor.policyDraft).toBeNull();

    // A form still showing version 1 is refused; one showing version 2 is recorded under 2.
    const stale = await owner.request(RecordCollectionDocument, { input: buildCollectionInput() });
    expect(errorOf(stale)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.policyVersionShown' });
    const later = await owner.ok(RecordCollectionDocument, {
      input: buildCollectionInput({
        policyVersionShown: 2,
        purposes: [{ purposeKey: 'FAX_NOTICES', granted: true }],
        items: [
          { category: 'NAME', value: 'Sora Ito' },
          { category: 'FAX', value: '+81-3-1234-5678' },
        ],
      }),
    });
    expect(later.recordCollection.collection.policyVersion).toBe(2);
    expect(later.recordCollection.receipt).toMatchObject({
      policyVersion: 2,
      policyContentHash: published.contentHash,
    });
    expect(later.recordCollection.provider.consentHistory.map((e) => e.policyVersion)).toEqual([2]);

    // EVENT_NEWS was widened in version 2: the grant recorded under version 1 no longer covers it.
    // (Reasons are worded in the asker's language: the organisation's default is Japanese.)
    await owner.ok(SetMyLanguageDocument, { input: { language: 'EN' } });
    const refused = await owner.ok(DecisionDocument, {
      input: { providerId: before.providerId, purposeKey: 'EVENT_NEWS', categories: ['EMAIL'], action: 'USE' },
    });
    expect(refused.decision).toMatchObject({ allowed: false, policyVersion: 2 });
    expect(refused.decision.reasons.map((r) => r.message).join(' ')).toContain('must be granted again');

    // Consent recorded now for the earlier provider: version 2; its earlier events keep 1.
    const consented = await owner.ok(RecordConsentDocument, {
      input: {
        providerId: before.providerId,
        expectedProviderVersion: before.providerVersion,
        purposeKey: 'EVENT_NEWS',
        action: 'GRANT',
        method: 'EMAIL_REPLY',
      },
    });
    const history = consented.recordConsent.consentHistory;
    expect(history.map((e) => e.policyVersion).sort()).toEqual([1, 1, 2]);
    expect(consented.recordConsent.collections[0]!.policyVersion).toBe(1);

    const decision = await owner.ok(DecisionDocument, {
      input: { providerId: before.providerId, purposeKey: 'EVENT_NEWS', categories: ['EMAIL'], action: 'USE' },
    });
    expect(decision.decision).toMatchObject({ allowed: true, policyVersion: 2 });
    // An unchanged purpose keeps the version 1 grant.
    const unchanged = await owner.ok(DecisionDocument, {
      input: {
        providerId: before.providerId,
        purposeKey: 'CONFERENCE_REGISTRATION',
        categories: ['EMAIL'],
        action: 'USE',
      },
    });
    expect(unchanged.decision).toMatchObject({ allowed: true, policyVersion: 2 });

    const entries = await app
      .em()
      .getConnection()
      .execute<{ kind: string; policy_version: number | string; sequence: number | string }[]>(
        'select kind, policy_version, sequence from ledger_entry order by sequence',
      );
    const versions = entries.map((e) => `${e.kind}:${Number(e.policy_version)}`);
    expect(versions.slice(0, ledgerBefore).every((v) => v.endsWith(':1'))).toBe(true);
    expect(versions[ledgerBefore]).toBe('POLICY:2');
    expect(versions.slice(ledgerBefore + 1).every((v) => v.endsWith(':2'))).toBe(true);
    expect(versions.slice(ledgerBefore + 1)).toEqual(
      expect.arrayContaining(['COLLECTION:2', 'CONSENT:2', 'DECISION:2']),
    );
    expect((await owner.ok(VerifyLedgerDocument)).verifyLedger.ok).toBe(true);

    // The purposes of version 2 apply: FAX_NOTICES exists (introduced in 2), EVENT_NEWS needs TELEPHONE.
    const purposes = await app.em().getConnection().execute<
      {
        key: string;
        categories: unknown;
        introduced_in_version: number | string;
        consent_from_version: number | string;
      }[]
    >("select key, categories, introduced_in_version, consent_from_version from purpose where key in ('FAX_NOTICES', 'EVENT_NEWS', 'CONFERENCE_REGISTRATION') order by key");
    expect(
      purposes.map((p) => [
        p.key,
        Number(p.introduced_in_version),
        Number(p.consent_from_version),
        typeof p.categories === 'string' ? JSON.parse(p.categories) : p.categories,
      ]),
    ).toEqual([
      ['CONFERENCE_REGISTRATION', 1, 1, ['NAME', 'EMAIL', 'TELEPHONE', 'AFFILIATION']],
      ['EVENT_NEWS', 1, 2, ['NAME', 'EMAIL', 'TELEPHONE']],
      ['FAX_NOTICES', 2, 2, ['NAME', 'FAX']],
    ]);
    const audit = await app
      .em()
      .getConnection()
      .execute<{ action: string }[]>("select action from audit_entry where entity_type = 'PolicyVersion' order by id");
    expect(audit.map((a) => a.action)).toEqual(['policy.draft.create', 'policy.draft.update', 'policy.publish']);
  });

  it('counts who still lacks consent under the published version, and pages them', async () => {
    const { policyImpact } = await owner.ok(PolicyImpactDocument, { id: draft.id });
    // Two providers now: the earlier one re-granted EVENT_NEWS under 2; the later one granted FAX_NOTICES under 2.
    expect(policyImpact.purposes.map((p) => [p.key, p.covered, p.lacking, p.notAsked])).toEqual([
      ['FAX_NOTICES', 1, 1, 1],
      ['EVENT_NEWS', 1, 1, 1],
    ]);
    expect(policyImpact).toMatchObject({ providers: 2, providersToAsk: 2, consentsMissing: 2 });
    const page = await owner.ok(PolicyImpactProvidersDocument, { id: draft.id, purposeKey: 'FAX_NOTICES', first: 5 });
    expect(page.policyImpactProviders.edges.map((e) => [e.node.providerId, e.node.state, e.node.reason])).toEqual([
      [before.providerId, 'NOT_ASKED', 'NOT_GRANTED'],
    ]);
    const unrelated = await owner.request(PolicyImpactProvidersDocument, {
      id: draft.id,
      purposeKey: 'JOURNAL_DELIVERY',
      first: 5,
    });
    expect(errorOf(unrelated)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'purposeKey' });
  });

  it('never changes a published version: the service refuses, and so does the database', async () => {
    const published = (await owner.ok(PolicyEditorDocument)).currentPolicy;
    const update = await owner.request(UpdatePolicyDraftDocument, { input: edit(published) });
    expect(errorOf(update)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(
      errorOf(
        await owner.request(DiscardPolicyDraftDocument, {
          input: { id: published.id, expectedVersion: published.version },
        }),
      ).code,
    ).toBe('BAD_USER_INPUT');
    expect(
      errorOf(
        await owner.request(PublishPolicyVersionDocument, {
          input: {
            id: published.id,
            expectedVersion: published.version,
            confirmNumber: 2,
          },
        }),
      ).code,
    ).toBe('BAD_USER_INPUT');

    const conn = app.em().getConnection();
    await expect(
      conn.execute("update policy_version set change_summary = 'rewritten' where number = 1"),
    ).rejects.toThrow(/immutable/);
    await expect(conn.execute('delete from policy_version where number = 2')).rejects.toThrow(/immutable/);
    expect(await count(app, "select count(*) as n from policy_version where change_summary = 'rewritten'")).toBe(0);

    // A draft is still editable at the database level, and discarding it works.
    const next = (await owner.ok(CreatePolicyDraftDocument)).createPolicyDraft;
    expect(next.number).toBe(3);
    const identical = await owner.request(PublishPolicyVersionDocument, {
      input: {
        id: next.id,
        expectedVersion: next.version,
        confirmNumber: 3,
      },
    });
    expect(errorOf(identical).issues?.map((i) => i.code)).toContain('NO_CHANGE');
    expect(
      (await owner.ok(DiscardPolicyDraftDocument, { input: { id: next.id, expectedVersion: next.version } }))
        .discardPolicyDraft,
    ).toBe(true);
    expect((await owner.ok(PolicyEditorDocument)).policyDraft).toBeNull();
  });

  it('lets only one of two admins starting a draft at once win; the other gets CONFLICT', async () => {
    const results = await Promise.all([
      owner.request(CreatePolicyDraftDocument),
      officer.request(CreatePolicyDraftDocument),
    ]);
    const won = results.filter((r) => !r.errors);
    expect(won).toHaveLength(1);
    expect(results.map((r) => errorOf(r).code).filter(Boolean)).toEqual(['CONFLICT']);
    const created = won[0]!.data!.createPolicyDraft;
    expect(
      (await owner.ok(DiscardPolicyDraftDocument, { input: { id: created.id, expectedVersion: created.version } }))
        .discardPolicyDraft,
    ).toBe(true);
  });

  it('publishes the policy page anonymously: version in force, change log, website disclaimer, secretariat', async () => {
    const anonymous = app.client();
    const en = (await anonymous.ok(PublicPolicyDocument, { language: 'en' })).publicPolicy;
    expect(en).toMatchObject({
      language: 'en',
      number: 2,
      organisationName: 'The Japan Society for Precision Engineering',
    });
    expect(en.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(en.websiteUse).toMatchObject({ clause: 'WEBSITE_USE', number: 5 });
    expect(en.websiteUse!.body.length).toBeGreaterThan(20);
    expect(en.changeLog.map((c) => [c.number, c.changeSummary])).toEqual([
      [2, 'Changes take effect immediately; purposes revised.'],
      [1, 'Constituted November 18th, 2005. Approved by the Board of Directors.'],
    ]);
    expect(en.secretariat).toMatchObject({
      email: 'jspe_jspe@jspe.or.jp',
      telephone: '+81-3-5226-5191',
      fax: '+81-3-5226-5192',
    });
    const ja = (await anonymous.ok(PublicPolicyDocument, { language: 'ja' })).publicPolicy;
    expect(ja.organisationName).toBe('公益社団法人 精密工学会');
    expect(ja.sections[6]!.body).toContain('直ちに効力を生じ');
    // Nothing else is reachable anonymously.
    expect(errorOf(await anonymous.request(PolicyEditorDocument)).code).toBe('UNAUTHENTICATED');
  });

  it("lets an owner edit the secretariat's contact details, validated, locked and audited; the public page shows them at once", async () => {
    const { organisation } = await owner.ok(OrganisationSettingsDocument);
    const input = {
      expectedVersion: organisation.version,
      name: organisation.name,
      nameJa: organisation.nameJa,
      secretariatName: organisation.secretariat.name,
      postalAddress: 'Kudan-Seiwa Building\r\n1-5-9 Kudan-kita, Chiyoda-ku, Tokyo 102-0073',
      telephone: '+81-3-5226-5100',
      fax: organisation.secretariat.fax,
      email: ' privacy@jspe.or.jp ',
    };
    expect(errorOf(await officer.request(UpdateOrganisationDocument, { input })).code).toBe('FORBIDDEN');
    const bad = await owner.request(UpdateOrganisationDocument, {
      input: { ...input, email: 'privacy@', fax: 'fax me' },
    });
    expect(errorOf(bad).issues?.map((i) => `${i.field}:${i.code}`)).toEqual([
      'input.fax:INVALID_FORMAT',
      'input.email:INVALID_FORMAT',
    ]);
    const saved = (await owner.ok(UpdateOrganisationDocument, { input })).updateOrganisation;
    expect(saved).toMatchObject({
      version: organisation.version + 1,
      secretariat: { email: 'privacy@jspe.or.jp', telephone: '+81-3-5226-5100' },
    });
    expect(saved.secretariat.postalAddress).toBe('Kudan-Seiwa Building\n1-5-9 Kudan-kita, Chiyoda-ku, Tokyo 102-0073');
    expect(errorOf(await owner.request(UpdateOrganisationDocument, { input })).code).toBe('CONFLICT');
    const page = (await app.client().ok(PublicPolicyDocument, { language: 'en' })).publicPolicy;
    expect(page.secretariat).toMatchObject({ email: 'privacy@jspe.or.jp', telephone: '+81-3-5226-5100' });
    const audit = await app
      .em()
      .getConnection()
      .execute<{ detail: unknown }[]>("select detail from audit_entry where action = 'organisation.update'");
    expect(audit).toHaveLength(1);
    const detail = typeof audit[0]!.detail === 'string' ? JSON.parse(audit[0]!.detail) : audit[0]!.detail;
    expect(detail).toEqual({ fields: ['postalAddress', 'telephone', 'email'] });
  });
});

describe.each(SQLITE_ONLY)('re-consent impact on a seeded set of providers', () => {
  let app: TestApp;
  let owner: TestClient;
  beforeAll(async () => {
    app = await createTestApp();
    owner = await app.clientAs('OWNER');
  });
  afterAll(() => app?.close());

  it('counts every consent state per added and widened purpose, and pages the providers lacking consent', async () => {
    const collect = async (eventNews: boolean | null) =>
      (
        await owner.ok(RecordCollectionDocument, {
          input: buildCollectionInput({
            purposes: [
              { purposeKey: 'CONFERENCE_REGISTRATION', granted: true },
              ...(eventNews === null ? [] : [{ purposeKey: 'EVENT_NEWS', granted: eventNews }]),
            ],
          }),
        })
      ).recordCollection.provider;
    const granted = await collect(true);
    await collect(true);
    await collect(false);
    const withdrawn = await collect(true);
    await owner.ok(RecordConsentDocument, {
      input: {
        providerId: withdrawn.id,
        expectedProviderVersion: withdrawn.version,
        purposeKey: 'EVENT_NEWS',
        action: 'WITHDRAW',
        method: 'EMAIL_REPLY',
      },
    });
    await collect(null);

    const created = (await owner.ok(CreatePolicyDraftDocument)).createPolicyDraft;
    const draft = (await owner.ok(UpdatePolicyDraftDocument, { input: edit(created, version2) })).updatePolicyDraft;
    const { policyImpact } = await owner.ok(PolicyImpactDocument, { id: draft.id });
    expect(policyImpact).toMatchObject({ providers: 5, providersToAsk: 5, consentsMissing: 10 });
    expect(
      policyImpact.purposes.map((p) => [
        p.key,
        p.covered,
        p.lacking,
        p.notAsked,
        p.grantedBeforeVersion,
        p.refused,
        p.withdrawn,
      ]),
    ).toEqual([
      ['FAX_NOTICES', 0, 5, 5, 0, 0, 0],
      ['EVENT_NEWS', 0, 5, 1, 2, 1, 1],
    ]);

    // Keyset pages of two, in provider order, each judged by policy-core.
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const page: PolicyImpactProvidersQuery = await owner.ok(PolicyImpactProvidersDocument, {
        id: draft.id,
        purposeKey: 'EVENT_NEWS',
        first: 2,
        after,
      });
      seen.push(...page.policyImpactProviders.edges.map((e) => e.node.providerId));
      if (!page.policyImpactProviders.pageInfo.hasNextPage) break;
      after = page.policyImpactProviders.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(5);
    expect(seen).toEqual([...seen].sort());
    const first = await owner.ok(PolicyImpactProvidersDocument, { id: draft.id, purposeKey: 'EVENT_NEWS', first: 5 });
    const grantedRow = first.policyImpactProviders.edges.find((e) => e.node.providerId === granted.id)!.node;
    expect(grantedRow).toMatchObject({
      state: 'GRANTED',
      policyVersion: 1,
      reason: 'GRANTED_BEFORE_VERSION',
      message: 'Consent to "EVENT_NEWS" was granted under version 1, before version 2.',
    });
  });
});

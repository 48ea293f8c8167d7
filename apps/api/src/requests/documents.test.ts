import {
  CreateRecipientDocument,
  DecisionDocument,
  ProduceDisclosureJsonDocument,
  ProviderDocument,
  RecordCollectionDocument,
  type PolicyLanguage,
} from '@steward/schema';
import type { DisclosureDocument, ReceiptDocument } from '@steward/policy-core';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../common/canonical-json.js';
import { buildCollectionInput } from '../test/factories.js';
import { openTestIncident } from '../test/incidents.js';
import { produceDisclosure } from '../test/requests.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { DATABASES } from '../test/databases.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The documents a provider receives (issue 16): the disclosure package and the consent receipt are
 * in the provider's language, each code with its label beside it, their format version inside what
 * the hash covers.
 */
describe.each(DATABASES)("documents in the provider's language on %s", (database) => {
  let app: TestApp;
  let owner: TestClient;
  let officer: TestClient;

  beforeAll(async () => {
    app = await createTestApp({ database });
    owner = await app.clientAs('OWNER');
    officer = await app.clientAs('PRIVACY_OFFICER');
  });
  afterAll(() => app?.close());

  /** A provider collected in `language` (CONFERENCE_REGISTRATION agreed, EVENT_NEWS declined), with one decision. */
  async function collectIn(language: PolicyLanguage) {
    const { recordCollection } = await owner.ok(RecordCollectionDocument, {
      input: buildCollectionInput({ language }),
    });
    await owner.ok(DecisionDocument, {
      input: {
        action: 'USE',
        providerId: recordCollection.provider.id,
        purposeKey: 'CONFERENCE_REGISTRATION',
        categories: ['NAME'],
      },
    });
    return recordCollection;
  }

  /** The package of a verified disclosure request for the provider. */
  const disclosureFor = (providerId: string) => produceDisclosure(officer, providerId);

  it("writes a Japanese provider's package in Japanese: labels beside the codes, titles and names, never ids", async () => {
    const { provider } = await collectIn('ja');
    const pkg = await disclosureFor(provider.id);
    expect(pkg).toMatchObject({ language: 'ja', formatVersion: 'steward.disclosure/6' });
    const doc = JSON.parse(pkg.json) as DisclosureDocument;
    expect(doc).toMatchObject({ formatVersion: 'steward.disclosure/6', language: 'ja', title: '保有個人データの開示' });
    expect(doc.controller).toContain('公益社団法人 精密工学会');
    expect(doc.controller).toContain('公益社団法人精密工学会 事務局');
    expect(doc.sectionTitles).toMatchObject({ dataItems: '保有している個人情報', ledger: '利用・提供の記録' });
    expect(doc.sections.map((s) => s.title)).toEqual(['お問い合わせ', 'クッキーの同意', 'あなたに関係する事故']);
    expect(doc.provider).toMatchObject({ kind: 'SERVICE_USER', kindLabel: expect.stringMatching(/\p{Script=Han}/u) });

    expect(doc.dataItems.map((i) => [i.category, i.categoryLabel])).toContainEqual(['NAME', '氏名']);
    expect(doc.dataItems.every((i) => i.channel === 'WEB_FORM' && i.channelLabel === 'ウェブフォーム')).toBe(true);
    // What the issue found: "CONFERENCE_REGISTRATION: agreed", GRANTED, NAME — now each with its Japanese words.
    expect(doc.collections[0]!.purposes).toEqual([
      {
        purposeKey: 'CONFERENCE_REGISTRATION',
        purposeTitle: '学術講演会・講習会の参加登録',
        granted: true,
        consent: 'GRANTED',
        consentLabel: '同意済み',
      },
      {
        purposeKey: 'EVENT_NEWS',
        purposeTitle: 'メールニュース・行事案内の送付',
        granted: false,
        consent: 'REFUSED',
        consentLabel: '拒否',
      },
    ]);
    expect(doc.collections[0]!.categoryLabels).toEqual(doc.collections[0]!.categories.map(() => expect.any(String)));
    expect(doc.collections[0]!.categoryLabels).toContain('氏名');
    expect(doc.consents.map((c) => [c.purposeTitle, c.state, c.stateLabel])).toEqual([
      ['学術講演会・講習会の参加登録', 'GRANTED', '同意済み'],
      ['メールニュース・行事案内の送付', 'REFUSED', '拒否'],
    ]);
    expect(doc.consentEvents.map((e) => [e.action, e.actionLabel])).toContainEqual(['GRANT', '同意']);
    expect(doc.requests.map((r) => [r.kind, r.kindLabel, r.channelLabel])).toEqual([['DISCLOSURE', '開示', '郵送']]);

    const decision = doc.ledger.find((e) => e.kind === 'DECISION')!;
    expect(decision).toMatchObject({
      kindLabel: '判定',
      outcome: 'ALLOWED',
      outcomeLabel: '許可',
      basisKind: 'CONSENT',
      basisLabel: 'ご本人の同意',
      purposeTitle: '学術講演会・講習会の参加登録',
      categoryLabels: ['氏名'],
      // The owner who asked, by name and role: never `admin:<uuid>`.
      actorName: '事務局 Administrator（オーナー）',
    });
    expect(doc.ledger.find((e) => e.kind === 'COLLECTION')!.kindLabel).toBe('取得');
    // What a person reads names no one by an internal reference. The proofs carry the same entries
    // exactly as hashed (actor references included), or they could not be verified.
    const { evidence, ...readable } = JSON.parse(pkg.json) as { evidence: { entries: { hash: string }[] } };
    expect(JSON.stringify(readable)).not.toMatch(/"actor"|admin:[0-9a-f-]{36}/);
    expect(evidence.entries.map((e) => e.hash)).toEqual(doc.ledger.map((e) => e.hash));
  });

  it('labels each recipient’s kind and writes the controller line with Japanese punctuation', async () => {
    const { provider } = await collectIn('ja');
    const recipient = (
      await owner.ok(CreateRecipientDocument, { input: { name: `配送業者 ${database}`, kind: 'CONTRACTOR' } })
    ).createRecipient;
    // Asked about (and refused: no exception covers it), the recipient is in the provider's ledger.
    await owner.ok(DecisionDocument, {
      input: {
        action: 'PROVIDE',
        providerId: provider.id,
        purposeKey: 'CONFERENCE_REGISTRATION',
        categories: ['NAME'],
        recipientId: recipient.id,
      },
    });
    const doc = JSON.parse((await disclosureFor(provider.id)).json) as DisclosureDocument;
    expect(doc.recipients).toEqual([
      { id: recipient.id, name: `配送業者 ${database}`, kind: 'CONTRACTOR', kindLabel: '委託先' },
    ]);
    expect(doc.controller).toMatch(/^公益社団法人 精密工学会（公益社団法人精密工学会 事務局、[^()]+、[^()]+）$/);
  });

  it('covers the format version with the hash: altering it (or the language) no longer matches', async () => {
    const { provider } = await collectIn('ja');
    const pkg = await disclosureFor(provider.id);
    const doc = JSON.parse(pkg.json) as Record<string, unknown>;
    expect(sha256(canonicalJson(doc))).toBe(pkg.sha256);
    expect(sha256(canonicalJson({ ...doc, formatVersion: 'steward.disclosure/2' }))).not.toBe(pkg.sha256);
    expect(sha256(canonicalJson({ ...doc, language: 'en' }))).not.toBe(pkg.sha256);
    // The download's lighter form is the same document.
    const light = (await officer.ok(ProduceDisclosureJsonDocument, { input: { requestId: pkg.requestId } }))
      .produceDisclosurePackage;
    expect(light).toMatchObject({ formatVersion: 'steward.disclosure/6', language: 'ja' });
    expect(sha256(light.json)).toBe(light.sha256);
  });

  it("writes an English provider's package in English", async () => {
    const { provider } = await collectIn('en');
    const pkg = await disclosureFor(provider.id);
    expect(pkg.language).toBe('en');
    const doc = JSON.parse(pkg.json) as DisclosureDocument;
    expect(doc).toMatchObject({ language: 'en', title: 'Disclosure of personal information held' });
    expect(doc.controller).toContain('The Japan Society for Precision Engineering Secretariat');
    expect(doc.sectionTitles.dataItems).toBe('Personal information held');
    expect(doc.dataItems.map((i) => [i.category, i.categoryLabel])).toContainEqual(['NAME', 'Name']);
    expect(doc.consents.map((c) => [c.purposeTitle, c.stateLabel])).toEqual([
      ['Conference and lecture registration', 'Granted'],
      ['E-mail news and event notices', 'Refused'],
    ]);
    expect(doc.ledger.find((e) => e.kind === 'DECISION')).toMatchObject({
      kindLabel: 'Decision',
      outcomeLabel: 'Allowed',
      actorName: 'Administrator (staff, Owner)',
    });
    expect(pkg.json).not.toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}]/u);
  });

  it('lists the incidents that concern the provider, in their language (steward.disclosure/5)', async () => {
    const ja = (await collectIn('ja')).provider;
    const en = (await collectIn('en')).provider;
    const other = (await collectIn('ja')).provider;
    const opened = await openTestIncident(app, {
      detectorKey: `documents-test:${ja.id}`,
      affectedProviderIds: [ja.id, en.id],
    });
    const section = async (providerId: string) => {
      const pkg = await disclosureFor(providerId);
      expect(sha256(pkg.json)).toBe(pkg.sha256);
      const doc = JSON.parse(pkg.json) as DisclosureDocument;
      expect(doc.formatVersion).toBe('steward.disclosure/6');
      return doc.sections.find((s) => s.key === 'incidents')!;
    };
    const inJa = await section(ja.id);
    expect(inJa).toMatchObject({ title: 'あなたに関係する事故', count: 1 });
    expect(inJa.records[0]).toMatchObject({
      reference: opened.reference,
      kind: 'LEAK',
      kindLabel: '漏えい',
      status: 'OPEN',
      statusLabel: expect.stringMatching(/\p{Script=Han}/u),
      measures: null,
      notifiedAt: null,
      awareAt: expect.any(String),
      steps: [expect.objectContaining({ kind: 'OPENED', summary: expect.stringContaining('事案を記録') })],
    });
    const inEn = await section(en.id);
    expect(inEn).toMatchObject({ title: 'Incidents concerning you', count: 1 });
    expect(inEn.records[0]).toMatchObject({ kindLabel: 'Leak', reference: opened.reference });
    expect(JSON.stringify(inEn.records)).toContain('Incident recorded (Leak');
    // A provider the incident does not name sees none of it.
    expect(await section(other.id)).toMatchObject({ count: 0, records: [] });
  });

  it("issues the consent receipt in the provider's language, its own format version inside the hash", async () => {
    const ja = await collectIn('ja');
    const receipt = JSON.parse(ja.receipt.json) as ReceiptDocument;
    expect(ja.receipt).toMatchObject({ version: 'steward.receipt/2', language: 'ja' });
    expect(sha256(ja.receipt.json)).toBe(ja.receipt.hash);
    expect(receipt).toMatchObject({
      version: 'steward.receipt/2',
      language: 'ja',
      title: '同意の控え',
      controller: {
        name: '公益社団法人 精密工学会',
        secretariat: '公益社団法人精密工学会 事務局',
        email: 'jspe_jspe@jspe.or.jp',
        telephone: '+81-3-5226-5191',
      },
      policy: { version: 1, effectiveFrom: '2005-11-17T15:00:00.000Z' },
      collection: { channel: 'WEB_FORM', channelLabel: 'ウェブフォーム', consentMethodLabel: expect.any(String) },
    });
    expect(receipt.controller.postalAddress).toContain('東京都千代田区');
    expect(receipt.purposes.map((p) => [p.key, p.title, p.consent, p.consentLabel])).toEqual([
      ['CONFERENCE_REGISTRATION', '学術講演会・講習会の参加登録', 'GRANTED', '同意済み'],
      ['EVENT_NEWS', 'メールニュース・行事案内の送付', 'REFUSED', '拒否'],
    ]);
    expect(receipt.purposes[0]!.categoryLabels).toContain('氏名');
    expect(sha256(canonicalJson({ ...receipt, version: 'steward-receipt/1' }))).not.toBe(ja.receipt.hash);

    const en = await collectIn('en');
    const english = JSON.parse(en.receipt.json) as ReceiptDocument;
    expect(english).toMatchObject({
      language: 'en',
      title: 'Consent receipt',
      controller: { name: 'The Japan Society for Precision Engineering' },
      collection: { channelLabel: 'Web form' },
    });
    expect(english.purposes.map((p) => [p.title, p.consentLabel])).toEqual([
      ['Conference and lecture registration', 'Granted'],
      ['E-mail news and event notices', 'Refused'],
    ]);
  });

  it('keeps a stored receipt of the first format as issued, still matching its hash', async () => {
    const { provider, collection } = await collectIn('en');
    const v1 = canonicalJson({
      version: 'steward-receipt/1',
      receiptId: collection.receipt.receiptId,
      issuedAt: collection.receipt.issuedAt,
      jurisdiction: 'JP',
      language: 'en',
      controller: { name: 'The Japan Society for Precision Engineering', contact: 'Secretariat' },
      policy: { version: 1, contentHash: collection.receipt.policyContentHash },
      subject: { reference: provider.reference },
      collection: { channel: 'WEB_FORM', consentMethod: 'WEB_CHECKBOX', categories: ['NAME'] },
      purposes: [{ key: 'EVENT_NEWS', title: 'E-mail news', categories: ['NAME'], consent: 'REFUSED' }],
    });
    await app
      .em()
      .getConnection()
      .execute('update collection_record set receipt_json = ?, receipt_hash = ? where id = ?', [
        v1,
        sha256(v1),
        collection.id,
      ]);
    const stored = (await owner.ok(ProviderDocument, { id: provider.id })).provider!.collections[0]!.receipt;
    expect(stored).toMatchObject({ version: 'steward-receipt/1', language: 'en', json: v1 });
    expect(sha256(stored.json)).toBe(stored.hash);
    expect(stored.purposes).toEqual([
      { key: 'EVENT_NEWS', title: 'E-mail news', categories: ['NAME'], consent: 'REFUSED' },
    ]);
  });
});

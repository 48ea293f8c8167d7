import {
  ApplyAmendmentDocument,
  ChangeRequestStatusDocument,
  CreateProviderRequestDocument,
  LinkRequestProviderDocument,
  ProviderDocument,
  ProvidersDocument,
  RecordCollectionDocument,
  UpdateProviderDocument,
  VerifyRequestIdentityDocument,
} from '@steward/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAME_INDEX_FORM, NAME_INDEX_SETTING, rebuildNameIndex } from '../crypto/rebuild-name-index.js';
import { DATABASES } from '../test/databases.js';
import { buildCollectionInput } from '../test/factories.js';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../test/test-app.js';

// Japanese names through the keyed bigram index (lean SQL over search_token: both databases), the
// name reading (フリガナ) category, and each provider's language.
describe.each(DATABASES)('Japanese names and languages on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  const ref: Record<string, { id: string; version: number }> = {};

  async function collect(reference: string, items: { category: 'NAME' | 'NAME_READING'; value: string }[]) {
    const data = await owner.ok(RecordCollectionDocument, {
      input: buildCollectionInput({ newProvider: { kind: 'SERVICE_USER', reference }, items }),
    });
    ref[reference] = data.recordCollection.provider;
    return data.recordCollection;
  }

  /** The references of the providers a search finds, among those this suite made. */
  async function search(term: string): Promise<string[]> {
    const data = await owner.ok(ProvidersDocument, { first: 100, filter: { search: term } });
    return data.providers.edges.map((e) => e.node.reference).filter((r) => r.startsWith('JP-'));
  }

  beforeAll(async () => {
    app = await createTestApp({ database });
    owner = await app.clientAs('OWNER');
    await collect('JP-TANAKA-KEN', [
      { category: 'NAME', value: '田中 健' },
      { category: 'NAME_READING', value: 'タナカ ケン' },
    ]);
    await collect('JP-TANAKA-HANAKO', [{ category: 'NAME', value: '田中 花子' }]);
    await collect('JP-NAKAMURA', [{ category: 'NAME', value: '中村 健一' }]);
    await collect('JP-CLARKE', [{ category: 'NAME', value: 'Emily Clarke' }]);
  });
  afterAll(() => app?.close());

  it('finds a kanji name typed without its space, and by part of it', async () => {
    expect(await search('田中健')).toEqual(['JP-TANAKA-KEN']);
    expect(await search('田中 健')).toEqual(['JP-TANAKA-KEN']);
    expect(await search('中健')).toEqual(['JP-TANAKA-KEN']);
    // One character: every name holding it.
    expect(await search('健')).toEqual(['JP-NAKAMURA', 'JP-TANAKA-KEN']);
    expect(await search('田中')).toEqual(['JP-TANAKA-HANAKO', 'JP-TANAKA-KEN']);
  });

  it('finds a katakana reading typed in hiragana or half-width katakana', async () => {
    expect(await search('たなかけん')).toEqual(['JP-TANAKA-KEN']);
    expect(await search('ﾀﾅｶｹﾝ')).toEqual(['JP-TANAKA-KEN']);
    expect(await search('ケン')).toEqual(['JP-TANAKA-KEN']);
  });

  it('still finds an English name by a whole word', async () => {
    expect(await search('clarke')).toEqual(['JP-CLARKE']);
    expect(await search('ＥＭＩＬＹ')).toEqual(['JP-CLARKE']);
    expect(await search('Clar')).toEqual([]);
  });

  it('finds no name that shares only one bigram with the term', async () => {
    // 田中花子 shares 田中 with 田中健, 中村健一 shares no bigram but 健; neither holds both 田中 and 中健.
    expect(await search('田中健')).not.toContain('JP-TANAKA-HANAKO');
    expect(await search('中村健')).toEqual(['JP-NAKAMURA']);
    expect(await search('村田')).toEqual([]);
    expect(await search('たなかはなこ')).toEqual([]);
  });

  it('stores no plaintext and no CJK word in the index: only keyed hashes', async () => {
    const rows = await app
      .em()
      .getConnection()
      .execute<{ kind: string; hash: string }[]>('select kind, hash from search_token where provider_id = ?', [
        ref['JP-TANAKA-KEN']!.id,
      ]);
    // The name: 田 中 健 田中 中健. The reading, under its own kind: タナ ナカ カケ ケン, no single kana. No word.
    expect(rows.filter((r) => r.kind === 'NAME_GRAM')).toHaveLength(5);
    expect(rows.filter((r) => r.kind === 'READING_GRAM')).toHaveLength(4);
    expect(rows.filter((r) => r.kind.endsWith('_WORD'))).toHaveLength(0);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
  });

  it('keeps a reading apart from names: equal kana are unequal tokens, and a single kana finds no reading', async () => {
    await collect('JP-KATAKANA', [
      { category: 'NAME', value: 'タナカ' },
      { category: 'NAME_READING', value: 'タナカ' },
    ]);
    const rows = await app
      .em()
      .getConnection()
      .execute<{ kind: string; hash: string }[]>('select kind, hash from search_token where provider_id = ?', [
        ref['JP-KATAKANA']!.id,
      ]);
    const name = rows.filter((r) => r.kind === 'NAME_GRAM').map((r) => r.hash);
    const reading = rows.filter((r) => r.kind === 'READING_GRAM').map((r) => r.hash);
    expect(name).toHaveLength(2);
    expect(reading).toHaveLength(2);
    expect(name.filter((h) => reading.includes(h))).toEqual([]);
    // Found by the name's tokens or the reading's, whichever holds every term.
    expect(await search('たなか')).toEqual(['JP-KATAKANA', 'JP-TANAKA-KEN']);
    expect(await search('ケ')).toEqual([]);
  });

  it("forms a search's bigrams within each space-separated part, and folds variant kanji", async () => {
    expect(await search('健 田中')).toEqual(['JP-TANAKA-KEN']);
    expect(await search('ケン タナカ')).toEqual(['JP-TANAKA-KEN']);
    await collect('JP-TAKAHASHI', [{ category: 'NAME', value: '髙橋 一郎' }]);
    await collect('JP-YAMASAKI', [{ category: 'NAME', value: '山崎 花子' }]);
    expect(await search('高橋')).toEqual(['JP-TAKAHASHI']);
    expect(await search('髙橋一郎')).toEqual(['JP-TAKAHASHI']);
    expect(await search('山﨑')).toEqual(['JP-YAMASAKI']);
  });

  it('refuses a reading in kanji, and a reading no purpose needs', async () => {
    const kanji = await owner.request(RecordCollectionDocument, {
      input: buildCollectionInput({ items: [{ category: 'NAME_READING', value: '田中 健' }] }),
    });
    expect(errorOf(kanji).issues!.map((i) => `${i.field}:${i.code}`)).toEqual(['input.items[0].value:INVALID_FORMAT']);
    const unneeded = await owner.request(RecordCollectionDocument, {
      input: buildCollectionInput({
        purposes: [{ purposeKey: 'WEBSITE_CONVENIENCE', granted: true }],
        items: [{ category: 'NAME_READING', value: 'タナカ' }],
      }),
    });
    expect(errorOf(unneeded).issues!.map((i) => `${i.field}:${i.code}`)).toEqual([
      'input.items[0].category:CATEGORY_NOT_NEEDED',
    ]);
  });

  it('updates the tokens when an amendment changes the name', async () => {
    const officer = await app.clientAs('PRIVACY_OFFICER');
    const detail = (await owner.ok(ProviderDocument, { id: ref['JP-TANAKA-HANAKO']!.id })).provider;
    const name = detail.dataItems.find((i) => i.category === 'NAME')!;
    let r = (
      await officer.ok(CreateProviderRequestDocument, {
        input: { kind: 'AMENDMENT', channel: 'POST', requesterName: '田中 花子', contact: '東京都' },
      })
    ).createProviderRequest;
    r = (
      await officer.ok(LinkRequestProviderDocument, {
        input: {
          requestId: r.id,
          providerId: detail.id,
          expectedVersion: r.version,
        },
      })
    ).linkRequestProvider;
    r = (
      await officer.ok(ChangeRequestStatusDocument, {
        input: { requestId: r.id, expectedVersion: r.version, status: 'VERIFYING' },
      })
    ).changeRequestStatus;
    r = (
      await officer.ok(VerifyRequestIdentityDocument, {
        input: { requestId: r.id, expectedVersion: r.version, method: 'ID_DOCUMENT', note: 'Seen at the desk.' },
      })
    ).verifyRequestIdentity;
    r = (
      await officer.ok(ChangeRequestStatusDocument, {
        input: { requestId: r.id, expectedVersion: r.version, status: 'IN_PROGRESS' },
      })
    ).changeRequestStatus;
    await officer.ok(ApplyAmendmentDocument, {
      input: {
        requestId: r.id,
        expectedProviderVersion: detail.version,
        changes: [
          { itemId: name.id, category: 'NAME', value: '佐藤 花子' },
          { category: 'NAME_READING', value: 'サトウ ハナコ' },
        ],
      },
    });
    expect(await search('田中花子')).toEqual([]);
    expect(await search('田中')).toEqual(['JP-TANAKA-KEN']);
    expect(await search('佐藤花子')).toEqual(['JP-TANAKA-HANAKO']);
    expect(await search('さとうはなこ')).toEqual(['JP-TANAKA-HANAKO']);
  });

  it('rebuilds the tokens of names indexed in another form, once', async () => {
    const em = app.em();
    const id = ref['JP-NAKAMURA']!.id;
    // As an older release left them: its tokens gone, the index's form not recorded.
    await em.getConnection().execute('delete from search_token where provider_id = ?', [id]);
    await em.getConnection().execute('delete from system_setting where "key" = ?', [NAME_INDEX_SETTING]);
    expect(await search('中村健一')).toEqual([]);
    expect(await rebuildNameIndex(em, app.deps.cipher)).toBeGreaterThanOrEqual(4);
    expect(await search('中村健一')).toEqual(['JP-NAKAMURA']);
    expect(await search('田中健')).toEqual(['JP-TANAKA-KEN']);
    const setting = await em
      .getConnection()
      .execute<{ value: string }[]>('select value from system_setting where "key" = ?', [NAME_INDEX_SETTING]);
    expect(setting[0]?.value).toBe(NAME_INDEX_FORM);
    expect(await rebuildNameIndex(app.em(), app.deps.cipher)).toBe(0);
  });

  describe('language', () => {
    it("defaults a new provider to Japanese, takes the collection's choice and writes the receipt in it", async () => {
      const ja = await collect('JP-LANG-DEFAULT', [{ category: 'NAME', value: '山田 太郎' }]);
      expect(ja.provider.language).toBe('ja');
      expect(ja.receipt.language).toBe('ja');
      const en = (
        await owner.ok(RecordCollectionDocument, {
          input: buildCollectionInput({
            newProvider: { kind: 'SERVICE_USER', reference: 'JP-LANG-EN' },
            language: 'en',
          }),
        })
      ).recordCollection;
      expect(en.provider.language).toBe('en');
      expect(en.receipt.language).toBe('en');
      expect(en.receipt.purposes.map((p) => p.title)).toContain('Conference and lecture registration');
      expect(ja.receipt.purposes.map((p) => p.title)).toContain('学術講演会・講習会の参加登録');
    });

    it('is edited on the provider, audited, and refused to a viewer', async () => {
      const p = (await owner.ok(ProviderDocument, { id: ref['JP-LANG-DEFAULT']!.id })).provider;
      const updated = (
        await owner.ok(UpdateProviderDocument, { input: { id: p.id, expectedVersion: p.version, language: 'en' } })
      ).updateProvider;
      expect(updated).toMatchObject({ language: 'en', version: p.version + 1 });
      const audit = await app
        .em()
        .getConnection()
        .execute<{ detail: unknown }[]>(
          "select detail from audit_entry where action = 'provider.update' and subject = ?",
          [p.id],
        );
      expect(JSON.stringify(audit)).toContain('language');
      const viewer = await app.clientAs('VIEWER');
      const refused = await viewer.request(UpdateProviderDocument, {
        input: { id: p.id, expectedVersion: updated.version, language: 'ja' },
      });
      expect(errorOf(refused).code).toBe('FORBIDDEN');
      const bad = await owner.request(UpdateProviderDocument, {
        input: { id: p.id, expectedVersion: updated.version, language: 'fr' as never },
      });
      expect(errorOf(bad).code).toBe('BAD_USER_INPUT');
    });
  });
});

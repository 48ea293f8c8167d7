import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildCollection, buildProvider, buildReceipt } from '../../test/factories.js';
import { renderApp } from '../../test/render.js';
import { buildPackage, buildRequest } from '../requests/request-fixtures.js';
import {
  buildCookieConsentRecord,
  buildDisclosureJson,
  buildInquiryRecord,
  buildReceiptJson,
} from './document-fixtures.js';
import { label } from '@steward/policy-core';

// The staff member reads English; the provider is Japanese: documents follow the provider.
describe("documents in the provider's language", () => {
  it("prints a Japanese provider's disclosure package in Japanese while the admin speaks English", async () => {
    const section = (key: 'inquiries' | 'cookieConsents' | 'incidents', records: unknown[]) => ({
      key,
      title: label('ja', 'disclosureSection', key),
      count: records.length,
      records,
    });
    const json = JSON.stringify(
      buildDisclosureJson('ja', {
        sections: [
          section('inquiries', [buildInquiryRecord('ja')]),
          section('cookieConsents', [buildCookieConsentRecord('ja')]),
          section('incidents', [
            {
              reference: 'INC-2026-0001',
              title: '会誌発送案内メールの誤送信',
              kind: 'LEAK',
              kindLabel: '漏えい',
              awareAt: '2026-03-02T01:00:00.000Z',
              status: 'PRELIMINARY_REPORTED',
              statusLabel: label('ja', 'incidentStatus', 'PRELIMINARY_REPORTED'),
              measures: '受信者へ削除を依頼しました。',
              notifiedAt: '2026-03-03T01:00:00.000Z',
              steps: [{ kind: 'OPENED', kindLabel: '記録', at: '2026-03-02T01:00:00.000Z', summary: '事案を記録' }],
            },
          ]),
        ],
      }),
    );
    renderApp('/requests/req-1', {
      language: 'en',
      handlers: {
        ProviderRequest: () => ({ data: { providerRequest: buildRequest() } }),
        ProduceDisclosurePackage: () => ({
          data: { produceDisclosurePackage: buildPackage({ language: 'ja', json }) },
        }),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Produce package' }));
    const pkg = await screen.findByTestId('disclosure-package');
    // The chrome stays in the staff member's English.
    expect(within(pkg).getByRole('button', { name: 'Print' })).toBeTruthy();
    expect(within(pkg).getByRole('button', { name: 'Download JSON' })).toBeTruthy();

    const doc = within(pkg).getByTestId('disclosure-document');
    expect(doc.getAttribute('lang')).toBe('ja');
    expect(within(doc).getByRole('heading', { name: '保有個人データの開示' })).toBeTruthy();
    expect(within(doc).getByText(/受付番号 R-ABCDEFGH23・作成日時 2026年4月3日 10:00/)).toBeTruthy();
    const items = within(doc).getByRole('table', { name: '保有している個人情報' });
    expect(within(items).getByRole('columnheader', { name: '項目' })).toBeTruthy();
    expect(within(items).getByText('氏名')).toBeTruthy();
    expect(within(items).getByText(/紙の申込書/)).toBeTruthy();
    const consents = within(doc).getByRole('table', { name: '同意の状況' });
    expect(within(consents).getByText('学術講演会・講習会の参加登録')).toBeTruthy();
    expect(within(consents).getByText('同意済み')).toBeTruthy();
    expect(within(doc).getByRole('table', { name: '取得の記録' }).textContent).toContain(
      '学術講演会・講習会の参加登録: 同意済み',
    );
    const ledger = within(doc).getByRole('table', { name: '利用・提供の記録' });
    expect(within(ledger).getByText('事務局 佐藤 花子（個人情報保護管理者）')).toBeTruthy();
    expect(within(ledger).getByText('判定')).toBeTruthy();
    expect(within(ledger).getByText('許可 · ご本人の同意')).toBeTruthy();
    expect(within(doc).getByRole('table', { name: 'ご請求の記録' }).textContent).toContain('開示 · 郵送');
    expect(within(doc).getByText(/JSON の SHA-256：a{64}/)).toBeTruthy();
    expect(within(doc).getByText(/形式 steward\.disclosure\/6/)).toBeTruthy();
    // The proofs: under which signed head, the key, the command to check them, what they do not prove.
    const evidence = within(doc).getByRole('table', { name: 'この記録の証明' });
    expect(evidence.textContent).toMatch(/台帳の大きさ（署名時）1,004,211.*署名日時2026年4月3日 09:59/);
    expect(
      within(doc).getByText(/お手元のヘッド（大きさ 950,000、2025年12月1日 09:00 署名）以降、台帳が追記されただけ/),
    ).toBeTruthy();
    expect(within(doc).getByText(/^npx @steward\/verify --public-key UFVCTElD\S+ disclosure\.json$/)).toBeTruthy();
    expect(within(doc).getByText(/^証明しないこと：/)).toBeTruthy();
    // The other features' sections as tables, dates in Japanese, labels from the package.
    const inquiries = within(doc).getByRole('table', { name: 'お問い合わせ' });
    expect(inquiries.textContent).toMatch(
      /2026年2月1日 09:30.*Q-ABCDEFGH23.*ウェブフォーム.*回答済み.*会員名簿への掲載について/,
    );
    expect(within(doc).getByRole('table', { name: '回答・記録' }).textContent).toMatch(
      /2026年2月3日 14:00.*回答（電子メール）.*次号から住所を掲載しません。/,
    );
    const cookies = within(doc).getByRole('table', { name: 'クッキーの同意' });
    expect(cookies.textContent).toMatch(/2026年3月1日 21:00.*学会ウェブサイト.*選択の記録.*必須、機能/);
    const incidents = within(doc).getByRole('table', { name: 'あなたに関係する事故' });
    expect(incidents.textContent).toMatch(
      /INC-2026-0001.*会誌発送案内メールの誤送信.*漏えい.*2026年3月2日 10:00.*削除を依頼/s,
    );
    expect(within(doc).getByRole('table', { name: '対応の経過' }).textContent).toContain('事案を記録');

    // No English and no raw code in the document: only the data itself (values, references, hashes,
    // e-mail addresses) may be in Latin letters.
    const text = (doc.textContent ?? '')
      .replace(/[a-f0-9]{8,}(…[a-f0-9]+)?/g, '')
      .replace(/[\w.]+@[\w.]+/g, '')
      .replace(/Hanako Yamada|Spring meeting|steward\.disclosure\/\d+|SHA-256|JSON|FAX/g, '')
      // The command that checks the proofs, the key it names and the primitives' names.
      .replace(
        /npx @steward\/verify --public-key \S+ disclosure\.json|[A-Za-z0-9+/]{43}=|Node\.js|Ed25519|Merkle|evidence\.head|disclosure\.json/g,
        '',
      )
      // Table cells run together in textContent: no word boundaries around these.
      .replace(/[RQ]-[A-Z0-9]{8,}|(ck|rcpt)-\d+|INC-\d{4}-\d{4}/g, '');
    expect(text.match(/[A-Za-z]{2,}/g) ?? []).toEqual([]);
  });

  it("prints a Japanese provider's consent receipt in Japanese from the provider page", async () => {
    const json = JSON.stringify(buildReceiptJson('ja'));
    const receipt = buildReceipt({ language: 'ja', version: 'steward.receipt/2', json, hash: 'd'.repeat(64) });
    const provider = buildProvider({ language: 'ja', collections: [buildCollection({ receipt })] });
    renderApp('/providers/prov-1', { language: 'en', handlers: { Provider: () => ({ data: { provider } }) } });
    fireEvent.click(await screen.findByRole('button', { name: 'Printable receipt' }));
    const dialog = await screen.findByRole('dialog', { name: 'Printable receipt rcpt-0001' });
    expect(within(dialog).getByRole('button', { name: 'Print' })).toBeTruthy();

    const doc = within(dialog).getByTestId('receipt-document');
    expect(doc.getAttribute('lang')).toBe('ja');
    expect(within(doc).getByRole('heading', { name: '同意の控え' })).toBeTruthy();
    expect(within(doc).getByText('公益社団法人 精密工学会')).toBeTruthy();
    expect(within(doc).getByText('第1版（2005年11月18日 施行）')).toBeTruthy();
    expect(within(doc).getByText('ウェブフォーム · ウェブフォームのチェックボックス')).toBeTruthy();
    const purposes = within(doc).getByRole('table', { name: '利用目的' });
    expect(within(purposes).getByText('学術講演会・講習会の参加登録')).toBeTruthy();
    expect(within(purposes).getByText('氏名、メールアドレス')).toBeTruthy();
    expect(within(purposes).getByText('同意済み')).toBeTruthy();
    expect(within(purposes).getByText('拒否')).toBeTruthy();
    expect(within(doc).getByText('公益社団法人精密工学会 事務局')).toBeTruthy();
    expect(within(doc).getByText('d'.repeat(64))).toBeTruthy();
    expect(within(doc).getByText(/形式 steward\.receipt\/2/)).toBeTruthy();
    expect(within(doc).queryByText('Granted')).toBeNull();
  });

  it('prints a receipt of the first format with the labels of the language it was issued in', async () => {
    const first = {
      version: 'steward-receipt/1',
      receiptId: 'rcpt-0001',
      issuedAt: '2025-04-05T03:00:00.000Z',
      jurisdiction: 'JP',
      language: 'en',
      controller: { name: 'The Japan Society for Precision Engineering', contact: 'Secretariat, jspe@example.jp' },
      policy: { version: 1, contentHash: 'c'.repeat(64) },
      subject: { reference: 'R-00001' },
      collection: { channel: 'EMAIL', consentMethod: 'EMAIL_REPLY', categories: ['NAME'] },
      purposes: [{ key: 'EVENT_NEWS', title: 'E-mail news', categories: ['NAME'], consent: 'GRANTED' }],
    };
    const receipt = buildReceipt({ json: JSON.stringify(first) });
    const provider = buildProvider({ language: 'ja', collections: [buildCollection({ receipt })] });
    renderApp('/providers/prov-1', { language: 'ja', handlers: { Provider: () => ({ data: { provider } }) } });
    fireEvent.click(await screen.findByRole('button', { name: '印刷用の控え' }));
    const doc = await screen.findByTestId('receipt-document');
    expect(doc.getAttribute('lang')).toBe('en');
    expect(within(doc).getByText('Version 1')).toBeTruthy();
    expect(within(doc).getByText('E-mail · E-mail reply')).toBeTruthy();
    expect(within(doc).getByText('Granted')).toBeTruthy();
    expect(within(doc).getByText('Secretariat, jspe@example.jp')).toBeTruthy();
  });
});

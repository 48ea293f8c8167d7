import type { ContactDriftFieldsFragment, ContactField, PolicyLanguage } from '@steward/schema';

// The bilingual contact and contact-drift words, in the feature's own texts file until the admin's
// message catalogues exist (issue 16); the admin shows `en` today.

const FIELD = {
  en: {
    secretariatName: 'Secretariat name',
    postalAddress: 'Postal address',
    telephone: 'Telephone',
    fax: 'Fax',
    email: 'E-mail',
  },
  ja: {
    secretariatName: '事務局名',
    postalAddress: '住所',
    telephone: '電話番号',
    fax: 'FAX番号',
    email: '電子メール',
  },
} satisfies Record<PolicyLanguage, Record<ContactField, string>>;

export const CONTACT_TEXT = {
  en: {
    inJapanese: 'Japanese',
    inEnglish: 'English',
    organisationName: 'Organisation name',
    secretariatName: 'Secretariat',
    postalAddress: 'Postal address',
    officeHours: 'Office hours',
    optionalJa: 'Empty: Japanese readers see the English text.',
    optionalHours: 'Optional, shown with the contact on the public page.',
    driftTitle: 'The policy in force names other contact details',
    driftIntro: (n: number) =>
      `Published versions never change, so clause 8 of version ${n} still shows what it was published with:`,
    driftItem: (d: ContactDriftFieldsFragment, language: PolicyLanguage) =>
      `${FIELD.en[d.field]} (${language === 'ja' ? 'Japanese' : 'English'} text): ${
        d.published
          ? `the policy says ${d.published}; the settings say ${d.current}`
          : `the policy does not name ${d.current}`
      }`,
    driftAction: 'Start a draft with clause 8 updated',
    driftActionHint:
      'The draft copies the version in force with the contact lines of clause 8 rewritten in both languages.',
    draftExists: 'A draft is open already: update clause 8 there, or discard it first.',
    openEditor: 'Open the policy editor',
    publishDriftTitle: "This text's contact details differ from the organisation settings",
    publishDriftConfirm: 'Publish with these contact details anyway',
  },
  ja: {
    inJapanese: '日本語',
    inEnglish: '英語',
    organisationName: '団体名',
    secretariatName: '事務局',
    postalAddress: '住所',
    officeHours: '受付時間',
    optionalJa: '空欄の場合、日本語の読者には英語の表記を表示します。',
    optionalHours: '任意。公開ページの連絡先に表示します。',
    driftTitle: '施行中のポリシーには別の連絡先が記載されています',
    driftIntro: (n: number) =>
      `公開済みの版は変更されないため、第${n}版の第8条には公開時の連絡先が記載されたままです。`,
    driftItem: (d: ContactDriftFieldsFragment, language: PolicyLanguage) =>
      `${FIELD.ja[d.field]}（${language === 'ja' ? '日本語' : '英語'}の本文）: ${
        d.published ? `ポリシーの記載は ${d.published}、` : 'ポリシーに記載がなく、'
      }設定は ${d.current}`,
    driftAction: '第8条を更新した草案を作成',
    driftActionHint: '施行中の版を写し、第8条の連絡先の行を日英両方で書き換えた草案を作成します。',
    draftExists: '草案がすでにあります。その草案で第8条を更新するか、草案を破棄してください。',
    openEditor: 'ポリシーエディタを開く',
    publishDriftTitle: 'この本文の連絡先は団体設定と異なります',
    publishDriftConfirm: 'この連絡先のまま公開する',
  },
} as const;

/** The admin's language until the catalogues arrive. */
export const ct = CONTACT_TEXT.en;

import type { PolicyLanguage } from '../policy-change/diff-sections.js';

/**
 * The secretariat's contact as the organisation settings hold it (clause 8): name and postal
 * address per language; telephone, fax and e-mail once. An empty Japanese value falls back to the
 * English one (and the other way round).
 */
export type ContactDetails = {
  readonly secretariatNameJa: string;
  readonly secretariatNameEn: string;
  readonly postalAddressJa: string;
  readonly postalAddressEn: string;
  readonly telephone: string;
  readonly fax: string;
  readonly email: string;
};

export const CONTACT_FIELDS = ['secretariatName', 'postalAddress', 'telephone', 'fax', 'email'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/**
 * One contact value the policy's text (clause 8, in one language) does not name as the settings
 * hold it. `published` is what the text says instead where it can be read off (a labelled
 * telephone or fax number, an e-mail address); null when the text names none or the value is a
 * name or address (found or not found as a whole).
 */
export type ContactDrift = {
  readonly field: ContactField;
  readonly language: PolicyLanguage;
  readonly current: string;
  readonly published: string | null;
};

const TEL_LABEL = String.raw`(?:tel(?:ephone)?|phone|電話(?:番号)?)`;
const FAX_LABEL = String.raw`(?:fax|facsimile|ファ(?:ッ)?ク(?:ス|シミリ))`;
// A number after its label: optional ":" or "." and spaces, then digits with - ( ) spaces, ending in a digit.
const numberAfter = (label: string) =>
  new RegExp(String.raw`(?<![a-z])${label}\s*[:.]?\s*(\+?\d[\d\-() ]{4,}\d)`, 'giu');
const TEL_NUMBER = numberAfter(TEL_LABEL);
const FAX_NUMBER = numberAfter(FAX_LABEL);
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/giu;
const LINE_WITH_CONTACT = new RegExp(String.raw`(?<![a-z])(?:${TEL_LABEL}|${FAX_LABEL}|e-?mail)|メール|@`, 'iu');

/** Full-width forms to ASCII (０３ → 03, ＴＥＬ → TEL, ＠ → @), so text typed either way compares. */
function fold(text: string): string {
  return text.normalize('NFKC');
}

/** Compares names and addresses: width folded, case and all white space (line breaks included) ignored. */
function squeeze(text: string): string {
  return fold(text).toLowerCase().replace(/\s+/gu, '');
}

/**
 * A telephone number as digits, written the domestic way for Japan: "+81-3-5226-5191",
 * "03-5226-5191" and "０３（５２２６）５１９１" are the same number. Other country codes keep "+".
 */
export function phoneKey(number: string): string {
  const n = fold(number).trim();
  const digits = n.replace(/\D/gu, '');
  if (n.startsWith('+')) return digits.startsWith('81') ? `0${digits.slice(2)}` : `+${digits}`;
  return digits;
}

/** "+81-3-5226-5191" as Japanese texts write it: "03-5226-5191". Other numbers unchanged. */
export function domesticJapaneseNumber(number: string): string {
  const n = number.trim();
  const m = /^\+81[\s-]*(?:\(0\))?[\s-]*(.*)$/u.exec(n);
  return m ? `0${m[1]}` : n;
}

function numbersIn(text: string, pattern: RegExp): string[] {
  return [...fold(text).matchAll(pattern)].map((m) => m[1]!.trim());
}

/** The contact values of one language, empty ones falling back to the other language's. */
export function contactIn(contact: ContactDetails, language: PolicyLanguage) {
  const pick = (ja: string, en: string) => (language === 'ja' ? ja || en : en || ja).trim();
  return {
    secretariatName: pick(contact.secretariatNameJa, contact.secretariatNameEn),
    postalAddress: pick(contact.postalAddressJa, contact.postalAddressEn),
    telephone: contact.telephone.trim(),
    fax: contact.fax.trim(),
    email: contact.email.trim(),
  };
}

function driftIn(text: string, contact: ContactDetails, language: PolicyLanguage): ContactDrift[] {
  const c = contactIn(contact, language);
  const out: ContactDrift[] = [];
  const body = squeeze(text);
  for (const field of ['secretariatName', 'postalAddress'] as const) {
    if (c[field] !== '' && !body.includes(squeeze(c[field]))) {
      out.push({ field, language, current: c[field], published: null });
    }
  }
  const phones: [ContactField, RegExp][] = [
    ['telephone', TEL_NUMBER],
    ['fax', FAX_NUMBER],
  ];
  for (const [field, pattern] of phones) {
    const value = c[field as 'telephone' | 'fax'];
    if (value === '') continue;
    const named = numbersIn(text, pattern);
    if (!named.some((n) => phoneKey(n) === phoneKey(value))) {
      out.push({ field, language, current: value, published: named[0] ?? null });
    }
  }
  if (c.email !== '') {
    const named = fold(text).match(EMAIL) ?? [];
    if (!named.some((e) => e.toLowerCase() === c.email.toLowerCase())) {
      out.push({ field: 'email', language, current: c.email, published: named[0] ?? null });
    }
  }
  return out;
}

/**
 * Which of the secretariat's contact values the policy's clause 8 (its text in Japanese and in
 * English) does not name as the settings hold them. Names and postal addresses must appear in the
 * text of their language (width, case and white space aside); the telephone and fax numbers must
 * appear after their label (TEL / FAX / 電話 / ファクス …, "+81-3-…" and "03-…" being the same
 * number); the e-mail address must appear (case aside). Empty settings values are not compared.
 * Japanese first, each language in field order.
 */
export function contactDrift(clause: { readonly ja: string; readonly en: string }, contact: ContactDetails) {
  return [...driftIn(clause.ja, contact, 'ja'), ...driftIn(clause.en, contact, 'en')];
}

/** The contact block clause 8 ends with, in one language (numbers written the domestic way in Japanese). */
export function contactBlock(contact: ContactDetails, language: PolicyLanguage): string {
  const c = contactIn(contact, language);
  const phone = (n: string) => (language === 'ja' ? domesticJapaneseNumber(n) : n);
  return [c.secretariatName, c.postalAddress, `TEL ${phone(c.telephone)} / FAX ${phone(c.fax)}`, `E-mail ${c.email}`]
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/**
 * Clause 8's text in one language with its contact block replaced by the settings' contact
 * (`contactBlock`). The block is the run of lines that ends with the last line naming a telephone,
 * fax or e-mail address and begins after the sentence introducing it (the last earlier line ending
 * in "." "。" ":" or "："); lines after the block stay. A text naming no contact gets the block
 * appended. The text already naming the settings' contact comes back unchanged.
 */
export function rewriteContactClause(text: string, contact: ContactDetails, language: PolicyLanguage): string {
  const block = contactBlock(contact, language);
  const lines = text.split('\n');
  const contactLines = lines.flatMap((l, i) => (LINE_WITH_CONTACT.test(fold(l)) ? [i] : []));
  if (contactLines.length === 0) return text.trim() === '' ? block : `${text.trimEnd()}\n${block}`;
  if (driftIn(text, contact, language).length === 0) return text;
  const first = contactLines[0]!;
  const last = contactLines[contactLines.length - 1]!;
  let start = 0;
  for (let i = first - 1; i >= 0; i--) {
    if (/[.。:：]\s*$/u.test(lines[i]!)) {
      start = i + 1;
      break;
    }
  }
  return [...lines.slice(0, start), ...block.split('\n'), ...lines.slice(last + 1)].join('\n');
}

/** The change summary of a draft started to bring clause 8 up to the secretariat's contact in the settings. */
export const CONTACT_UPDATE_SUMMARY = {
  ja: '第8条（個人情報の取扱いに関するお問い合わせ）の連絡先を事務局の現在の連絡先に更新しました。',
  en: "Clause 8 (inquiries regarding the handling of personal information): the contact details are updated to the secretariat's current ones.",
} as const;

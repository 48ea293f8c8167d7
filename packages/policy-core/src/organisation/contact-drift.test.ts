import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contactBlock, contactDrift, domesticJapaneseNumber, phoneKey, rewriteContactClause } from './contact-drift.js';

// Clause 8 of the seed policy: English as the society publishes it (the demo seed's verbatim copy,
// apps/api/src/seeders/jspe-privacy-policy.en.txt: the introduction closes the "(8)" heading line and
// the contact block follows), Japanese as the demo seed gives it (apps/api/src/seeders/policy-v1.ts).
const SEED_FILE = readFileSync(
  fileURLToPath(new URL('../../../../apps/api/src/seeders/jspe-privacy-policy.en.txt', import.meta.url)),
  'utf8',
);
const SEED_EN = (() => {
  const lines = SEED_FILE.trimEnd().split('\n');
  const heading = lines.findIndex((l) => l.startsWith('- (8)'));
  const intro = lines[heading]!.slice(lines[heading]!.indexOf('For any inquiries'));
  return [intro, ...lines.slice(heading + 1).filter((l) => l.trim() !== '')].join('\n');
})();
const SEED_JA = [
  '本会のプライバシーポリシーに関するお問い合わせは、下記までご連絡ください。',
  '公益社団法人精密工学会 事務局',
  '〒102-0073 東京都千代田区九段北1-5-9 九段誠和ビル',
  'TEL 03-5226-5191 / FAX 03-5226-5192',
  'E-mail jspe_jspe@jspe.or.jp',
].join('\n');
const SEED_CLAUSE = { ja: SEED_JA, en: SEED_EN };

/** The seed's secretariat settings, as the demo organisation holds them. */
const SEED_CONTACT = {
  secretariatNameJa: '公益社団法人精密工学会 事務局',
  secretariatNameEn: 'The Japan Society for Precision Engineering Secretariat',
  postalAddressJa: '〒102-0073 東京都千代田区九段北1-5-9 九段誠和ビル',
  postalAddressEn: 'Kudan-Seiwa Building, 1-5-9, Kudan-kita, Chiyoda-ku, Tokyo,\n102-0073, JAPAN',
  telephone: '+81-3-5226-5191',
  fax: '+81-3-5226-5192',
  email: 'jspe_jspe@jspe.or.jp',
};

const MOVED = {
  ...SEED_CONTACT,
  postalAddressJa: '〒113-0033 東京都文京区本郷2-3-4 本郷ビル5階',
  postalAddressEn: 'Hongo Building 5F, 2-3-4 Hongo, Bunkyo-ku, Tokyo,\n113-0033, JAPAN',
  telephone: '+81-3-1234-5678',
};

const summary = (d: ReturnType<typeof contactDrift>) => d.map((x) => `${x.language}:${x.field}:${x.published}`);

describe('contactDrift', () => {
  it('finds none between the seed policy and the seed settings (+81-3 and 03 being one number)', () => {
    expect(contactDrift(SEED_CLAUSE, SEED_CONTACT)).toEqual([]);
  });

  it('names the telephone in both languages, with what each text says, after the telephone is edited', () => {
    expect(contactDrift(SEED_CLAUSE, { ...SEED_CONTACT, telephone: '03-9999-0000' })).toEqual([
      { field: 'telephone', language: 'ja', current: '03-9999-0000', published: '03-5226-5191' },
      { field: 'telephone', language: 'en', current: '03-9999-0000', published: '+81-3-5226-5191' },
    ]);
  });

  it('tells the telephone from the fax by their labels (a swap is drift on both)', () => {
    const swapped = { ...SEED_CONTACT, telephone: SEED_CONTACT.fax, fax: SEED_CONTACT.telephone };
    expect(summary(contactDrift(SEED_CLAUSE, swapped))).toEqual([
      'ja:telephone:03-5226-5191',
      'ja:fax:03-5226-5192',
      'en:telephone:+81-3-5226-5191',
      'en:fax:+81-3-5226-5192',
    ]);
  });

  it('compares names and addresses per language, ignoring white space, line breaks and width', () => {
    expect(
      contactDrift(SEED_CLAUSE, {
        ...SEED_CONTACT,
        postalAddressEn: 'Kudan-Seiwa Building, 1-5-9, Kudan-kita, Chiyoda-ku, Tokyo, 102-0073, JAPAN',
        postalAddressJa: '〒１０２-００７３ 東京都千代田区九段北１-５-９ 九段誠和ビル',
        email: 'JSPE_JSPE@jspe.or.jp',
      }),
    ).toEqual([]);
    expect(summary(contactDrift(SEED_CLAUSE, MOVED))).toEqual([
      'ja:postalAddress:null',
      'ja:telephone:03-5226-5191',
      'en:postalAddress:null',
      'en:telephone:+81-3-5226-5191',
    ]);
  });

  it('compares an empty Japanese value as its English one, and ignores values the settings leave empty', () => {
    const enOnly = { ...SEED_CONTACT, secretariatNameJa: '', postalAddressJa: '' };
    expect(summary(contactDrift(SEED_CLAUSE, enOnly))).toEqual(['ja:secretariatName:null', 'ja:postalAddress:null']);
    expect(contactDrift(SEED_CLAUSE, { ...SEED_CONTACT, fax: '' })).toEqual([]);
  });

  it('reports an e-mail the text does not give, with the one it gives', () => {
    expect(summary(contactDrift(SEED_CLAUSE, { ...SEED_CONTACT, email: 'office@jspe.or.jp' }))).toEqual([
      'ja:email:jspe_jspe@jspe.or.jp',
      'en:email:jspe_jspe@jspe.or.jp',
    ]);
  });

  it('reads full-width Japanese labels and numbers, and reports a text that names no number', () => {
    const ja = '電話：０３－５２２６－５１９１　ファクス：03(5226)5192\nメール jspe_jspe@jspe.or.jp';
    expect(
      contactDrift(
        { ja: `${SEED_CONTACT.secretariatNameJa}\n${SEED_CONTACT.postalAddressJa}\n${ja}`, en: SEED_EN },
        SEED_CONTACT,
      ),
    ).toEqual([]);
    expect(summary(contactDrift({ ja: SEED_JA, en: 'Write to us.' }, SEED_CONTACT))).toEqual([
      'en:secretariatName:null',
      'en:postalAddress:null',
      'en:telephone:null',
      'en:fax:null',
      'en:email:null',
    ]);
  });
});

describe('rewriteContactClause', () => {
  it('reads the seed text as the demo policy holds it', () => {
    expect(SEED_EN.split('\n')).toHaveLength(6);
    expect(SEED_EN).toMatch(/^For any inquiries .* address\.\nThe Japan Society .*\nE-mail jspe_jspe@jspe\.or\.jp$/su);
  });

  it('leaves the seed text as it is when it names the settings', () => {
    expect(rewriteContactClause(SEED_EN, SEED_CONTACT, 'en')).toBe(SEED_EN);
    expect(rewriteContactClause(SEED_JA, SEED_CONTACT, 'ja')).toBe(SEED_JA);
  });

  it('replaces the contact block of the seed text in both languages, keeping the introduction', () => {
    const en = rewriteContactClause(SEED_EN, MOVED, 'en');
    const ja = rewriteContactClause(SEED_JA, MOVED, 'ja');
    expect(en).toBe(
      [
        'For any inquiries regarding the privacy policy at JSPE, Please contact the following address.',
        'The Japan Society for Precision Engineering Secretariat',
        'Hongo Building 5F, 2-3-4 Hongo, Bunkyo-ku, Tokyo,',
        '113-0033, JAPAN',
        'TEL +81-3-1234-5678 / FAX +81-3-5226-5192',
        'E-mail jspe_jspe@jspe.or.jp',
      ].join('\n'),
    );
    expect(ja).toBe(
      [
        '本会のプライバシーポリシーに関するお問い合わせは、下記までご連絡ください。',
        '公益社団法人精密工学会 事務局',
        '〒113-0033 東京都文京区本郷2-3-4 本郷ビル5階',
        'TEL 03-1234-5678 / FAX 03-5226-5192',
        'E-mail jspe_jspe@jspe.or.jp',
      ].join('\n'),
    );
    expect(contactDrift({ ja, en }, MOVED)).toEqual([]);
  });

  it('keeps lines after the block and appends a block to a text that names no contact', () => {
    const withHours = `${SEED_EN}\nWeekdays 9:30–17:00.`;
    expect(rewriteContactClause(withHours, MOVED, 'en').split('\n').at(-1)).toBe('Weekdays 9:30–17:00.');
    expect(rewriteContactClause('Write to the secretariat:', MOVED, 'en')).toBe(
      `Write to the secretariat:\n${contactBlock(MOVED, 'en')}`,
    );
  });
});

describe('phone numbers', () => {
  it('are one number written internationally or the Japanese domestic way', () => {
    expect(phoneKey('+81-3-5226-5191')).toBe(phoneKey('03-5226-5191'));
    expect(phoneKey('０３（５２２６）５１９１')).toBe('0352265191');
    expect(phoneKey('+44 20 7946 0000')).toBe('+442079460000');
    expect(domesticJapaneseNumber('+81-3-5226-5191')).toBe('03-5226-5191');
    expect(domesticJapaneseNumber('+81 90 1234 5678')).toBe('090 1234 5678');
    expect(domesticJapaneseNumber('+44 20 7946 0000')).toBe('+44 20 7946 0000');
  });
});

import type { EntityManager } from '@mikro-orm/core';
import { DATA_CATEGORIES, DATA_CATEGORY_INFO, type DataCategory } from '@steward/policy-core';
import { Organisation } from '../organisation/organisation.entity.js';
import { PolicyVersion } from '../policy/policy-version.entity.js';
import { policyContentHash } from '../policy/policy-text.js';
import { DataCategoryEntity } from '../purposes/data-category.entity.js';
import { Purpose } from '../purposes/purpose.entity.js';
import { POLICY_V1_SECTIONS } from './policy-v1.js';

interface PurposeSeed {
  key: string;
  titleEn: string;
  titleJa: string;
  description: string;
  descriptionJa: string;
  categories: DataCategory[];
}

/** The demo organisation's purposes of use, as stated to providers at collection. */
export const DEMO_PURPOSES: PurposeSeed[] = [
  {
    key: 'MEMBERSHIP_ADMINISTRATION',
    titleEn: 'Membership administration',
    titleJa: '会員管理',
    description:
      'Admitting members, keeping the member register, collecting fees and contacting members about their membership.',
    descriptionJa: '入会の受付、会員名簿の管理、会費の徴収、および会員資格に関する会員への連絡。',
    categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS', 'EMAIL', 'TELEPHONE', 'AFFILIATION', 'MEMBERSHIP_NUMBER'],
  },
  {
    key: 'JOURNAL_DELIVERY',
    titleEn: 'Delivery of the Journal and publications',
    titleJa: '会誌・刊行物の発送',
    description: 'Posting the monthly Journal of the JSPE and other publications to the provider.',
    descriptionJa: '月刊の精密工学会誌その他の刊行物の提供者への発送。',
    categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'],
  },
  {
    key: 'CONFERENCE_REGISTRATION',
    titleEn: 'Conference and lecture registration',
    titleJa: '学術講演会・講習会の参加登録',
    description:
      'Registering participants for the semi-annual meetings, lectures and seminars, and contacting them about the event.',
    descriptionJa: '春季・秋季大会、講演会および講習会の参加登録と、行事に関する参加者への連絡。',
    categories: ['NAME', 'EMAIL', 'TELEPHONE', 'AFFILIATION'],
  },
  {
    key: 'EVENT_NEWS',
    titleEn: 'E-mail news and event notices',
    titleJa: 'メールニュース・行事案内の送付',
    description: 'Sending the e-mail newsletter and notices of upcoming events.',
    descriptionJa: 'メールニュースおよび行事案内の送付。',
    categories: ['NAME', 'EMAIL'],
  },
  {
    key: 'BUSINESS_LIAISON',
    titleEn: 'Liaison with exhibitors and advertisers',
    titleJa: '出展者・広告主との連絡',
    description: 'Arranging exhibitions, advertisements and sponsorship with business users.',
    descriptionJa: '事業利用者との展示、広告および協賛に関する調整。',
    categories: ['NAME', 'AFFILIATION', 'EMAIL', 'TELEPHONE', 'FAX', 'POSTAL_CODE', 'POSTAL_ADDRESS'],
  },
  {
    key: 'WEBSITE_CONVENIENCE',
    titleEn: 'Website convenience (cookies)',
    titleJa: 'ウェブサイトの利便性向上（クッキー）',
    description: 'Remembering preferences so that the website is more convenient to view (clause 6).',
    descriptionJa: 'ウェブサイトをより便利にご覧いただくための設定の保存（第6条）。',
    categories: ['COOKIE_IDENTIFIER'],
  },
];

/** Whether the installation already has its organisation (i.e. has been set up before). */
export async function isSetUp(em: EntityManager): Promise<boolean> {
  return (await em.count(Organisation, {})) > 0;
}

/**
 * The organisation, its published policy version 1 and the purposes. Runs once, on the first start
 * (the data categories' wording: `ensureDataCategories`, at every start).
 */
export async function seedReferenceData(em: EntityManager, now: Date): Promise<void> {
  em.create(Organisation, {
    name: 'The Japan Society for Precision Engineering',
    nameJa: '公益社団法人 精密工学会',
    // As clause 8 of version 1 names them in each language (no contact drift on a new installation).
    secretariatName: 'The Japan Society for Precision Engineering Secretariat',
    secretariatNameJa: '公益社団法人精密工学会 事務局',
    postalAddress: 'Kudan-Seiwa Building, 1-5-9, Kudan-kita, Chiyoda-ku, Tokyo,\n102-0073, JAPAN',
    postalAddressJa: '〒102-0073 東京都千代田区九段北1-5-9 九段誠和ビル',
    telephone: '+81-3-5226-5191',
    fax: '+81-3-5226-5192',
    email: 'jspe_jspe@jspe.or.jp',
    timeZone: 'Asia/Tokyo',
    createdAt: now,
    updatedAt: now,
  });
  em.create(PolicyVersion, {
    number: 1,
    status: 'PUBLISHED',
    publishedAt: new Date('2005-11-18T00:00:00+09:00'),
    changeSummary: 'Constituted November 18th, 2005. Approved by the Board of Directors.',
    changeSummaryEn: 'Constituted November 18th, 2005. Approved by the Board of Directors.',
    changeSummaryJa: '2005年11月18日制定。理事会承認。',
    contentHash: policyContentHash(POLICY_V1_SECTIONS),
    sections: POLICY_V1_SECTIONS,
    purposes: DEMO_PURPOSES.map((p) => ({ ...p, categories: [...p.categories], retired: false })),
    createdAt: now,
    updatedAt: now,
  });
  for (const p of DEMO_PURPOSES) {
    em.create(Purpose, { ...p, introducedInVersion: 1, retired: false, createdAt: now, updatedAt: now });
  }
  await em.flush();
}

/**
 * The organisation's wording of every data category it has none for yet (policy-core's labels):
 * at every start, so a category a release adds (NAME_READING) gets its row; an edited one is kept.
 */
export async function ensureDataCategories(em: EntityManager): Promise<void> {
  const existing = new Set((await em.find(DataCategoryEntity, {})).map((c) => c.key));
  for (const key of DATA_CATEGORIES) {
    if (existing.has(key)) continue;
    const info = DATA_CATEGORY_INFO[key];
    em.create(DataCategoryEntity, {
      key,
      labelEn: info.label.en,
      labelJa: info.label.ja,
      description: info.description.en,
      sensitivity: info.sensitivity,
    });
  }
  await em.flush();
}

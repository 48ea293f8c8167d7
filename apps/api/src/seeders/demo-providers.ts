import type { SqlEntityManager } from '@mikro-orm/knex';
import type {
  CollectionChannel,
  ConsentMethod,
  DataCategory,
  ProviderKind,
  ProviderLanguage,
} from '@steward/policy-core';
import { CollectionService } from '../collection/collection.service.js';
import type { RecordCollectionInput } from '../collection/collection.inputs.js';
import { ConsentService } from '../consent/consent.service.js';
import type { Actor, AppDeps } from '../context.js';

interface DemoProvider {
  kind: ProviderKind;
  reference: string;
  /** The language they are written to in: Japanese for those who wrote in Japanese. */
  language: ProviderLanguage;
  channel: CollectionChannel;
  method: ConsentMethod;
  source: string;
  purposes: Record<string, boolean>;
  items: Partial<Record<DataCategory, string>>;
  publicItems?: Partial<Record<DataCategory, string>>;
  withdraw?: string[];
}

// Fictional people; e-mail domains are reserved example domains.
const DEMO: DemoProvider[] = [
  {
    kind: 'RELATED_PERSONNEL',
    reference: 'JSPE-M-000101',
    language: 'ja',
    channel: 'PAPER_FORM',
    method: 'SIGNED_FORM',
    source: 'Membership application form 2024',
    purposes: { MEMBERSHIP_ADMINISTRATION: true, JOURNAL_DELIVERY: true, EVENT_NEWS: true },
    items: {
      NAME: '山田 太郎',
      NAME_READING: 'ヤマダ タロウ',
      POSTAL_CODE: '113-8656',
      POSTAL_ADDRESS: '東京都文京区本郷7-3-1',
      EMAIL: 'taro.yamada@example.jp',
      TELEPHONE: '03-1234-5678',
      MEMBERSHIP_NUMBER: 'M000101',
    },
    publicItems: { AFFILIATION: 'Department of Precision Engineering, Example University' },
  },
  {
    kind: 'RELATED_PERSONNEL',
    reference: 'JSPE-M-000102',
    language: 'en',
    channel: 'WEB_FORM',
    method: 'WEB_CHECKBOX',
    source: 'Online membership renewal',
    purposes: { MEMBERSHIP_ADMINISTRATION: true, JOURNAL_DELIVERY: true, EVENT_NEWS: false },
    items: {
      NAME: 'Hanako Sato',
      POSTAL_CODE: '980-8577',
      POSTAL_ADDRESS: '2-1-1 Katahira, Aoba-ku, Sendai',
      EMAIL: 'h.sato@example.ac.jp',
      AFFILIATION: 'Institute of Fluid Science',
      MEMBERSHIP_NUMBER: 'M000102',
    },
  },
  {
    kind: 'RELATED_PERSONNEL',
    reference: 'JSPE-M-000103',
    language: 'ja',
    channel: 'EMAIL',
    method: 'EMAIL_REPLY',
    source: 'Committee member registration',
    purposes: { MEMBERSHIP_ADMINISTRATION: true, EVENT_NEWS: true },
    items: {
      NAME: '中村 恵',
      NAME_READING: 'ナカムラ メグミ',
      EMAIL: 'megumi.nakamura@example.jp',
      AFFILIATION: 'Technical Committee on Ultraprecision Machining',
      MEMBERSHIP_NUMBER: 'M000103',
    },
    withdraw: ['EVENT_NEWS'],
  },
  {
    kind: 'BUSINESS_USER',
    reference: 'JSPE-B-000201',
    language: 'ja',
    channel: 'EVENT',
    method: 'SIGNED_FORM',
    source: 'Exhibitor desk, Spring Meeting',
    purposes: { BUSINESS_LIAISON: true, EVENT_NEWS: true },
    items: {
      NAME: '鈴木 一郎',
      NAME_READING: 'スズキ イチロウ',
      AFFILIATION: 'Precision Tools Co., Ltd.',
      EMAIL: 'suzuki@precision-tools.example.com',
      TELEPHONE: '+81-45-555-0100',
      FAX: '+81-45-555-0101',
      POSTAL_CODE: '220-0012',
      POSTAL_ADDRESS: '横浜市西区みなとみらい2-2-1',
    },
  },
  {
    kind: 'BUSINESS_USER',
    reference: 'JSPE-B-000202',
    language: 'en',
    channel: 'TELEPHONE',
    method: 'VERBAL',
    source: 'Advertising enquiry by telephone',
    purposes: { BUSINESS_LIAISON: true },
    items: {
      NAME: 'Misaki Takahashi',
      AFFILIATION: 'Nano Metrology Inc.',
      TELEPHONE: '+81-6-555-0199',
      EMAIL: 'm.takahashi@nanometrology.example.com',
    },
  },
  {
    kind: 'SERVICE_USER',
    reference: 'JSPE-S-000301',
    language: 'ja',
    channel: 'WEB_FORM',
    method: 'WEB_CHECKBOX',
    source: 'Autumn Meeting registration',
    purposes: { CONFERENCE_REGISTRATION: true, EVENT_NEWS: true },
    items: {
      NAME: '田中 健',
      NAME_READING: 'タナカ ケン',
      EMAIL: 'ken.tanaka@example.jp',
      AFFILIATION: 'Example Manufacturing Co.',
      TELEPHONE: '090-1234-5678',
    },
  },
  {
    kind: 'SERVICE_USER',
    reference: 'JSPE-S-000302',
    language: 'en',
    channel: 'WEB_FORM',
    method: 'WEB_CHECKBOX',
    source: 'Seminar registration',
    purposes: { CONFERENCE_REGISTRATION: true, EVENT_NEWS: false },
    items: { NAME: 'Emily Clarke', EMAIL: 'emily.clarke@example.org', AFFILIATION: 'University of Example' },
  },
  {
    kind: 'SERVICE_USER',
    reference: 'JSPE-S-000303',
    language: 'ja',
    channel: 'PAPER_FORM',
    method: 'SIGNED_FORM',
    source: 'Journal subscription order',
    purposes: { JOURNAL_DELIVERY: true },
    items: {
      NAME: '伊藤 さくら',
      NAME_READING: 'イトウ サクラ',
      POSTAL_CODE: '464-8601',
      POSTAL_ADDRESS: '名古屋市千種区不老町1',
    },
  },
];

/** A few providers of each kind, recorded through the real collection path (sealed values, receipts). */
export async function seedDemoProviders(em: SqlEntityManager, deps: AppDeps, owner: Actor): Promise<number> {
  const seedActor: Actor = { ...owner, displayName: 'Demo data' };
  for (const demo of DEMO) {
    const fork = em.fork() as SqlEntityManager;
    const input: RecordCollectionInput = {
      newProvider: { kind: demo.kind, reference: demo.reference },
      language: demo.language,
      channel: demo.channel,
      consentMethod: demo.method,
      policyVersionShown: 1,
      source: demo.source,
      purposes: Object.entries(demo.purposes).map(([purposeKey, granted]) => ({ purposeKey, granted })),
      items: [
        ...Object.entries(demo.items).map(([category, value]) => ({
          category: category as DataCategory,
          value,
          publiclyAvailable: false,
        })),
        ...Object.entries(demo.publicItems ?? {}).map(([category, value]) => ({
          category: category as DataCategory,
          value,
          publiclyAvailable: true,
          publicProvenance: 'Published on the university faculty directory',
        })),
      ],
    };
    const { provider } = await new CollectionService(fork, seedActor, deps).record(input);
    for (const purposeKey of demo.withdraw ?? []) {
      await new ConsentService(fork, seedActor, deps).record({
        providerId: provider.id,
        purposeKey,
        action: 'WITHDRAW',
        method: 'EMAIL_REPLY',
        note: 'Asked to stop receiving the newsletter',
        expectedProviderVersion: provider.version,
      });
    }
  }
  return DEMO.length;
}

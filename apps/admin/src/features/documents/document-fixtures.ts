import {
  DISCLOSURE_FORMAT_VERSION,
  RECEIPT_FORMAT_VERSION,
  label,
  type DisclosedLedgerEntry,
  type DisclosureSectionKey,
  type DisclosureDocument,
  type Language,
  type ReceiptDocument,
  type EvidencePackage,
} from '@steward/policy-core';

// Documents as the API writes them (policy-core's formats), in either language, for component tests.

const PURPOSE_TITLES: Record<Language, Record<string, string>> = {
  ja: { CONFERENCE_REGISTRATION: '学術講演会・講習会の参加登録', EVENT_NEWS: 'メールニュース・行事案内の送付' },
  en: { CONFERENCE_REGISTRATION: 'Conference and lecture registration', EVENT_NEWS: 'E-mail news and event notices' },
};

const ACTORS: Record<Language, string> = {
  ja: '事務局 佐藤 花子（個人情報保護管理者）',
  en: 'Hanako Sato (staff, Privacy officer)',
};

/** One ledger entry of the fixture package: a decision to use the provider's name, allowed by consent. */
export function buildLedgerEntry(language: Language, sequence = 7): DisclosedLedgerEntry {
  return {
    sequence,
    id: `entry-${sequence}`,
    recordedAt: '2026-01-10T00:00:00Z',
    kind: 'DECISION',
    kindLabel: label(language, 'ledgerKind', 'DECISION'),
    actorName: ACTORS[language],
    purposeKey: 'CONFERENCE_REGISTRATION',
    purposeTitle: PURPOSE_TITLES[language].CONFERENCE_REGISTRATION!,
    recipientId: null,
    recipientName: null,
    categories: ['NAME'],
    categoryLabels: [label(language, 'dataCategory', 'NAME')],
    outcome: 'ALLOWED',
    outcomeLabel: label(language, 'ledgerOutcome', 'ALLOWED'),
    basisKind: 'CONSENT',
    basisLabel: label(language, 'useBasis', 'CONSENT'),
    exceptionId: null,
    exceptionKind: null,
    exceptionKindLabel: null,
    basis: null,
    policyVersion: 1,
    hash: 'f'.repeat(64),
  };
}

/** A disclosure package's JSON (format steward.disclosure/6) in `language`. */
export function buildDisclosureJson(
  language: Language,
  overrides: Partial<DisclosureDocument> = {},
): DisclosureDocument {
  const titles = PURPOSE_TITLES[language];
  const section = (k: DisclosureSectionKey) => label(language, 'disclosureSection', k);
  return {
    formatVersion: DISCLOSURE_FORMAT_VERSION,
    language,
    title: label(language, 'documentKind', 'DISCLOSURE'),
    sectionTitles: {
      provider: section('provider'),
      dataItems: section('dataItems'),
      collections: section('collections'),
      consents: section('consents'),
      consentEvents: section('consentEvents'),
      ledger: section('ledger'),
      recipients: section('recipients'),
      requests: section('requests'),
      amendments: section('amendments'),
      cessations: section('cessations'),
      evidence: section('evidence'),
    },
    requestId: 'req-1',
    requestReference: 'R-ABCDEFGH23',
    producedAt: '2026-04-03T01:00:00Z',
    controller:
      language === 'ja'
        ? '公益社団法人 精密工学会 (公益社団法人精密工学会 事務局, jspe@example.jp, 03-0000-0000)'
        : 'The Japan Society for Precision Engineering (Secretariat, jspe@example.jp, 03-0000-0000)',
    policyVersion: 1,
    provider: {
      id: 'prov-1',
      reference: 'R-00001',
      kind: 'SERVICE_USER',
      kindLabel: label(language, 'providerKind', 'SERVICE_USER'),
      createdAt: '2025-04-05T03:00:00Z',
    },
    dataItems: [
      {
        id: 'item-1',
        category: 'NAME',
        categoryLabel: label(language, 'dataCategory', 'NAME'),
        value: 'Hanako Yamada',
        source: 'Spring meeting',
        channel: 'PAPER_FORM',
        channelLabel: label(language, 'channel', 'PAPER_FORM'),
        collectedAt: '2025-04-05T03:00:00Z',
        collectionId: 'coll-1',
        publiclyAvailable: false,
        publicProvenance: null,
      },
    ],
    collections: [
      {
        id: 'coll-1',
        channel: 'PAPER_FORM',
        channelLabel: label(language, 'channel', 'PAPER_FORM'),
        consentMethod: 'SIGNED_FORM',
        consentMethodLabel: label(language, 'consentMethod', 'SIGNED_FORM'),
        collectedAt: '2025-04-05T03:00:00Z',
        policyVersion: 1,
        purposes: [
          {
            purposeKey: 'CONFERENCE_REGISTRATION',
            purposeTitle: titles.CONFERENCE_REGISTRATION!,
            granted: true,
            consent: 'GRANTED',
            consentLabel: label(language, 'consentState', 'GRANTED'),
          },
        ],
        categories: ['NAME'],
        categoryLabels: [label(language, 'dataCategory', 'NAME')],
        source: 'Spring meeting',
        note: null,
        receiptId: 'rcpt-0001',
        receiptHash: 'b'.repeat(64),
      },
    ],
    consents: [
      {
        purposeKey: 'CONFERENCE_REGISTRATION',
        purposeTitle: titles.CONFERENCE_REGISTRATION!,
        state: 'GRANTED',
        stateLabel: label(language, 'consentState', 'GRANTED'),
        since: '2025-04-05T03:00:00Z',
        policyVersion: 1,
      },
    ],
    consentEvents: [],
    ledgerCount: 1,
    ledger: [buildLedgerEntry(language)],
    recipients: [],
    requests: [
      {
        reference: 'R-ABCDEFGH23',
        kind: 'DISCLOSURE',
        kindLabel: label(language, 'requestKind', 'DISCLOSURE'),
        channel: 'POST',
        channelLabel: label(language, 'requestChannel', 'POST'),
        status: 'IN_PROGRESS',
        statusLabel: label(language, 'requestStatus', 'IN_PROGRESS'),
        receivedAt: '2026-04-01T09:00:00Z',
        dueAt: '2026-04-15T14:59:59.999Z',
        completedAt: null,
      },
    ],
    amendments: [],
    cessations: [],
    evidence: EVIDENCE,
    evidenceUnavailable: null,
    sections: [
      { key: 'inquiries', title: section('inquiries'), count: 0, records: [] },
      { key: 'cookieConsents', title: section('cookieConsents'), count: 0, records: [] },
    ],
    ...overrides,
  };
}

/** A consent receipt's JSON (format steward.receipt/2) in `language`. */
export function buildReceiptJson(language: Language): ReceiptDocument {
  const titles = PURPOSE_TITLES[language];
  const ja = language === 'ja';
  return {
    version: RECEIPT_FORMAT_VERSION,
    receiptId: 'rcpt-0001',
    issuedAt: '2025-04-05T03:00:00.000Z',
    jurisdiction: 'JP',
    language,
    title: label(language, 'documentKind', 'CONSENT_RECEIPT'),
    controller: {
      name: ja ? '公益社団法人 精密工学会' : 'The Japan Society for Precision Engineering',
      contact: ja ? '公益社団法人精密工学会 事務局, jspe@example.jp, 03-0000-0000' : 'Secretariat, jspe@example.jp',
      secretariat: ja ? '公益社団法人精密工学会 事務局' : 'The Japan Society for Precision Engineering Secretariat',
      email: 'jspe@example.jp',
      telephone: '03-0000-0000',
      postalAddress: ja ? '〒102-0073 東京都千代田区九段北1-5-9' : '1-5-9 Kudan-kita, Chiyoda-ku, Tokyo',
    },
    policy: { version: 1, contentHash: 'c'.repeat(64), effectiveFrom: '2005-11-17T15:00:00.000Z' },
    subject: { reference: 'R-00001' },
    collection: {
      channel: 'WEB_FORM',
      channelLabel: label(language, 'channel', 'WEB_FORM'),
      consentMethod: 'WEB_CHECKBOX',
      consentMethodLabel: label(language, 'consentMethod', 'WEB_CHECKBOX'),
      categories: ['NAME', 'EMAIL'],
      categoryLabels: [label(language, 'dataCategory', 'NAME'), label(language, 'dataCategory', 'EMAIL')],
    },
    purposes: [
      {
        key: 'CONFERENCE_REGISTRATION',
        title: titles.CONFERENCE_REGISTRATION!,
        categories: ['NAME', 'EMAIL'],
        categoryLabels: [label(language, 'dataCategory', 'NAME'), label(language, 'dataCategory', 'EMAIL')],
        consent: 'GRANTED',
        consentLabel: label(language, 'consentState', 'GRANTED'),
      },
      {
        key: 'EVENT_NEWS',
        title: titles.EVENT_NEWS!,
        categories: ['EMAIL'],
        categoryLabels: [label(language, 'dataCategory', 'EMAIL')],
        consent: 'REFUSED',
        consentLabel: label(language, 'consentState', 'REFUSED'),
      },
    ],
  };
}

/** An inquiry record of the package's `inquiries` section as the API writes it, with its labels in `language`. */
export function buildInquiryRecord(language: Language) {
  const ja = language === 'ja';
  return {
    summary: {
      id: 'inq-1',
      reference: 'Q-ABCDEFGH23',
      channel: 'WEB_FORM',
      channelLabel: label(language, 'requestChannel', 'WEB_FORM'),
      status: 'ANSWERED',
      statusLabel: label(language, 'inquiryStatus', 'ANSWERED'),
      receivedAt: '2026-02-01T00:30:00Z',
      assignee: null,
      providerId: 'prov-1',
      providerReference: 'R-00001',
      recordedBy: null,
    },
    content: {
      name: ja ? '山田 花子' : 'Hanako Yamada',
      email: 'hanako@example.jp',
      postalAddress: null,
      telephone: null,
      subject: ja ? '会員名簿への掲載について' : 'About the member directory',
      message: ja ? '名簿に住所を載せないでください。' : 'Please leave my address out of the directory.',
    },
    replies: [
      {
        id: 'rep-1',
        kind: 'ANSWER',
        kindLabel: label(language, 'inquiryReplyKind', 'ANSWER'),
        channel: 'EMAIL',
        channelLabel: label(language, 'requestChannel', 'EMAIL'),
        at: '2026-02-03T05:00:00Z',
        author: ja ? '事務局 佐藤 花子' : 'Hanako Sato',
        body: ja ? '次号から住所を掲載しません。' : 'Your address will be left out from the next issue.',
      },
    ],
  };
}

/** A cookie consent record of the package's `cookieConsents` section as the API writes it. */
export function buildCookieConsentRecord(language: Language) {
  return {
    receiptId: 'ck-0001',
    action: 'CHOOSE',
    actionLabel: label(language, 'cookieConsentAction', 'CHOOSE'),
    choice: { STRICTLY_NECESSARY: true, FUNCTIONAL: true, ANALYTICS: false, MARKETING: false },
    gpc: false,
    gpcApplied: false,
    policyVersion: 1,
    recordedAt: '2026-03-01T12:00:00Z',
    siteId: 'site-1',
    siteName: language === 'ja' ? '学会ウェブサイト' : 'Society website',
    visitorId: 'v-0001',
  };
}

const HEX = (c: string) => c.repeat(64);

/** The proofs a package carries (their values only need the right shape here: the verifier checks them elsewhere). */
export const EVIDENCE: EvidencePackage = {
  format: 'steward-evidence/1',
  head: {
    version: 2,
    treeSize: 1004211,
    rootHash: HEX('a'),
    timestamp: '2026-04-03T00:59:00.000Z',
    providerMapSize: 5210,
    providerMapRoot: HEX('b'),
    signature: 'c2lnbmF0dXJl',
  },
  publicKey: 'UFVCTElDLUtFWS0zMi1CWVRFUy1CQVNFNjQtLS0tLS0=',
  providerId: 'prov-1',
  entries: [],
  completeness: {
    present: { mapLeafIndex: 17, entryCount: 3, chainHash: HEX('c'), lastSequence: 1004000, mapProof: [] },
    absent: null,
  },
  earlierHead: {
    version: 2,
    treeSize: 950000,
    rootHash: HEX('d'),
    timestamp: '2025-12-01T00:00:00.000Z',
    providerMapSize: 5100,
    providerMapRoot: HEX('e'),
    signature: 'c2lnbmF0dXJl',
  },
  consistencyProof: [HEX('f')],
  restores: [],
};

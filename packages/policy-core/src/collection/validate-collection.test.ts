import { describe, expect, it } from 'vitest';
import { FIELD_LIMITS } from '../fields/field-formats.js';
import type { Issue, Validation } from '../issues.js';
import type { PurposeFact } from '../use/may-use-for-purpose.js';
import { validateCollection, type CollectionDraft } from './validate-collection.js';

const PURPOSES: readonly PurposeFact[] = [
  { key: 'journal-delivery', categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'], retired: false },
  { key: 'newsletter', categories: ['NAME', 'EMAIL'], retired: false },
  { key: 'fax-notices', categories: ['FAX'], retired: true },
];

function buildDraft(overrides: Partial<CollectionDraft> = {}): CollectionDraft {
  return {
    providerKind: 'SERVICE_USER',
    channel: 'WEB_FORM',
    consentMethod: 'WEB_CHECKBOX',
    policyVersionShown: 3,
    currentPolicyVersion: 3,
    purposes: [
      { purposeKey: 'journal-delivery', granted: true },
      { purposeKey: 'newsletter', granted: true },
    ],
    items: [
      { category: 'NAME', value: '山田 太郎' },
      { category: 'POSTAL_CODE', value: '102-0073' },
      { category: 'POSTAL_ADDRESS', value: '東京都千代田区九段北1-5-9' },
      { category: 'EMAIL', value: 'taro@example.jp' },
    ],
    source: 'Annual meeting registration',
    note: null,
    reference: 'REG-2025-001',
    ...overrides,
  };
}

function issuesOf(v: Validation): [string, string][] {
  return v.ok ? [] : v.issues.map((i: Issue) => [i.field, i.code]);
}

const check = (overrides: Partial<CollectionDraft>) => issuesOf(validateCollection(buildDraft(overrides), PURPOSES));

describe('validateCollection', () => {
  it('accepts a complete, consistent collection', () => {
    expect(validateCollection(buildDraft(), PURPOSES)).toEqual({ ok: true });
  });

  it('takes the name reading under a purpose that states the name, and not otherwise', () => {
    const reading = { category: 'NAME_READING' as const, value: 'やまだ たろう' };
    expect(check({ items: [...buildDraft().items, reading] })).toEqual([]);
    const emailOnly: readonly PurposeFact[] = [{ key: 'news', categories: ['EMAIL'], retired: false }];
    const draft = buildDraft({ purposes: [{ purposeKey: 'news', granted: true }], items: [reading] });
    expect(issuesOf(validateCollection(draft, emailOnly))).toEqual([['items[0].category', 'CATEGORY_NOT_NEEDED']]);
    expect(check({ items: [{ category: 'NAME_READING', value: '山田 太郎' }] })).toEqual([
      ['items[0].value', 'INVALID_FORMAT'],
    ]);
  });

  it('NO_PURPOSE when no purpose is specified', () => {
    expect(check({ purposes: [], items: [{ category: 'NAME', value: 'x' }] })).toEqual([
      ['purposes', 'NO_PURPOSE'],
      ['items[0].category', 'CATEGORY_NOT_NEEDED'],
    ]);
  });

  it('DUPLICATE for a purpose listed twice, at the second occurrence', () => {
    expect(
      check({
        purposes: [
          { purposeKey: 'newsletter', granted: true },
          { purposeKey: 'journal-delivery', granted: true },
          { purposeKey: 'newsletter', granted: false },
        ],
      }),
    ).toEqual([['purposes[2].purposeKey', 'DUPLICATE']]);
  });

  it('UNKNOWN_PURPOSE and RETIRED_PURPOSE, and their categories count as not needed', () => {
    expect(
      check({
        purposes: [
          { purposeKey: 'journal-delivery', granted: true },
          { purposeKey: 'no-such-purpose', granted: true },
          { purposeKey: 'fax-notices', granted: true },
        ],
        items: [
          { category: 'NAME', value: '山田 太郎' },
          { category: 'FAX', value: '+81-3-5226-5192' },
        ],
      }),
    ).toEqual([
      ['purposes[1].purposeKey', 'UNKNOWN_PURPOSE'],
      ['purposes[2].purposeKey', 'RETIRED_PURPOSE'],
      ['items[1].category', 'CATEGORY_NOT_NEEDED'],
    ]);
  });

  it('CONSENT_MISSING when the provider granted none of the purposes', () => {
    expect(
      check({
        purposes: [{ purposeKey: 'newsletter', granted: false }],
        items: [{ category: 'EMAIL', value: 'taro@example.jp' }],
      }),
    ).toEqual([
      ['purposes', 'CONSENT_MISSING'],
      ['items[0].category', 'CATEGORY_ONLY_FOR_REFUSED_PURPOSE'],
    ]);
  });

  it('NO_ITEMS when nothing was collected', () => {
    expect(check({ items: [] })).toEqual([['items', 'NO_ITEMS']]);
  });

  it('POLICY_VERSION_NOT_CURRENT when an older or newer version was shown', () => {
    expect(check({ policyVersionShown: 2 })).toEqual([['policyVersionShown', 'POLICY_VERSION_NOT_CURRENT']]);
    expect(check({ policyVersionShown: 4 })).toEqual([['policyVersionShown', 'POLICY_VERSION_NOT_CURRENT']]);
  });

  it('reports item value problems at items[i].value', () => {
    expect(
      check({
        items: [
          { category: 'NAME', value: ' ' },
          { category: 'EMAIL', value: 'taro.example.jp' },
          { category: 'NAME', value: 'x'.repeat(121) },
          { category: 'NAME', value: 'Taro\u202Egnp.exe' },
          { category: 'POSTAL_CODE', value: '〒102-0073' },
        ],
      }),
    ).toEqual([
      ['items[0].value', 'REQUIRED'],
      ['items[1].value', 'INVALID_FORMAT'],
      ['items[2].value', 'TOO_LONG'],
      ['items[3].value', 'CONTROL_CHARACTERS'],
      ['items[4].value', 'INVALID_FORMAT'],
    ]);
  });

  it('CATEGORY_NOT_NEEDED when no specified purpose needs the category', () => {
    expect(check({ items: [{ category: 'TELEPHONE', value: '03-5226-5191' }] })).toEqual([
      ['items[0].category', 'CATEGORY_NOT_NEEDED'],
    ]);
  });

  it('CATEGORY_ONLY_FOR_REFUSED_PURPOSE when only refused purposes need it, not when a granted one also does', () => {
    expect(
      check({
        purposes: [
          { purposeKey: 'journal-delivery', granted: true },
          { purposeKey: 'newsletter', granted: false },
        ],
      }),
    ).toEqual([['items[3].category', 'CATEGORY_ONLY_FOR_REFUSED_PURPOSE']]);
  });

  it('PROVENANCE_REQUIRED for a public item without provenance; provenance is length-checked', () => {
    expect(
      check({
        items: [
          { category: 'NAME', value: '山田 太郎', publiclyAvailable: true, publicProvenance: null },
          { category: 'NAME', value: '山田 太郎', publiclyAvailable: true },
          { category: 'NAME', value: '山田 太郎', publiclyAvailable: true, publicProvenance: '  ' },
          {
            category: 'NAME',
            value: '山田 太郎',
            publiclyAvailable: true,
            publicProvenance: 'Conference proceedings 2024, p. 12',
          },
          {
            category: 'NAME',
            value: '山田 太郎',
            publiclyAvailable: true,
            publicProvenance: 'x'.repeat(FIELD_LIMITS.provenance),
          },
          {
            category: 'NAME',
            value: '山田 太郎',
            publiclyAvailable: true,
            publicProvenance: 'x'.repeat(FIELD_LIMITS.provenance + 1),
          },
          { category: 'NAME', value: '山田 太郎', publiclyAvailable: false, publicProvenance: 'bad\u0007' },
        ],
      }),
    ).toEqual([
      ['items[0].publicProvenance', 'PROVENANCE_REQUIRED'],
      ['items[1].publicProvenance', 'PROVENANCE_REQUIRED'],
      ['items[2].publicProvenance', 'PROVENANCE_REQUIRED'],
      ['items[5].publicProvenance', 'TOO_LONG'],
      ['items[6].publicProvenance', 'CONTROL_CHARACTERS'],
    ]);
  });

  it('checks source, note and reference length and control characters at their limits', () => {
    const ok = {
      source: 's'.repeat(FIELD_LIMITS.source),
      note: 'n\n'.repeat(FIELD_LIMITS.note / 2),
      reference: 'r'.repeat(FIELD_LIMITS.reference),
    };
    expect(check(ok)).toEqual([]);
    expect(check({ source: `${ok.source}s`, note: `${ok.note}n`, reference: `${ok.reference}r` })).toEqual([
      ['source', 'TOO_LONG'],
      ['note', 'TOO_LONG'],
      ['reference', 'TOO_LONG'],
    ]);
    expect(check({ source: 'a\nb', note: 'a\u0000', reference: 'a\u2066b' })).toEqual([
      ['source', 'CONTROL_CHARACTERS'],
      ['note', 'CONTROL_CHARACTERS'],
      ['reference', 'CONTROL_CHARACTERS'],
    ]);
    expect(check({ source: undefined, note: '', reference: null })).toEqual([]);
  });

  it('INVALID_VALUE for kinds and categories outside the vocabulary (raw JSON callers)', () => {
    const raw = {
      providerKind: 'MEMBER',
      channel: 'FAX',
      consentMethod: 'NOD',
      items: [{ category: 'SHOE_SIZE', value: '27' }],
    } as unknown as Partial<CollectionDraft>;
    expect(check(raw)).toEqual([
      ['providerKind', 'INVALID_VALUE'],
      ['channel', 'INVALID_VALUE'],
      ['consentMethod', 'INVALID_VALUE'],
      ['items[0].category', 'INVALID_VALUE'],
    ]);
  });

  it('reports all issues at once in a stable order', () => {
    const draft = buildDraft({
      policyVersionShown: 1,
      purposes: [
        { purposeKey: 'newsletter', granted: false },
        { purposeKey: 'ghost', granted: false },
        { purposeKey: 'newsletter', granted: true },
        { purposeKey: 'fax-notices', granted: false },
      ],
      items: [
        { category: 'EMAIL', value: 'not-an-email' },
        { category: 'POSTAL_ADDRESS', value: '東京都', publiclyAvailable: true },
      ],
      source: '\u202Esource',
      note: 'x'.repeat(FIELD_LIMITS.note + 1),
      reference: 'ok',
    });
    const expected = [
      ['policyVersionShown', 'POLICY_VERSION_NOT_CURRENT'],
      ['purposes[1].purposeKey', 'UNKNOWN_PURPOSE'],
      ['purposes[2].purposeKey', 'DUPLICATE'],
      ['purposes[3].purposeKey', 'RETIRED_PURPOSE'],
      ['purposes', 'CONSENT_MISSING'],
      ['items[0].value', 'INVALID_FORMAT'],
      ['items[0].category', 'CATEGORY_ONLY_FOR_REFUSED_PURPOSE'],
      ['items[1].category', 'CATEGORY_NOT_NEEDED'],
      ['items[1].publicProvenance', 'PROVENANCE_REQUIRED'],
      ['source', 'CONTROL_CHARACTERS'],
      ['note', 'TOO_LONG'],
    ];
    expect(issuesOf(validateCollection(draft, PURPOSES))).toEqual(expected);
    // Same input, same answer: the order does not depend on the known purposes' order.
    expect(issuesOf(validateCollection(draft, [...PURPOSES].reverse()))).toEqual(expected);
  });

  it('gives every issue a human-readable message', () => {
    const v = validateCollection(buildDraft({ purposes: [], items: [] }), PURPOSES);
    expect(v.ok).toBe(false);
    if (!v.ok) for (const i of v.issues) expect(i.message.length).toBeGreaterThan(10);
  });
});

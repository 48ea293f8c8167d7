import { describe, expect, it } from 'vitest';
import { POLICY_CLAUSES } from '../vocabulary/policy-clauses.js';
import { validatePolicyDraft, validatePublication, type PolicyDraft } from './validate-policy-draft.js';

const sections = POLICY_CLAUSES.map((clause) => ({
  clause,
  titleEn: `T ${clause}`,
  titleJa: `題 ${clause}`,
  bodyEn: 'Body\nline 2',
  bodyJa: '本文',
}));
const draft: PolicyDraft = {
  changeSummaryJa: '利用目的を追加します。',
  changeSummaryEn: 'Adds a purpose.',
  sections,
  purposes: [
    {
      key: 'JOURNAL_DELIVERY',
      titleEn: 'Journal',
      titleJa: '会誌',
      description: 'Posting.',
      categories: ['NAME', 'POSTAL_ADDRESS'],
      retired: false,
    },
    { key: 'OLD', titleEn: 'Old', titleJa: '旧', description: 'Gone.', categories: [], retired: true },
  ],
};
const fields = (d: PolicyDraft, current: string[] = []) => {
  const v = validatePolicyDraft(d, current);
  return v.ok ? [] : v.issues.map((i) => `${i.field}:${i.code}`);
};

describe('validatePolicyDraft', () => {
  it('accepts a complete draft (a retired purpose may have no categories)', () => {
    expect(fields(draft, ['JOURNAL_DELIVERY', 'OLD'])).toEqual([]);
  });

  it('needs every clause exactly once, with both languages', () => {
    const d = {
      ...draft,
      sections: [...sections.slice(1), { ...sections[1]!, titleJa: ' ' }, { ...sections[2]!, clause: 'PREAMBLE' }],
    };
    expect(fields(d)).toEqual([
      'sections[7].clause:DUPLICATE',
      'sections[7].titleJa:REQUIRED',
      'sections[8].clause:INVALID_VALUE',
      'sections:REQUIRED',
    ]);
  });

  it('refuses control characters, overlong text and a change summary missing in one language', () => {
    const d = {
      ...draft,
      changeSummaryEn: '',
      sections: [{ ...sections[0]!, bodyEn: 'a\u202Eb', titleEn: 'x'.repeat(201) }, ...sections.slice(1)],
    };
    expect(fields(d)).toEqual([
      'changeSummaryEn:REQUIRED',
      'sections[0].titleEn:TOO_LONG',
      'sections[0].bodyEn:CONTROL_CHARACTERS',
    ]);
  });

  it('checks purpose keys, categories, and that current purposes are retired rather than removed', () => {
    const d: PolicyDraft = {
      ...draft,
      purposes: [
        { ...draft.purposes[0]!, key: 'journal' },
        { ...draft.purposes[0]!, categories: ['NAME', 'SHOE_SIZE'] },
        { ...draft.purposes[0]!, categories: [] },
        { ...draft.purposes[0]!, categories: ['NAME', 'NAME'], descriptionJa: '説明\u202E' },
      ],
    };
    expect(fields(d, ['OLD'])).toEqual([
      'purposes[0].key:INVALID_FORMAT',
      'purposes[1].categories:UNKNOWN_CATEGORY',
      'purposes[2].key:DUPLICATE',
      'purposes[2].categories:REQUIRED',
      'purposes[3].key:DUPLICATE',
      'purposes[3].descriptionJa:CONTROL_CHARACTERS',
      'purposes[3].categories:DUPLICATE',
      'purposes:REQUIRED',
    ]);
  });
});

describe('validatePublication', () => {
  const ok = { draftNumber: 2, currentNumber: 1, confirmNumber: 2, sectionsChanged: true, purposesChanged: false };
  it('needs the typed version number, the next number and a change', () => {
    expect(validatePublication(ok)).toEqual({ ok: true });
    expect(validatePublication({ ...ok, sectionsChanged: false, purposesChanged: true })).toEqual({ ok: true });
    const bad = validatePublication({
      draftNumber: 3,
      currentNumber: 1,
      confirmNumber: 2,
      sectionsChanged: false,
      purposesChanged: false,
    });
    expect(bad.ok ? [] : bad.issues.map((i) => `${i.field}:${i.code}`)).toEqual([
      'confirmNumber:INVALID_VALUE',
      'id:INVALID_TRANSITION',
      'sections:NO_CHANGE',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { changesFrom, draftErrors, type EditableItem } from './amendment-form.js';

const items: EditableItem[] = [
  { id: 'i1', category: 'EMAIL', value: 'old@example.jp' },
  { id: 'i2', category: 'AFFILIATION', value: 'Lab' },
  { id: 'i3', category: 'NAME', value: 'Aiko' },
];

describe('amendment form', () => {
  it('sends only real changes: new values, removals, non-empty additions', () => {
    const draft = {
      edits: {
        i1: { value: ' new@example.jp ', remove: false },
        i2: { value: 'Lab', remove: true },
        i3: { value: 'Aiko', remove: false },
      },
      additions: [
        { key: 1, category: 'TELEPHONE' as const, value: '03-1234-5678' },
        { key: 2, category: 'FAX' as const, value: '  ' },
      ],
    };
    expect(changesFrom(items, draft)).toEqual([
      { itemId: 'i1', category: 'EMAIL', value: 'new@example.jp' },
      { itemId: 'i2', category: 'AFFILIATION', value: null },
      { itemId: null, category: 'TELEPHONE', value: '03-1234-5678' },
    ]);
  });
  it("checks formats with policy-core's rules", () => {
    const errors = draftErrors(items, {
      edits: { i1: { value: 'not an address', remove: false } },
      additions: [{ key: 4, category: 'EMAIL', value: 'x@' }],
    });
    expect(Object.keys(errors)).toEqual(['item:i1', 'new:4']);
  });
});

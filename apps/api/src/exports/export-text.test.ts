import { describe, expect, it } from 'vitest';
import en from './locales/en.json' with { type: 'json' };
import ja from './locales/ja.json' with { type: 'json' };
import { exportText } from './export-text.js';

describe('the exports catalogues', () => {
  it('have the same keys in both languages', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });

  it('word labels, and times in the organisation zone', () => {
    const text = exportText('ja', 'Asia/Tokyo');
    expect(text.label('providerKind', 'BUSINESS_USER')).toBe('事業利用者');
    expect(text.label('providerKind', 'NOT_A_KIND')).toBe('NOT_A_KIND');
    expect(text.dateTime(new Date('2026-12-07T15:30:00Z'))).toBe('2026-12-08 00:30');
    expect(exportText('en', 'UTC').dateTime(new Date('2026-12-07T15:30:00Z'))).toBe('2026-12-07 15:30');
    expect(text.t('column.name')).toBe('氏名');
  });
});

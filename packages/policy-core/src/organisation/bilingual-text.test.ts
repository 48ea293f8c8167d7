import { describe, expect, it } from 'vitest';
import { bilingualFromLegacy, containsJapanese, textFor } from './bilingual-text.js';

describe('bilingual texts', () => {
  it('place a legacy text in the language it is written in', () => {
    expect(bilingualFromLegacy('Constituted November 18th, 2005.')).toEqual({
      ja: '',
      en: 'Constituted November 18th, 2005.',
    });
    expect(bilingualFromLegacy('2005年11月18日制定')).toEqual({ ja: '2005年11月18日制定', en: '' });
    expect(bilingualFromLegacy('カタカナ only')).toEqual({ ja: 'カタカナ only', en: '' });
    expect(containsJapanese('Tokyo, 102-0073 (JSPE)')).toBe(false);
    expect(containsJapanese('ｶﾀｶﾅ')).toBe(true);
  });

  it("show the reader's language, else the other one and say which", () => {
    expect(textFor({ ja: '制定', en: 'Constituted' }, 'en')).toEqual({ text: 'Constituted', language: 'en' });
    expect(textFor({ ja: '', en: 'Constituted' }, 'ja')).toEqual({ text: 'Constituted', language: 'en' });
    expect(textFor({ ja: '制定', en: '  ' }, 'en')).toEqual({ text: '制定', language: 'ja' });
    expect(textFor({ ja: '', en: '' }, 'ja')).toEqual({ text: '', language: 'ja' });
  });
});

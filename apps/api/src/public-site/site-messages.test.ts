import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json' with { type: 'json' };
import ja from './locales/ja.json' with { type: 'json' };
import { siteText } from './site-messages.js';

/** The ICU arguments a message takes ({name}, {count, plural, …}), nested ones included. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) {
      argumentsOf(el.children, into);
      continue;
    }
    into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
  }
  return into;
}

describe("the public pages' ja and en catalogues", () => {
  it('have the same keys', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });

  it('hold a non-empty ICU message for every key, with the same arguments in both languages', () => {
    const catalogues: Record<string, Record<string, string>> = { en, ja };
    for (const key of Object.keys(en)) {
      const [enText, jaText] = [catalogues['en']![key]!, catalogues['ja']![key]!];
      expect(enText.trim(), `${key} (en)`).not.toBe('');
      expect(jaText.trim(), `${key} (ja)`).not.toBe('');
      expect([...argumentsOf(parse(jaText))].sort(), key).toEqual([...argumentsOf(parse(enText))].sort());
    }
  });

  it('format plurals in English and numbers in Japanese', () => {
    expect(siteText('en', 'Asia/Tokyo').t('form.errorSummaryTitle', { count: 1 })).toBe('1 entry needs correcting');
    expect(siteText('en', 'Asia/Tokyo').t('form.errorSummaryTitle', { count: 3 })).toBe('3 entries need correcting');
    expect(siteText('ja', 'Asia/Tokyo').t('form.errorSummaryTitle', { count: 3 })).toBe(
      '3件の入力内容をご確認ください',
    );
  });
});

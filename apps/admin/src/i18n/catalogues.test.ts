import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { messages } from '@steward/policy-core';
import { catalogues, createI18n, nestCatalogue, UI_LANGUAGES } from './i18n.js';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The ICU arguments a message takes ({name}, {count, plural, …}), nested ones included. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) {
      argumentsOf(el.children, into);
      continue;
    }
    into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

const flat = Object.fromEntries(
  UI_LANGUAGES.map((language) => [
    language,
    new Map(
      Object.entries(catalogues[language]).flatMap(([ns, tree]) =>
        [...flatten(tree as Tree)].map(([key, text]) => [`${ns}:${key}`, text] as const),
      ),
    ),
  ]),
) as Record<(typeof UI_LANGUAGES)[number], Map<string, string>>;

describe('the ja and en catalogues', () => {
  it('have the same namespaces and keys', () => {
    expect(Object.keys(catalogues.ja).sort()).toEqual(Object.keys(catalogues.en).sort());
    expect([...flat.ja.keys()].sort()).toEqual([...flat.en.keys()].sort());
  });

  it('hold a non-empty, valid ICU message for every key, with the same arguments in both languages', () => {
    for (const [key, en] of flat.en) {
      const ja = flat.ja.get(key)!;
      expect(en.trim(), `${key} (en)`).not.toBe('');
      expect(ja.trim(), `${key} (ja)`).not.toBe('');
      const enArgs = [...argumentsOf(parse(en))].sort();
      const jaArgs = [...argumentsOf(parse(ja))].sort();
      expect(jaArgs, key).toEqual(enArgs);
    }
  });

  it("know every key the components ask for: t('…'), t('ns:…') and <Trans i18nKey=\"…\">", () => {
    // Every component and module's source, bundled by Vite as text (tests excluded).
    const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../test/**'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    const missing: string[] = [];
    let transKeys = 0;
    let prefixed = 0;
    for (const [file, source] of Object.entries(sources)) {
      // The namespaces a file uses: every useTranslation('ns') / useTranslation(['a', 'b']) and
      // getFixedT(…, 'ns') in it (else `common`); a key must be in one of them, and `ns:key` names its own.
      const namespaces = new Set<string>();
      for (const m of source.matchAll(/useTranslation\(\s*(\[[^\]]*\]|'[\w-]+')/g))
        for (const ns of m[1]!.matchAll(/'([\w-]+)'/g)) namespaces.add(ns[1]!);
      for (const m of source.matchAll(/getFixedT\([^,()]*,\s*'([\w-]+)'/g)) namespaces.add(m[1]!);
      if (namespaces.size === 0) namespaces.add('common');
      const keys = [
        ...[...source.matchAll(/\bt\(\s*(['"])([\w.:-]+)\1/g)].map((m) => m[2]!),
        ...[...source.matchAll(/\bi18nKey=\{?\s*(['"])([\w.:-]+)\1/g)].map((m) => {
          transKeys += 1;
          return m[2]!;
        }),
      ];
      for (const raw of keys) {
        if (raw.includes(':')) prefixed += 1;
        const found = raw.includes(':') ? flat.en.has(raw) : [...namespaces].some((ns) => flat.en.has(`${ns}:${raw}`));
        if (!found) missing.push(`${file}: ${raw} (${[...namespaces].join(', ')})`);
      }
    }
    // The patterns still find what they look for (a pattern that matched nothing would pass silently).
    expect(transKeys).toBeGreaterThan(5);
    expect(prefixed).toBeGreaterThan(5);
    expect(missing).toEqual([]);
  });
});

describe('the namespace core (policy-core catalogue)', () => {
  it('holds every policy-core message, in both languages, under its dotted key', () => {
    for (const language of UI_LANGUAGES) {
      const core = [...flat[language]].filter(([key]) => key.startsWith('core:'));
      expect(new Map(core)).toEqual(new Map(Object.entries(messages[language]).map(([k, v]) => [`core:${k}`, v])));
    }
  });

  it('is read with t("core:…") in the language on screen, ICU arguments included', () => {
    const ja = createI18n('ja');
    expect(ja.t('core:dataCategory.NAME')).toBe('氏名');
    expect(ja.t('core:requestUrgency.OVERDUE')).toBe(messages.ja['requestUrgency.OVERDUE']);
    expect(ja.t('core:reason.PURPOSE_RETIRED', { purpose: '会報の発送' })).toContain('会報の発送');
    const en = createI18n('en');
    expect(en.t('core:dataCategory.NAME')).toBe('Name');
    expect(en.t('core:recipientKind.CONTRACTOR')).toBe('Contractor');
  });

  it('refuses a key that is both a message and a group', () => {
    expect(() => nestCatalogue({ 'a.b': 'x', 'a.b.c': 'y' })).toThrow(/under a message/);
    expect(() => nestCatalogue({ 'a.b.c': 'y', 'a.b': 'x' })).toThrow(/both a message and a group/);
  });
});

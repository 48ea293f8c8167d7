import { describe, expect, it } from 'vitest';
import { createI18n, reportMissingKeys } from './i18n.js';

describe('the missing-key guard of the tests', () => {
  it('reports a key the catalogue lacks, and not one it has', () => {
    const seen: string[] = [];
    reportMissingKeys((language, namespace, key) => seen.push(`${language}:${namespace}:${key}`));
    try {
      const { t } = createI18n('ja');
      expect(t('providers:list.title')).not.toBe('list.title');
      expect(seen).toEqual([]);
      t('providers:list.noSuchKey');
      expect(seen).toEqual(['ja:providers:list.noSuchKey']);
      // A call with its own fallback asks on purpose.
      t('audit:actions.someday.new', { defaultValue: '' });
      expect(seen).toHaveLength(1);
    } finally {
      // The setup's reporter is gone for the rest of this file (none follows); every file runs its own setup.
      reportMissingKeys(null);
    }
  });
});

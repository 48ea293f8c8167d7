import { useCallback, useMemo } from 'react';
import { useLocale } from '../../i18n/locale.js';
import { purposeTitle } from './localized-title.js';
import { usePurposes } from './use-purposes.js';

type Titled = { key: string; titleEn: string; titleJa: string };

/**
 * `(key) => title`: a purpose key as a person reads it, the purpose's title in the language on
 * screen (retired purposes included, since old records name them). `first` are purposes not (yet)
 * stored, e.g. those of a policy draft, looked up before the stored ones. The key itself only while
 * the purposes load or for a key no purpose has.
 */
export function usePurposeTitle(first: readonly Titled[] = NONE): (key: string) => string {
  const { language } = useLocale();
  const { purposes } = usePurposes(true);
  const byKey = useMemo(
    () => new Map<string, Titled>([...purposes, ...first].map((p) => [p.key, p])),
    [purposes, first],
  );
  return useCallback(
    (key: string) => {
      const purpose = byKey.get(key);
      return purpose ? purposeTitle(purpose, language) : key;
    },
    [byKey, language],
  );
}

const NONE: readonly Titled[] = [];

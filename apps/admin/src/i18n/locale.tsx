import {
  createContext,
  Fragment,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { I18nextProvider } from 'react-i18next';
import { setFormatLocale } from '../components/format.js';
import { setCurrentLocale } from './current.js';
import { createI18n, isUiLanguage, type UiLanguage } from './i18n.js';

const STORAGE_KEY = 'steward.language';

/** The language chosen on this browser (the switch, or the account's language last signed in here), or null. */
export function storedLanguage(): UiLanguage | null {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isUiLanguage(stored)) return stored;
  } catch {
    // Storage can be refused (private mode, policies).
  }
  return null;
}

/**
 * The language of the first paint: the one chosen on this browser, else the browser's own, else
 * Japanese. The sign-in page then takes the organisation's default unless this browser chose one, and
 * a signed-in member's own language (features/language) replaces it.
 */
export function initialLanguage(): UiLanguage {
  const stored = storedLanguage();
  if (stored) return stored;
  for (const tag of globalThis.navigator?.languages ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if (isUiLanguage(base)) return base;
  }
  return 'ja';
}

type Locale = {
  language: UiLanguage;
  /** Switches every text, date and number at once; remembered on this browser unless `remember` is false. */
  setLanguage: (language: UiLanguage, options?: { remember?: boolean }) => void;
  /** The organisation's IANA time zone: every date and time is shown in it (undefined: the browser's). */
  timeZone: string | undefined;
  setTimeZone: (timeZone: string | undefined) => void;
};

const LocaleContext = createContext<Locale | null>(null);

export function useLocale(): Locale {
  const locale = useContext(LocaleContext);
  if (!locale) throw new Error('useLocale outside LocaleProvider');
  return locale;
}

type Props = {
  /** Tests fix it; the app starts from initialLanguage(). */
  language?: UiLanguage;
  timeZone?: string;
  children: ReactNode;
};

/**
 * Language and time zone for everything below: the i18next instance, `<html lang>`, and the date
 * formatters in components/format.ts.
 *
 * A language switch re-renders, it does not remount: forms keep what was typed and a produced document
 * (held only by its mutation's result) stays. Every component that calls `t` re-renders through
 * react-i18next's subscription (`useTranslation`), and every `useLocale()` consumer through this
 * context's new value; the plain `formatDate(…)` calls they make read the module state set here first.
 * A component that shows a date and uses neither hook would keep the old language: call `useLocale()`.
 *
 * The subtree is keyed on the time zone alone: the zone is set once, when the organisation's answers
 * (the auth guard waits for it before showing any screen), so that remount happens before anything is
 * typed; the router and the urql cache live above it, so the page and its data stay.
 */
export function LocaleProvider({ language: fixed, timeZone: fixedZone, children }: Props) {
  const [language, setLanguageState] = useState<UiLanguage>(() => fixed ?? initialLanguage());
  const [timeZone, setTimeZone] = useState<string | undefined>(fixedZone);
  const [i18n] = useState(() => createI18n(language));

  // The format state is applied during render (not in an effect) so the first paint, and every render
  // after a switch (this provider renders before the components below it), use the right dates.
  setFormatLocale({ language, timeZone });
  setCurrentLocale(i18n, language);
  useLayoutEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback(
    (next: UiLanguage, { remember = true }: { remember?: boolean } = {}) => {
      setLanguageState(next);
      // In the event (not during render): i18next notifies the useTranslation subscribers, whose
      // re-renders React batches with this provider's.
      if (i18n.language !== next) void i18n.changeLanguage(next);
      if (!remember) return;
      try {
        globalThis.localStorage?.setItem(STORAGE_KEY, next);
      } catch {
        // Not remembered on this browser; the account's preference still applies after sign-in.
      }
    },
    [i18n],
  );

  const value = useMemo(() => ({ language, setLanguage, timeZone, setTimeZone }), [language, setLanguage, timeZone]);
  return (
    <LocaleContext.Provider value={value}>
      <I18nextProvider i18n={i18n}>
        <Fragment key={timeZone ?? ''}>{children}</Fragment>
      </I18nextProvider>
    </LocaleContext.Provider>
  );
}

import { SetMyLanguageDocument, OrganisationLanguageDocument, type Language } from '@steward/schema';
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { storedLanguage, useLocale } from '../../i18n/locale.js';
import { toUiLanguage } from './language-codes.js';

/** Keeps the signed-in member's language with their account (null: follow the organisation's default). */
export function useSetMyLanguage() {
  const [state, execute] = useMutation(SetMyLanguageDocument);
  return {
    setMyLanguage: (language: Language | null) => execute({ input: { language } }),
    fetching: state.fetching,
    error: state.error,
  };
}

/**
 * Signed in, the admin speaks the member's language (`me.effectiveLanguage`: their own choice, else
 * the organisation's default). The member's switch changes the account, and `me`, answered again,
 * switches the screens; the language is then remembered on this browser for its sign-in page.
 */
export function useFollowAccountLanguage(effectiveLanguage: Language | null | undefined): { ready: boolean } {
  const { language, setLanguage } = useLocale();
  const wanted = effectiveLanguage ? toUiLanguage(effectiveLanguage) : null;
  useEffect(() => {
    if (wanted && wanted !== language) setLanguage(wanted);
  }, [wanted, language, setLanguage]);
  // Not ready until the screens have once spoken the member's language: the caller waits, so the first
  // screen after sign-in is painted in it (no flash of the other). A later switch (the header's) keeps
  // the screens mounted, forms and documents included, and they re-render in the new language.
  const [settled, setSettled] = useState(false);
  const matches = wanted !== null && wanted === language;
  if (matches && !settled) setSettled(true);
  return { ready: !wanted || matches || settled };
}

/**
 * Before sign-in: the organisation's default language, unless this browser chose one (the switch on
 * the sign-in page is a choice of this browser only). Not remembered, so a later change of the
 * default reaches this page.
 */
export function useSignInLanguage() {
  const { language, setLanguage } = useLocale();
  const chosenHere = storedLanguage() !== null;
  const [result] = useQuery({ query: OrganisationLanguageDocument, pause: chosenHere });
  const fallback = result.data?.organisation.defaultLanguage;
  const wanted = !chosenHere && fallback ? toUiLanguage(fallback) : null;
  useEffect(() => {
    if (wanted && wanted !== language) setLanguage(wanted, { remember: false });
  }, [wanted, language, setLanguage]);
}

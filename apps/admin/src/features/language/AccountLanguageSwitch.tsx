import { LanguageSwitch } from '../../i18n/LanguageSwitch.js';
import { toApiLanguage } from './language-codes.js';
import { useSetMyLanguage } from './use-language.js';

/** The header's 日本語 | English for a signed-in member: the choice is kept with their account. */
export function AccountLanguageSwitch() {
  const { setMyLanguage, fetching } = useSetMyLanguage();
  return <LanguageSwitch select={(language) => void setMyLanguage(toApiLanguage(language))} disabled={fetching} />;
}

import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, isUiLanguage, type UiLanguage } from './i18n.js';
import { useLocale } from './locale.js';

type Props = {
  /** Called after the switch. */
  onChange?: (language: UiLanguage) => void;
  /**
   * Instead of switching here: a signed-in member's choice goes to their account, and the admin
   * switches when the account answers (features/language).
   */
  select?: (language: UiLanguage) => void;
  disabled?: boolean;
};

/** 日本語 | English, each written in its own language, switching the whole admin at once. */
export function LanguageSwitch({ onChange, select, disabled }: Props) {
  const { t } = useTranslation();
  const { language, setLanguage } = useLocale();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={language}
      data={UI_LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))}
      disabled={disabled}
      onChange={(value) => {
        if (!isUiLanguage(value)) return;
        if (select) return select(value);
        setLanguage(value);
        onChange?.(value);
      }}
    />
  );
}

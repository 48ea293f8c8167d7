import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, isUiLanguage, type UiLanguage } from './i18n.js';
import { useLocale } from './locale.js';

type Props = {
  /** Called after the switch, e.g. to keep the choice with the signed-in account. */
  onChange?: (language: UiLanguage) => void;
};

/** 日本語 | English, each written in its own language, switching the whole admin at once. */
export function LanguageSwitch({ onChange }: Props) {
  const { t } = useTranslation();
  const { language, setLanguage } = useLocale();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={language}
      data={UI_LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))}
      onChange={(value) => {
        if (!isUiLanguage(value)) return;
        setLanguage(value);
        onChange?.(value);
      }}
    />
  );
}

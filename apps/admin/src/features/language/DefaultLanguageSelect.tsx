import { Select } from '@mantine/core';
import type { Language } from '@steward/schema';
import { useTranslation } from 'react-i18next';
import { toUiLanguage } from './language-codes.js';

type Props = {
  value: Language;
  onChange: (language: Language) => void;
  /** Owners only edit it. */
  readOnly: boolean;
};

/** The organisation's default language, in the organisation settings. */
export function DefaultLanguageSelect({ value, onChange, readOnly }: Props) {
  const { t } = useTranslation('language');
  const languages: Language[] = ['JA', 'EN'];
  return (
    <Select
      label={t('organisation.label')}
      description={t('organisation.description')}
      allowDeselect={false}
      readOnly={readOnly}
      value={value}
      data={languages.map((l) => ({ value: l, label: t(`common:language.${toUiLanguage(l)}`) }))}
      onChange={(next) => {
        if (next === 'JA' || next === 'EN') onChange(next);
      }}
    />
  );
}

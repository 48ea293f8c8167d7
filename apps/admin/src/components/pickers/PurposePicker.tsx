import { Select, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePurposes } from '../../features/vocabulary/use-purposes.js';
import { purposeTitle } from '../../features/vocabulary/localized-title.js';
import { useLocale } from '../../i18n/locale.js';
import { matchesAll } from './match.js';

export interface PurposePickerProps {
  /** The visible label, which is also the field's accessible name. */
  label: string;
  /** The chosen purpose's key (or an extra option's value), or null. */
  value: string | null;
  onChange: (purposeKey: string | null) => void;
  /** Retired purposes too (filters over past records name them). */
  includeRetired?: boolean;
  /** Choices after the purposes, e.g. "another purpose…" (their values must not be purpose keys). */
  extra?: readonly { value: string; label: string }[];
  /** What no choice means here ("Any"); it is also the placeholder. */
  noneLabel?: string;
  description?: string;
  error?: string | null;
  required?: boolean;
  size?: MantineSize;
  w?: number | string;
}

/**
 * Choose a purpose of use by its title in the language shown. The purposes are the policy's short
 * vocabulary, all sent in one answer, so typing filters them here: by the title in either language
 * or the key.
 */
export function PurposePicker({
  label,
  value,
  onChange,
  includeRetired = false,
  extra = [],
  noneLabel,
  description,
  error,
  required,
  size,
  w,
}: PurposePickerProps) {
  const { t } = useTranslation('pickers');
  const { language } = useLocale();
  const { purposes } = usePurposes(includeRetired);
  const searchable = new Map(purposes.map((p) => [p.key, `${p.titleEn} ${p.titleJa} ${p.key}`]));
  const data = [...purposes.map((p) => ({ value: p.key, label: purposeTitle(p, language) })), ...extra];
  if (value && !data.some((d) => d.value === value)) data.unshift({ value, label: value });
  return (
    <Select
      label={label}
      description={description}
      error={error ?? undefined}
      required={required}
      size={size}
      w={w}
      searchable
      clearable={!required}
      value={value}
      onChange={onChange}
      data={data}
      filter={({ options, search }) =>
        options.filter((o) => 'value' in o && matchesAll(searchable.get(o.value) ?? o.label, search))
      }
      placeholder={noneLabel ?? t('purpose.placeholder')}
      nothingFoundMessage={t('purpose.noMatch')}
    />
  );
}

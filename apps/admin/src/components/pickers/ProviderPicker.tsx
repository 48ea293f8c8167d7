import { Select, type MantineSize } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderProviderOption } from './ProviderOptionLabel.js';
import { useProviderOptions, type ProviderOption } from './use-provider-options.js';

export interface ProviderPickerProps {
  /** The visible label, which is also the field's accessible name. */
  label: string;
  /** The chosen provider's id, or null. */
  value: string | null;
  onChange: (providerId: string | null, option: ProviderOption | null) => void;
  description?: string;
  error?: string | null;
  required?: boolean;
  disabled?: boolean;
  size?: MantineSize;
  w?: number | string;
}

/**
 * Choose one provider by reference or name, searched on the server as one types (debounced). The
 * list shows the reference, and the name where the caller's role may read it (the API decides and
 * audits that read). Arrow keys move through the choices and Enter picks one.
 */
export function ProviderPicker({
  label,
  value,
  onChange,
  description,
  error,
  required,
  disabled,
  size,
  w,
}: ProviderPickerProps) {
  const { t } = useTranslation('pickers');
  const [search, setSearch] = useState('');
  const chosen = value ? [value] : [];
  const options = useProviderOptions(search, chosen);

  const labelOf = options.labelOf;
  const shown = [
    ...(value && !options.results.some((o) => o.id === value) ? chosen : []),
    ...options.results.map((o) => o.id),
  ];
  return (
    <Select
      label={label}
      description={description}
      error={error ?? undefined}
      required={required}
      disabled={disabled}
      size={size}
      w={w}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      value={value}
      onChange={(id) => onChange(id, id ? (options.option(id) ?? null) : null)}
      data={shown.map((id) => ({ value: id, label: labelOf(id) }))}
      // The server already filtered by the term (reference prefix, e-mail or name tokens).
      filter={({ options: all }) => all}
      renderOption={renderProviderOption(options.option)}
      placeholder={t('provider.placeholder')}
      nothingFoundMessage={options.nothingFound}
    />
  );
}

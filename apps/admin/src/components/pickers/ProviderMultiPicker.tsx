import { MultiSelect } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderProviderOption } from './ProviderOptionLabel.js';
import { useProviderOptions } from './use-provider-options.js';

export interface ProviderMultiPickerProps {
  /** The visible label, which is also the field's accessible name. */
  label: string;
  /** The chosen providers' ids, in the order chosen. */
  value: readonly string[];
  onChange: (providerIds: string[]) => void;
  description?: string;
  error?: string | null;
  required?: boolean;
  disabled?: boolean;
}

/**
 * Choose several providers by reference or name, searched on the server as one types (debounced);
 * each choice stays as a pill with its reference (and name where the role may read it). Arrow keys
 * and Enter pick, Backspace in the empty search removes the last pill.
 */
export function ProviderMultiPicker({
  label,
  value,
  onChange,
  description,
  error,
  required,
  disabled,
}: ProviderMultiPickerProps) {
  const { t } = useTranslation('pickers');
  const [search, setSearch] = useState('');
  const options = useProviderOptions(search, value);
  const labelOf = options.labelOf;
  const ids = [...value, ...options.results.map((o) => o.id).filter((id) => !value.includes(id))];
  return (
    <MultiSelect
      label={label}
      description={description}
      error={error ?? undefined}
      required={required}
      disabled={disabled}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      value={[...value]}
      onChange={onChange}
      data={ids.map((id) => ({ value: id, label: labelOf(id) }))}
      // The server already filtered by the term; the chosen ones stay listed (and checked) only while they match.
      filter={({ options: all }) => all.filter((o) => 'value' in o && options.results.some((r) => r.id === o.value))}
      renderOption={renderProviderOption(options.option)}
      placeholder={value.length === 0 ? t('provider.placeholder') : undefined}
      nothingFoundMessage={options.nothingFound}
    />
  );
}

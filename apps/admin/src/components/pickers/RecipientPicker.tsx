import { Select, type MantineSize } from '@mantine/core';
import { RecipientsDocument } from '@steward/schema';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { matchesAll } from './match.js';

export interface RecipientPickerProps {
  /** The visible label, which is also the field's accessible name. */
  label: string;
  value: string | null;
  onChange: (recipientId: string | null) => void;
  /** What no choice means here ("Any", "Internal use"); it is also the placeholder. */
  noneLabel?: string;
  description?: string;
  error?: string | null;
  required?: boolean;
  size?: MantineSize;
  w?: number | string;
}

/**
 * Choose a recipient by name. Recipients are the organisation's few outside partners, all sent in
 * one answer (no personal data, nothing audited), so typing filters them here, by every word typed.
 */
export function RecipientPicker({
  label,
  value,
  onChange,
  noneLabel,
  description,
  error,
  required,
  size,
  w,
}: RecipientPickerProps) {
  const { t } = useTranslation('pickers');
  const [result] = useQuery({ query: RecipientsDocument });
  const recipients = result.data?.recipients ?? [];
  const data = recipients.map((r) => ({ value: r.id, label: r.name }));
  // A chosen recipient not (yet) in the list keeps its id visible rather than an empty field.
  if (value && !recipients.some((r) => r.id === value)) data.unshift({ value, label: value });
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
      filter={({ options, search }) => options.filter((o) => 'label' in o && matchesAll(o.label, search))}
      placeholder={noneLabel ?? t('recipient.placeholder')}
      nothingFoundMessage={t('recipient.noMatch')}
    />
  );
}

import { NativeSelect } from '@mantine/core';

interface FilterSelectProps<T extends string> {
  label: string;
  /** The first option, meaning "no filter" (value ''). */
  anyLabel: string;
  value: T | null | undefined;
  options: readonly T[];
  labels: Readonly<Record<T, string>>;
  onChange: (value: string) => void;
  w?: number;
}

/** A list filter over one vocabulary: "any" first, then each value by its label. */
export function FilterSelect<T extends string>({
  label,
  anyLabel,
  value,
  options,
  labels,
  onChange,
  w,
}: FilterSelectProps<T>) {
  return (
    <NativeSelect
      label={label}
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[{ value: '', label: anyLabel }, ...options.map((o) => ({ value: o, label: labels[o] }))]}
      w={w}
    />
  );
}

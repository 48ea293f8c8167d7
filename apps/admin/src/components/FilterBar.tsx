import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FilterSelect } from './FilterSelect.js';

/** One list filter over a vocabulary, kept in the URL's search parameter of its key. */
export interface FilterDef<T extends string> {
  label: string;
  /** The first option, meaning "no filter". */
  anyLabel: string;
  options: readonly T[];
  labels: Readonly<Record<T, string>>;
  w?: number;
}

/** Infers a filter's vocabulary from its options. */
export const filterDef = <T extends string>(def: FilterDef<T>): FilterDef<T> => def;

type FilterDefs = Record<string, FilterDef<string>>;
export type FilterValues<D extends FilterDefs> = { [K in keyof D]: D[K] extends FilterDef<infer T> ? T | null : never };

/**
 * The values of `filters` read from the URL (an unknown value is no filter), and a setter that
 * writes one back, replacing the history entry; '' clears it.
 */
export function useUrlFilters<D extends FilterDefs>(filters: D) {
  const [params] = useSearchParams();
  const setFilter: (name: keyof D & string, value: string) => void = useSetSearchParam();
  const values = Object.fromEntries(
    Object.entries(filters).map(([name, def]) => {
      const v = params.get(name);
      return [name, v && (def.options as readonly string[]).includes(v) ? v : null];
    }),
  ) as FilterValues<D>;

  return { values, setFilter };
}

/** Sets one search parameter of the page's URL ('' deletes it), replacing the history entry. */
export function useSetSearchParam() {
  const [params, setParams] = useSearchParams();
  return (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
}

/** A list's filters in a row, in the order of `filters`, each a select with "any" first. */
export function FilterBar<D extends FilterDefs>({
  filters,
  values,
  onChange,
}: {
  filters: D;
  values: FilterValues<D>;
  onChange: (name: keyof D & string, value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group mb="md" gap="sm" role="group" aria-label={t('filters.label')}>
      {Object.entries(filters).map(([name, def]) => (
        <FilterSelect
          key={name}
          label={def.label}
          anyLabel={def.anyLabel}
          value={values[name]}
          options={def.options}
          labels={def.labels}
          onChange={(v) => onChange(name, v)}
          w={def.w}
        />
      ))}
    </Group>
  );
}

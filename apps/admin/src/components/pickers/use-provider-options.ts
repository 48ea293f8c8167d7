import { useDebouncedValue } from '@mantine/hooks';
import { ProviderOptionsDocument, type ProviderOptionsQuery } from '@steward/schema';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';

export type ProviderOption = ProviderOptionsQuery['providerOptions'][number];

/** How long typing must pause before the picker asks the server (each answer with names is an audited read). */
export const PICKER_DEBOUNCE_MS = 250;
/** How many choices one search shows. */
const SEARCH_LIMIT = 20;
/** The most ids the API labels in one answer (its `first` limit). */
const LABELS_PER_ASK = 50;

/** What a person reads for a provider: the reference, and the name where the API sent one. */
export function providerOptionLabel(option: ProviderOption): string {
  return option.displayName ? `${option.reference} · ${option.displayName}` : option.reference;
}

/**
 * Server-side search for the provider pickers: the term (debounced; nothing is asked while it is
 * empty, so merely opening a page reads no names), the providers it finds, and the reference and
 * name of each provider already chosen (asked once by id, then remembered with every option seen).
 */
export function useProviderOptions(search: string, chosen: readonly string[]) {
  const { t } = useTranslation('pickers');
  const [known, setKnown] = useState<ReadonlyMap<string, ProviderOption>>(new Map());
  // After a choice a single picker's input shows its label: that is not a new search.
  const typed = chosen.some((id) => {
    const o = known.get(id);
    return o !== undefined && providerOptionLabel(o) === search;
  })
    ? ''
    : search.trim();
  const [term] = useDebouncedValue(typed, PICKER_DEBOUNCE_MS);
  const [found] = useQuery({
    query: ProviderOptionsDocument,
    variables: { search: term, first: SEARCH_LIMIT },
    pause: term === '',
  });
  // At most LABELS_PER_ASK ids per question; the rest follow once these are known.
  const missing = chosen.filter((id) => !known.has(id)).slice(0, LABELS_PER_ASK);
  const [labels] = useQuery({
    query: ProviderOptionsDocument,
    variables: { ids: missing, first: LABELS_PER_ASK },
    pause: missing.length === 0,
  });

  // Remember every option an answer brought (adjusting state while rendering, as React advises
  // for state derived from a changed input), so a choice keeps its label when the search moves on.
  const [merged, setMerged] = useState<readonly unknown[]>([]);
  if (merged[0] !== found.data || merged[1] !== labels.data) {
    setMerged([found.data, labels.data]);
    const seen = [...(found.data?.providerOptions ?? []), ...(labels.data?.providerOptions ?? [])];
    if (seen.some((o) => known.get(o.id) !== o)) {
      const next = new Map(known);
      for (const o of seen) next.set(o.id, o);
      setKnown(next);
    }
  }

  const results = useMemo(() => (term === '' ? [] : (found.data?.providerOptions ?? [])), [term, found.data]);
  return {
    /** The search's answer (empty before anything is typed). */
    results,
    /** A chosen or seen provider by id (undefined until its label has arrived). */
    option: (id: string) => known.get(id),
    searching: term !== typed || found.fetching,
    term,
    error: found.error ?? labels.error,
    /** A provider's label by id (the id itself until its reference has arrived). */
    labelOf: (id: string) => {
      const o = known.get(id);
      return o ? providerOptionLabel(o) : id;
    },
    /** What the open list says when it shows no provider: what to type, searching, or no match. */
    nothingFound:
      term === ''
        ? t('provider.typeToSearch')
        : term !== typed || found.fetching
          ? t('searching')
          : t('provider.noMatch'),
  };
}

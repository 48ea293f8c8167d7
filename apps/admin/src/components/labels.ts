import { label, LABEL_VOCABULARIES, type LabelNamespace, type LabelValue } from '@steward/policy-core';
import type {
  AdminRole,
  CollectionChannel,
  ConsentAction,
  ConsentMethod,
  ConsentState,
  DataCategory,
  ProviderKind,
  Sensitivity,
} from '@steward/schema';
import { currentLanguage } from '../i18n/current.js';

// Every enum label the admin shows comes from policy-core's catalogue (the i18next namespace `core`
// holds the same messages), in the language on screen. A `*_LABEL` map is a frozen object of getters,
// one per vocabulary value: `PROVIDER_KIND_LABEL.SERVICE_USER` reads the label in the current
// language each time it is read (i18n/current.ts; LocaleProvider re-renders everything on a switch),
// so its call sites stay plain property reads. The values come from policy-core's vocabulary; the
// annotations name the generated schema types, so an enum value the catalogue lacks fails `tsc`.

/** A vocabulary's labels in the language on screen: `vocabularyLabels('dataCategory').NAME` is '氏名' in Japanese. */
export function vocabularyLabels<N extends LabelNamespace>(namespace: N): Readonly<Record<LabelValue<N>, string>> {
  const labels = {} as Record<LabelValue<N>, string>;
  for (const value of LABEL_VOCABULARIES[namespace] as readonly LabelValue<N>[]) {
    Object.defineProperty(labels, value, { enumerable: true, get: () => label(currentLanguage(), namespace, value) });
  }
  return Object.freeze(labels);
}

export const PROVIDER_KIND_LABEL: Readonly<Record<ProviderKind, string>> = vocabularyLabels('providerKind');
export const CHANNEL_LABEL: Readonly<Record<CollectionChannel, string>> = vocabularyLabels('channel');
export const CONSENT_METHOD_LABEL: Readonly<Record<ConsentMethod, string>> = vocabularyLabels('consentMethod');
export const CONSENT_STATE_LABEL: Readonly<Record<ConsentState, string>> = vocabularyLabels('consentState');
export const CONSENT_ACTION_LABEL: Readonly<Record<ConsentAction, string>> = vocabularyLabels('consentAction');
export const ROLE_LABEL: Readonly<Record<AdminRole, string>> = vocabularyLabels('role');
export const SENSITIVITY_LABEL: Readonly<Record<Sensitivity, string>> = vocabularyLabels('sensitivity');
export const DATA_CATEGORY_LABEL: Readonly<Record<DataCategory, string>> = vocabularyLabels('dataCategory');

/**
 * `[{ value, label }]` for a select, in the order of the vocabulary array. `label` is a getter, so
 * options built once (at module level) still read the language on screen.
 */
export function optionsOf<T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
): { value: T; readonly label: string }[] {
  return values.map((value) => ({
    value,
    get label() {
      return labels[value];
    },
  }));
}

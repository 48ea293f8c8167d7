import {
  categoriesNeeded,
  COLLECTION_CHANNELS,
  CONSENT_METHODS,
  DATA_CATEGORY_INFO,
  PROVIDER_KINDS,
  validateCollection,
  type CollectionDraft,
  type PurposeFact,
} from '@steward/policy-core';
import type {
  CollectionChannel,
  ConsentMethod,
  DataCategory,
  PolicyLanguage,
  ProviderKind,
  RecordCollectionInput,
} from '@steward/schema';
import type { TFunction } from 'i18next';
import type { FieldErrors } from '../../components/errors.js';

/**
 * The "Record collection" form as plain data, and everything done with it that is not rendering:
 * which categories may be collected, client-side checks (policy-core's validateCollection plus
 * "choose a value" checks), the mutation input, and mapping the API's issue paths onto fields.
 *
 * Error keys are the API's paths without `input.` (`items[1].value`, `policyVersionShown`), except
 * for purposes, which the form shows by key: `purpose:<key>`; and the new provider's fields,
 * `providerKind` and `reference`.
 */

export type ItemRow = {
  /** Local, stable React key. */
  id: string;
  category: DataCategory | '';
  value: string;
  publiclyAvailable: boolean;
  publicProvenance: string;
};

export type PurposeChoice = { selected: boolean; granted: boolean | null };

export type CollectionFormValues = {
  providerKind: ProviderKind | '';
  reference: string;
  /** The language to write to the provider in; '' leaves it to the API (the default, or theirs). */
  language: PolicyLanguage | '';
  channel: CollectionChannel | '';
  consentMethod: ConsentMethod | '';
  purposes: Readonly<Record<string, PurposeChoice>>;
  items: readonly ItemRow[];
  source: string;
  note: string;
};

/** Who the collection is for: a new provider, or an existing one at a known version. */
export type CollectionTarget =
  { type: 'new' } | { type: 'existing'; providerId: string; providerKind: ProviderKind; providerVersion: number };

export type CollectionContext = {
  target: CollectionTarget;
  /** Active purposes, in the order the form lists them. */
  purposes: readonly PurposeFact[];
  policyVersionShown: number;
  currentPolicyVersion: number;
};

export function emptyItemRow(id: string, category: DataCategory | '' = ''): ItemRow {
  return { id, category, value: '', publiclyAvailable: false, publicProvenance: '' };
}

export function initialCollectionForm(firstItemId = 'item-1'): CollectionFormValues {
  return {
    providerKind: '',
    reference: '',
    language: '',
    channel: '',
    consentMethod: '',
    purposes: {},
    items: [emptyItemRow(firstItemId)],
    source: '',
    note: '',
  };
}

/** Purposes ticked as specified to the provider, in list order, with the answer (null: not yet). */
export function chosenPurposes(
  values: CollectionFormValues,
  purposes: readonly PurposeFact[],
): { purposeKey: string; granted: boolean | null }[] {
  return purposes
    .filter((p) => values.purposes[p.key]?.selected)
    .map((p) => ({ purposeKey: p.key, granted: values.purposes[p.key]?.granted ?? null }));
}

/**
 * Categories the form offers: those needed by the ticked purposes the provider did not refuse
 * (data minimisation — nothing is collected that no agreed purpose needs).
 */
export function offeredCategories(values: CollectionFormValues, purposes: readonly PurposeFact[]): DataCategory[] {
  const agreed = chosenPurposes(values, purposes)
    .filter((c) => c.granted !== false)
    .map((c) => c.purposeKey);
  return categoriesNeeded(purposes.filter((p) => agreed.includes(p.key)));
}

/** Whether an item's value is entered in a multi-line field (postal address). */
export function isMultilineCategory(category: DataCategory | ''): boolean {
  return category !== '' && DATA_CATEGORY_INFO[category].multiline;
}

function trimmedOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function itemValue(row: ItemRow): string {
  return isMultilineCategory(row.category) ? row.value.replace(/^\s+|\s+$/g, '') : row.value.trim();
}

/** The RecordCollection input; `purposeKeys[i]` is the key of `input.purposes[i]`. */
export function buildCollectionInput(
  values: CollectionFormValues,
  ctx: CollectionContext,
): { input: RecordCollectionInput; purposeKeys: string[] } {
  const chosen = chosenPurposes(values, ctx.purposes);
  const provider: Pick<RecordCollectionInput, 'newProvider' | 'providerId' | 'expectedProviderVersion'> =
    ctx.target.type === 'existing'
      ? { providerId: ctx.target.providerId, expectedProviderVersion: ctx.target.providerVersion }
      : {
          newProvider: {
            kind: (values.providerKind || PROVIDER_KINDS[0]) as ProviderKind,
            reference: trimmedOrNull(values.reference),
          },
        };
  const input: RecordCollectionInput = {
    ...provider,
    channel: (values.channel || COLLECTION_CHANNELS[0]) as CollectionChannel,
    consentMethod: (values.consentMethod || CONSENT_METHODS[0]) as ConsentMethod,
    policyVersionShown: ctx.policyVersionShown,
    language: values.language || null,
    purposes: chosen.map((c) => ({ purposeKey: c.purposeKey, granted: c.granted === true })),
    items: values.items.map((row) => ({
      category: row.category as DataCategory,
      value: itemValue(row),
      publiclyAvailable: row.publiclyAvailable,
      publicProvenance: row.publiclyAvailable ? trimmedOrNull(row.publicProvenance) : null,
    })),
    source: trimmedOrNull(values.source),
    note: trimmedOrNull(values.note),
  };
  return { input, purposeKeys: chosen.map((c) => c.purposeKey) };
}

/**
 * Maps error paths of the input onto the form's keys: `purposes[i]…` → `purpose:<key>`,
 * `newProvider.kind` → `providerKind`, `newProvider.reference` → `reference`. Messages for the same
 * key are joined. Unknown paths are kept as they are (the form shows them above itself).
 */
export function toFormErrors(errors: FieldErrors, purposeKeys: readonly string[]): FieldErrors {
  const out: FieldErrors = {};
  const add = (key: string, message: string) => {
    const existing = out[key];
    if (existing === undefined) out[key] = message;
    else if (!existing.split('; ').includes(message)) out[key] = `${existing}; ${message}`;
  };
  for (const [path, message] of Object.entries(errors)) {
    const purpose = /^purposes\[(\d+)\](?:\..*)?$/.exec(path);
    if (purpose) {
      const key = purposeKeys[Number(purpose[1])];
      add(key === undefined ? 'purposes' : `purpose:${key}`, message);
    } else if (path === 'newProvider.kind' || path === 'newProvider' || path === 'providerKind') {
      add('providerKind', message);
    } else if (path === 'newProvider.reference') {
      add('reference', message);
    } else {
      add(path, message);
    }
  }
  return out;
}

/** Whether the form renders a field for this key (others are shown above the form). */
export function isCollectionFormField(key: string): boolean {
  return (
    /^(providerKind|reference|language|channel|consentMethod|policyVersionShown|purposes|items|source|note)$/.test(
      key,
    ) ||
    key.startsWith('purpose:') ||
    /^items\[\d+\]\.(category|value|publiclyAvailable|publicProvenance)$/.test(key)
  );
}

/**
 * Everything the admin can fix before sending: unchosen selects and answers first (worded by `t`, the
 * `collection` namespace), then policy-core's validateCollection on the same draft the API will validate.
 */
export function validateCollectionForm(
  values: CollectionFormValues,
  ctx: CollectionContext,
  t: TFunction,
): FieldErrors {
  const errors: FieldErrors = {};
  const add = (key: string, message: string) => {
    if (errors[key] === undefined) errors[key] = message;
  };
  if (ctx.target.type === 'new' && !values.providerKind) add('providerKind', t('collection:errors.providerKind'));
  if (!values.channel) add('channel', t('collection:errors.channel'));
  if (!values.consentMethod) add('consentMethod', t('collection:errors.consentMethod'));
  const chosen = chosenPurposes(values, ctx.purposes);
  for (const c of chosen) {
    if (c.granted === null) add(`purpose:${c.purposeKey}`, t('collection:errors.answer'));
  }
  values.items.forEach((row, i) => {
    if (!row.category) add(`items[${i}].category`, t('collection:errors.category'));
  });

  const draft: CollectionDraft = {
    providerKind:
      ctx.target.type === 'existing'
        ? ctx.target.providerKind
        : ((values.providerKind || PROVIDER_KINDS[0]) as ProviderKind),
    channel: (values.channel || COLLECTION_CHANNELS[0]) as CollectionChannel,
    consentMethod: (values.consentMethod || CONSENT_METHODS[0]) as ConsentMethod,
    policyVersionShown: ctx.policyVersionShown,
    currentPolicyVersion: ctx.currentPolicyVersion,
    // An unanswered purpose is already reported above; validate the rest as if it were granted.
    purposes: chosen.map((c) => ({ purposeKey: c.purposeKey, granted: c.granted !== false })),
    items: values.items.map((row) => ({
      category: row.category as DataCategory,
      value: itemValue(row),
      publiclyAvailable: row.publiclyAvailable,
      publicProvenance: row.publiclyAvailable ? row.publicProvenance : null,
    })),
    source: trimmedOrNull(values.source),
    note: trimmedOrNull(values.note),
    reference: ctx.target.type === 'new' ? trimmedOrNull(values.reference) : null,
  };
  const validation = validateCollection(draft, ctx.purposes);
  if (!validation.ok) {
    const byPath: FieldErrors = {};
    for (const issue of validation.issues) {
      if (byPath[issue.field] === undefined) byPath[issue.field] = issue.message;
    }
    for (const [key, message] of Object.entries(
      toFormErrors(
        byPath,
        chosen.map((c) => c.purposeKey),
      ),
    ))
      add(key, message);
  }
  return errors;
}

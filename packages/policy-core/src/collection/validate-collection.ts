import { validateDataItemValue, validateText, FIELD_LIMITS } from '../fields/field-formats.js';
import { issue, toValidation, type Issue, type Validation } from '../issues.js';
import { purposeNeeds, type PurposeFact } from '../use/may-use-for-purpose.js';
import { isCollectionChannel, type CollectionChannel } from '../vocabulary/channels.js';
import { isConsentMethod, type ConsentMethod } from '../vocabulary/consent.js';
import { DATA_CATEGORY_INFO, isDataCategory, type DataCategory } from '../vocabulary/data-categories.js';
import { isProviderKind, type ProviderKind } from '../vocabulary/provider-kinds.js';

export type CollectionPurposeDraft = { purposeKey: string; granted: boolean };
export type CollectionItemDraft = {
  category: DataCategory;
  value: string;
  publiclyAvailable?: boolean;
  publicProvenance?: string | null;
};

/** One act of collecting (policy clause 1): what was asked, what the provider agreed to, what was given. */
export type CollectionDraft = {
  providerKind: ProviderKind;
  channel: CollectionChannel;
  consentMethod: ConsentMethod;
  policyVersionShown: number;
  currentPolicyVersion: number;
  purposes: readonly CollectionPurposeDraft[];
  items: readonly CollectionItemDraft[];
  source?: string | null;
  note?: string | null;
  reference?: string | null;
};

function checkKinds(draft: CollectionDraft, out: Issue[]): void {
  // The types already say this; the checks guard callers that pass raw JSON.
  if (!isProviderKind(draft.providerKind)) out.push(issue('providerKind', 'INVALID_VALUE', 'Unknown provider kind.'));
  if (!isCollectionChannel(draft.channel)) out.push(issue('channel', 'INVALID_VALUE', 'Unknown collection channel.'));
  if (!isConsentMethod(draft.consentMethod))
    out.push(issue('consentMethod', 'INVALID_VALUE', 'Unknown consent method.'));
  // Policy clause 7: the current policy governs all collected information, so consent must be to it.
  if (draft.policyVersionShown !== draft.currentPolicyVersion) {
    out.push(
      issue(
        'policyVersionShown',
        'POLICY_VERSION_NOT_CURRENT',
        `The provider was shown policy version ${draft.policyVersionShown}; the current version is ${draft.currentPolicyVersion}.`,
      ),
    );
  }
}

/** Checks purposes; returns the usable ones (known, active, first occurrence) with the answer given. */
function checkPurposes(
  draft: CollectionDraft,
  known: ReadonlyMap<string, PurposeFact>,
  out: Issue[],
): { purpose: PurposeFact; granted: boolean }[] {
  if (draft.purposes.length === 0) {
    out.push(issue('purposes', 'NO_PURPOSE', 'Specify at least one purpose of use (policy clause 1).'));
    return [];
  }
  const seen = new Set<string>();
  const usable: { purpose: PurposeFact; granted: boolean }[] = [];
  draft.purposes.forEach(({ purposeKey, granted }, i) => {
    const field = `purposes[${i}].purposeKey`;
    const purpose = known.get(purposeKey);
    if (seen.has(purposeKey)) {
      out.push(issue(field, 'DUPLICATE', `Purpose "${purposeKey}" is listed more than once.`));
      return;
    }
    seen.add(purposeKey);
    if (!purpose) out.push(issue(field, 'UNKNOWN_PURPOSE', `There is no purpose "${purposeKey}".`));
    else if (purpose.retired) out.push(issue(field, 'RETIRED_PURPOSE', `Purpose "${purposeKey}" is retired.`));
    else usable.push({ purpose, granted });
  });
  // Policy clause 1: collection needs consent to at least one valid purpose (repeats do not count).
  if (usable.every((u) => !u.granted)) {
    out.push(issue('purposes', 'CONSENT_MISSING', 'The provider consented to none of the known, active purposes.'));
  }
  return usable;
}

function checkItems(draft: CollectionDraft, usable: { purpose: PurposeFact; granted: boolean }[], out: Issue[]): void {
  if (draft.items.length === 0) {
    out.push(issue('items', 'NO_ITEMS', 'A collection has at least one item of information.'));
    return;
  }
  draft.items.forEach((item, i) => {
    const at = `items[${i}]`;
    if (!isDataCategory(item.category)) {
      out.push(issue(`${at}.category`, 'INVALID_VALUE', 'Unknown data category.'));
      return;
    }
    const valueIssue = validateDataItemValue(item.category, item.value, `${at}.value`);
    if (valueIssue) out.push(valueIssue);
    const needing = usable.filter((u) => purposeNeeds(u.purpose, item.category));
    const label = DATA_CATEGORY_INFO[item.category].label.en;
    if (needing.length === 0) {
      out.push(issue(`${at}.category`, 'CATEGORY_NOT_NEEDED', `No specified purpose needs ${label}.`));
    } else if (needing.every((u) => !u.granted)) {
      out.push(
        issue(
          `${at}.category`,
          'CATEGORY_ONLY_FOR_REFUSED_PURPOSE',
          `${label} is needed only by purposes the provider refused.`,
        ),
      );
    }
    const provenanceField = `${at}.publicProvenance`;
    const provenance = item.publicProvenance;
    if (item.publiclyAvailable === true && (provenance == null || provenance.trim() === '')) {
      out.push(issue(provenanceField, 'PROVENANCE_REQUIRED', 'Say where the provider made this public.'));
    } else {
      const provenanceIssue = validateText(provenance, {
        field: provenanceField,
        maxLength: FIELD_LIMITS.provenance,
        required: false,
        multiline: true,
      });
      if (provenanceIssue) out.push(provenanceIssue);
    }
  });
}

function checkTexts(draft: CollectionDraft, out: Issue[]): void {
  const texts = [
    ['source', draft.source, FIELD_LIMITS.source, false],
    ['note', draft.note, FIELD_LIMITS.note, true],
    ['reference', draft.reference, FIELD_LIMITS.reference, false],
  ] as const;
  for (const [field, value, maxLength, multiline] of texts) {
    const textIssue = validateText(value, { field, maxLength, multiline, required: false });
    if (textIssue) out.push(textIssue);
  }
}

/**
 * Validates one act of collection against the known purposes and reports every issue at once, in
 * a stable order: kinds and policy version, purposes (in order), items (in order; per item value,
 * category, provenance), then source, note, reference.
 */
export function validateCollection(draft: CollectionDraft, knownPurposes: readonly PurposeFact[]): Validation {
  const known = new Map(knownPurposes.map((p) => [p.key, p] as const));
  const issues: Issue[] = [];
  checkKinds(draft, issues);
  const usable = checkPurposes(draft, known, issues);
  checkItems(draft, usable, issues);
  checkTexts(draft, issues);
  return toValidation(issues);
}

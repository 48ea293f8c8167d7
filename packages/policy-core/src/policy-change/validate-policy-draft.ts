import { validateText } from '../fields/field-formats.js';
import { issue, toValidation, type Issue, type Validation } from '../issues.js';
import { PURPOSE_KEY_MAX_LENGTH, validatePurposeKey } from '../use/purpose-key.js';
import { DATA_CATEGORIES, type DataCategory } from '../vocabulary/data-categories.js';
import { isPolicyClause, POLICY_CLAUSES, type PolicyClause } from '../vocabulary/policy-clauses.js';

/** Length limits (code points) of a policy version's parts. */
export const POLICY_LIMITS = {
  sectionTitle: 200,
  sectionBody: 20_000,
  changeSummary: 2000,
  purposeKey: PURPOSE_KEY_MAX_LENGTH,
  purposeTitle: 200,
  purposeDescription: 2000,
  purposes: 100,
} as const;

export type PolicySectionDraft = {
  clause: string;
  titleEn: string;
  titleJa: string;
  bodyEn: string;
  bodyJa: string;
};

export type PolicyPurposeDraft = {
  key: string;
  titleEn: string;
  titleJa: string;
  /** English. */
  description: string;
  /** Japanese; may be empty (a Japanese reader then sees the English one). */
  descriptionJa?: string;
  categories: readonly string[];
  retired: boolean;
};

export type PolicyDraft = {
  /** What changed, in each language: both are required. */
  changeSummaryJa: string;
  changeSummaryEn: string;
  sections: readonly PolicySectionDraft[];
  purposes: readonly PolicyPurposeDraft[];
};

/**
 * Checks a new policy version before it is saved or published (clause 7). Every clause appears
 * exactly once with a title and a body in Japanese and English; the change summary says what
 * changed, in Japanese and English; purposes have unique keys, a title in both languages and at least one data category.
 * Purposes of the current version may not disappear from the list: retire them instead, so
 * consents given to them stay explainable. All issues at once, in input order.
 */
export function validatePolicyDraft(draft: PolicyDraft, currentPurposeKeys: readonly string[]): Validation {
  const issues: Issue[] = [];
  const push = (i: Issue | null) => {
    if (i) issues.push(i);
  };
  for (const field of ['changeSummaryJa', 'changeSummaryEn'] as const) {
    push(validateText(draft[field], { field, maxLength: POLICY_LIMITS.changeSummary, multiline: true }));
  }

  const seenClauses = new Set<PolicyClause>();
  draft.sections.forEach((s, i) => {
    const at = `sections[${i}]`;
    if (!isPolicyClause(s.clause)) {
      issues.push(issue(`${at}.clause`, 'INVALID_VALUE', `Unknown clause "${s.clause}".`));
    } else if (seenClauses.has(s.clause)) {
      issues.push(issue(`${at}.clause`, 'DUPLICATE', `Clause ${s.clause} appears twice.`));
    } else {
      seenClauses.add(s.clause);
    }
    push(validateText(s.titleJa, { field: `${at}.titleJa`, maxLength: POLICY_LIMITS.sectionTitle }));
    push(validateText(s.titleEn, { field: `${at}.titleEn`, maxLength: POLICY_LIMITS.sectionTitle }));
    push(validateText(s.bodyJa, { field: `${at}.bodyJa`, maxLength: POLICY_LIMITS.sectionBody, multiline: true }));
    push(validateText(s.bodyEn, { field: `${at}.bodyEn`, maxLength: POLICY_LIMITS.sectionBody, multiline: true }));
  });
  const missing = POLICY_CLAUSES.filter((c) => !seenClauses.has(c));
  if (missing.length > 0)
    issues.push(issue('sections', 'REQUIRED', `Every clause needs a section; missing: ${missing.join(', ')}.`));

  if (draft.purposes.length > POLICY_LIMITS.purposes) {
    issues.push(
      issue('purposes', 'TOO_LONG', `At most ${POLICY_LIMITS.purposes} purposes.`, { max: POLICY_LIMITS.purposes }),
    );
  }
  const seenKeys = new Set<string>();
  draft.purposes.forEach((p, i) => {
    const at = `purposes[${i}]`;
    const keyIssue = validatePurposeKey(p.key, `${at}.key`);
    if (keyIssue) issues.push(keyIssue);
    else if (seenKeys.has(p.key)) issues.push(issue(`${at}.key`, 'DUPLICATE', `Purpose ${p.key} appears twice.`));
    seenKeys.add(p.key);
    push(validateText(p.titleJa, { field: `${at}.titleJa`, maxLength: POLICY_LIMITS.purposeTitle }));
    push(validateText(p.titleEn, { field: `${at}.titleEn`, maxLength: POLICY_LIMITS.purposeTitle }));
    push(
      validateText(p.description, {
        field: `${at}.description`,
        maxLength: POLICY_LIMITS.purposeDescription,
        multiline: true,
      }),
    );
    push(
      validateText(p.descriptionJa, {
        field: `${at}.descriptionJa`,
        maxLength: POLICY_LIMITS.purposeDescription,
        multiline: true,
        required: false,
      }),
    );
    const known = new Set<string>(DATA_CATEGORIES);
    const unknown = p.categories.find((c) => !known.has(c));
    if (unknown !== undefined)
      issues.push(issue(`${at}.categories`, 'UNKNOWN_CATEGORY', `Unknown data category "${unknown}".`));
    else if (new Set(p.categories).size !== p.categories.length)
      issues.push(issue(`${at}.categories`, 'DUPLICATE', 'A category is listed twice.'));
    else if (p.categories.length === 0 && !p.retired)
      issues.push(issue(`${at}.categories`, 'REQUIRED', 'A purpose in use needs at least one data category.'));
  });
  for (const key of currentPurposeKeys) {
    if (!seenKeys.has(key))
      issues.push(issue('purposes', 'REQUIRED', `Purpose ${key} is missing: retire it instead of removing it.`));
  }
  return toValidation(issues);
}

/** The categories of a purpose in vocabulary order (how drafts store them). */
export function orderCategories(categories: readonly string[]): DataCategory[] {
  return DATA_CATEGORIES.filter((c) => categories.includes(c));
}

/** Where publishing a draft may go wrong before anything is written: a typed confirmation and a real change. */
export function validatePublication(input: {
  draftNumber: number;
  currentNumber: number;
  confirmNumber: number;
  sectionsChanged: boolean;
  purposesChanged: boolean;
}): Validation {
  const issues: Issue[] = [];
  if (input.confirmNumber !== input.draftNumber) {
    issues.push(
      issue(
        'confirmNumber',
        'INVALID_VALUE',
        `Type the new version number (${input.draftNumber}) to confirm publication.`,
      ),
    );
  }
  if (input.draftNumber !== input.currentNumber + 1) {
    issues.push(
      issue(
        'id',
        'INVALID_TRANSITION',
        `Version ${input.draftNumber} does not follow the version in force (${input.currentNumber}).`,
      ),
    );
  }
  if (!input.sectionsChanged && !input.purposesChanged) {
    issues.push(issue('sections', 'NO_CHANGE', 'The draft is identical to the version in force.'));
  }
  return toValidation(issues);
}

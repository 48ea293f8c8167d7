import { normalizeLineBreaks, validateField, validateText } from '../fields/field-formats.js';
import { toValidation, type Issue, type Validation } from '../issues.js';

/** The organisation and the secretariat that answers inquiries (clause 8), as published with the policy. */
export type SecretariatDraft = {
  name: string;
  nameJa: string;
  secretariatName: string;
  postalAddress: string;
  telephone: string;
  fax: string;
  email: string;
  /** Japanese and English beside `secretariatName` / `postalAddress` (English): optional, empty = falls back. */
  secretariatNameJa?: string;
  postalAddressJa?: string;
  officeHoursEn?: string;
  officeHoursJa?: string;
};

/** The parts that may be left empty (a reader of that language then sees the other one). */
const OPTIONAL_PARTS = ['secretariatNameJa', 'postalAddressJa', 'officeHoursEn', 'officeHoursJa'] as const;

export const SECRETARIAT_LIMITS = {
  name: 200,
  postalAddress: 500,
  officeHours: 500,
  telephone: 32,
  email: 254,
} as const;

/** Trims every part and normalises line breaks in the postal addresses and office hours; absent optional parts stay absent. */
export function normalizeSecretariat(d: SecretariatDraft): SecretariatDraft {
  const optional: Partial<Record<(typeof OPTIONAL_PARTS)[number], string>> = {};
  for (const k of OPTIONAL_PARTS) {
    const v = d[k];
    if (v != null) optional[k] = k === 'secretariatNameJa' ? v.trim() : normalizeLineBreaks(v).trim();
  }
  return {
    ...optional,
    name: d.name.trim(),
    nameJa: d.nameJa.trim(),
    secretariatName: d.secretariatName.trim(),
    postalAddress: normalizeLineBreaks(d.postalAddress).trim(),
    telephone: d.telephone.trim(),
    fax: d.fax.trim(),
    email: d.email.trim(),
  };
}

/**
 * Checks the secretariat's contact details, normalised first: every part is required (clause 8
 * promises post, telephone, fax and e-mail), telephone and fax as telephone numbers, a valid
 * e-mail address; the postal address may span lines. The Japanese name and address and the office
 * hours (both languages, several lines) may be empty — a reader of that language sees the other
 * one — but are checked like the rest when given. All issues at once.
 */
export function validateSecretariat(draft: SecretariatDraft): Validation {
  const d = normalizeSecretariat(draft);
  const issues = [
    validateText(d.name, { field: 'name', maxLength: SECRETARIAT_LIMITS.name }),
    validateText(d.nameJa, { field: 'nameJa', maxLength: SECRETARIAT_LIMITS.name }),
    validateText(d.secretariatName, { field: 'secretariatName', maxLength: SECRETARIAT_LIMITS.name }),
    validateText(d.postalAddress, {
      field: 'postalAddress',
      maxLength: SECRETARIAT_LIMITS.postalAddress,
      multiline: true,
    }),
    d.secretariatNameJa == null
      ? null
      : validateText(d.secretariatNameJa, {
          field: 'secretariatNameJa',
          maxLength: SECRETARIAT_LIMITS.name,
          required: false,
        }),
    d.postalAddressJa == null
      ? null
      : validateText(d.postalAddressJa, {
          field: 'postalAddressJa',
          maxLength: SECRETARIAT_LIMITS.postalAddress,
          multiline: true,
          required: false,
        }),
    ...(['officeHoursJa', 'officeHoursEn'] as const).map((field) =>
      d[field] == null
        ? null
        : validateText(d[field], {
            field,
            maxLength: SECRETARIAT_LIMITS.officeHours,
            multiline: true,
            required: false,
          }),
    ),
    validateField('TELEPHONE', d.telephone, { field: 'telephone', maxLength: SECRETARIAT_LIMITS.telephone }),
    validateField('TELEPHONE', d.fax, { field: 'fax', maxLength: SECRETARIAT_LIMITS.telephone }),
    validateField('EMAIL', d.email, { field: 'email', maxLength: SECRETARIAT_LIMITS.email }),
  ].filter((i): i is Issue => i !== null);
  return toValidation(issues);
}

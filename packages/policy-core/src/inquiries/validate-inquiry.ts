import { normalizeLineBreaks, validateField, validateText } from '../fields/field-formats.js';
import { issue, toValidation, type Issue, type Validation } from '../issues.js';
import { INQUIRY_LIMITS } from './inquiry-vocabulary.js';

/** What an inquirer gives (web form) or staff write down (post, telephone, fax, e-mail). */
export type InquiryDraft = {
  name?: string | null;
  email?: string | null;
  postalAddress?: string | null;
  telephone?: string | null;
  subject: string;
  message: string;
};

/** Trims single-line parts, normalises line breaks in the multi-line ones; empty becomes null. */
export function normalizeInquiry(draft: InquiryDraft): InquiryDraft {
  const line = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());
  const text = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : normalizeLineBreaks(v).trim());
  return {
    name: line(draft.name),
    email: line(draft.email),
    postalAddress: text(draft.postalAddress),
    telephone: line(draft.telephone),
    subject: line(draft.subject) ?? '',
    message: text(draft.message) ?? '',
  };
}

/**
 * Checks an inquiry (clause 8), normalised first: a subject and a message, bounded lengths, no
 * control or text-direction characters, and a way to answer. The web form needs an e-mail or a
 * postal address (`requireContact`); staff entries may come from a telephone caller who left a
 * number only, or from someone who wants no reply. All issues at once.
 */
export function validateInquiry(draft: InquiryDraft, opts: { requireContact: boolean }): Validation {
  const d = normalizeInquiry(draft);
  const issues: Issue[] = [];
  const push = (i: Issue | null) => {
    if (i) issues.push(i);
  };
  push(validateText(d.name, { field: 'name', maxLength: INQUIRY_LIMITS.name, required: false }));
  if (d.email != null) push(validateField('EMAIL', d.email, { field: 'email', maxLength: INQUIRY_LIMITS.email }));
  push(
    validateText(d.postalAddress, {
      field: 'postalAddress',
      maxLength: INQUIRY_LIMITS.postalAddress,
      required: false,
      multiline: true,
    }),
  );
  if (d.telephone != null)
    push(validateField('TELEPHONE', d.telephone, { field: 'telephone', maxLength: INQUIRY_LIMITS.telephone }));
  push(validateText(d.subject, { field: 'subject', maxLength: INQUIRY_LIMITS.subject }));
  push(validateText(d.message, { field: 'message', maxLength: INQUIRY_LIMITS.message, multiline: true }));
  if (opts.requireContact && d.email == null && d.postalAddress == null) {
    issues.push(
      issue('email', 'REQUIRED', 'Give an e-mail address or a postal address so the secretariat can answer.'),
    );
  }
  return toValidation(issues);
}

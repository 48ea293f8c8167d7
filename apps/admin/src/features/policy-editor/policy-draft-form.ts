import { POLICY_CLAUSE_INFO, validatePolicyDraft, type Issue } from '@steward/policy-core';
import type { PolicyVersionFullFragment, UpdatePolicyDraftInput } from '@steward/schema';
import type { TFunction } from 'i18next';
import { fieldErrorsFromGraphQLError, type ErrorLike } from '../../components/errors.js';
import type { UiLanguage } from '../../i18n/i18n.js';

export type DraftForm = Omit<UpdatePolicyDraftInput, 'id' | 'expectedVersion'>;

/** The draft as the editor holds it (sections in clause order). */
export function toDraftForm(draft: PolicyVersionFullFragment): DraftForm {
  return {
    changeSummaryJa: draft.changeSummaryJa,
    changeSummaryEn: draft.changeSummaryEn,
    sections: [...draft.sections]
      .sort((a, b) => a.number - b.number)
      .map((s) => ({ clause: s.clause, titleJa: s.titleJa, titleEn: s.titleEn, bodyJa: s.bodyJa, bodyEn: s.bodyEn })),
    purposes: (draft.purposes ?? []).map((p) => ({
      key: p.key,
      titleJa: p.titleJa,
      titleEn: p.titleEn,
      description: p.description,
      descriptionJa: p.descriptionJa,
      categories: [...p.categories],
      retired: p.retired,
    })),
  };
}

/** policy-core's own check, run in the browser before saving: the same issues the API would report. */
export function draftIssues(form: DraftForm, currentPurposeKeys: readonly string[]): Issue[] {
  const normalized = {
    ...form,
    changeSummaryJa: form.changeSummaryJa.replace(/\r\n?/g, '\n').trim(),
    changeSummaryEn: form.changeSummaryEn.replace(/\r\n?/g, '\n').trim(),
    sections: form.sections.map((s) => ({
      ...s,
      bodyJa: s.bodyJa.replace(/\r\n?/g, '\n').trim(),
      bodyEn: s.bodyEn.replace(/\r\n?/g, '\n').trim(),
    })),
    purposes: form.purposes.map((p) => ({ ...p, descriptionJa: p.descriptionJa ?? '', retired: p.retired ?? false })),
  };
  const v = validatePolicyDraft(normalized, currentPurposeKeys);
  return v.ok ? [] : v.issues;
}

/** "(7) Changes to this policy" in the language shown (the clause's title from policy-core's catalogue). */
export function clauseHeading(t: TFunction, clause: keyof typeof POLICY_CLAUSE_INFO, language: UiLanguage): string {
  const info = POLICY_CLAUSE_INFO[clause];
  return t('policy-editor:clauseHeading', { number: info.number, title: info.title[language] });
}

/** Whether the form differs from what was saved (unsaved edits warn before publishing). */
export function isDirty(form: DraftForm, saved: PolicyVersionFullFragment): boolean {
  return JSON.stringify(form) !== JSON.stringify(toDraftForm(saved));
}

/** A failed save, discard or publish as lines to show: general messages, then `field: message`. */
export function messagesOf(error: ErrorLike | undefined): string[] {
  if (!error) return [];
  const summary = fieldErrorsFromGraphQLError(error);
  return [...summary.messages, ...Object.entries(summary.fieldErrors).map(([f, m]) => `${f}: ${m}`)];
}

import { validateDataItemValue, type DataCategory } from '@steward/policy-core';
import type { AmendmentChangeInput } from '@steward/schema';

export type EditableItem = { id: string; category: DataCategory; value: string };

/** What the editor holds: per existing item a new value or a removal, plus new items. */
export type AmendmentDraft = {
  edits: Record<string, { value: string; remove: boolean }>;
  additions: { key: number; category: DataCategory; value: string }[];
};

export const emptyDraft = (): AmendmentDraft => ({ edits: {}, additions: [] });

/**
 * The changes to send, in item order then additions: an edited value (trimmed, different from the
 * current one), a removal, or a new item with a value. Unchanged items are left out.
 */
export function changesFrom(items: readonly EditableItem[], draft: AmendmentDraft): AmendmentChangeInput[] {
  const changes: AmendmentChangeInput[] = [];
  for (const item of items) {
    const edit = draft.edits[item.id];
    if (!edit) continue;
    if (edit.remove) changes.push({ itemId: item.id, category: item.category, value: null });
    else if (edit.value.trim() !== item.value)
      changes.push({ itemId: item.id, category: item.category, value: edit.value.trim() });
  }
  for (const a of draft.additions)
    if (a.value.trim() !== '') changes.push({ itemId: null, category: a.category, value: a.value.trim() });
  return changes;
}

/** policy-core's format check per edited or added value, keyed like the editor's fields (`item:<id>`, `new:<key>`). */
export function draftErrors(items: readonly EditableItem[], draft: AmendmentDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const item of items) {
    const edit = draft.edits[item.id];
    if (!edit || edit.remove || edit.value.trim() === item.value) continue;
    const issue = validateDataItemValue(item.category, edit.value.trim());
    if (issue) errors[`item:${item.id}`] = issue.message;
  }
  for (const a of draft.additions) {
    if (a.value.trim() === '') continue;
    const issue = validateDataItemValue(a.category, a.value.trim());
    if (issue) errors[`new:${a.key}`] = issue.message;
  }
  return errors;
}

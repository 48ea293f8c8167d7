import { checklistFromCategories, type IncidentChecklist } from '@steward/policy-core';
import type {
  DataCategory,
  IncidentAffectedSelectionInput,
  IncidentAffectedSelector,
  IncidentCause,
  IncidentDiscovery,
  IncidentKind,
  RecordIncidentInput,
  UpdateIncidentInput,
} from '@steward/schema';
import { dayEnd, dayStart } from '../audit/audit-options.js';
import type { Incident } from './use-incidents.js';

// The record/edit form's state and what it sends: pure, so the tests read them without rendering.

/** A checklist answer as the form holds it: yes, no, or not answered yet. */
export type TriState = 'yes' | 'no' | 'unknown';
export type ChecklistKey = keyof IncidentChecklist;
export const CHECKLIST_KEYS: readonly ChecklistKey[] = [
  'sensitiveData',
  'financialLossRisk',
  'strongEncryptionKeySafe',
];

export function toTriState(value: boolean | null | undefined): TriState {
  return value === true ? 'yes' : value === false ? 'no' : 'unknown';
}

export function fromTriState(value: TriState): boolean | null {
  return value === 'yes' ? true : value === 'no' ? false : null;
}

/** One way of choosing affected providers, as the form holds it (every field a string or list). */
export type SelectionForm = {
  selector: IncidentAffectedSelector;
  providerIds: string[];
  /** The references as typed or pasted (one per line, or comma/tab separated as a CSV column). */
  references: string;
  category: DataCategory | null;
  recipientId: string | null;
  /** Date inputs' values (YYYY-MM-DD); `to` includes its whole day. */
  from: string;
  to: string;
  exportJobId: string | null;
};

export function emptySelection(selector: IncidentAffectedSelector): SelectionForm {
  return {
    selector,
    providerIds: [],
    references: '',
    category: null,
    recipientId: null,
    from: '',
    to: '',
    exportJobId: null,
  };
}

/** The references in a pasted list or CSV column: split on lines, commas, semicolons and tabs, trimmed, each once. */
export function parseReferences(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(/[\r\n,;\t]+/)) {
    const reference = raw
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim();
    if (reference) seen.add(reference);
  }
  return [...seen];
}

/** The selection as the API takes it, or null while it is incomplete (nothing to preview or send). */
export function selectionInput(s: SelectionForm): IncidentAffectedSelectionInput | null {
  switch (s.selector) {
    case 'PICKED':
      return s.providerIds.length > 0 ? { selector: 'PICKED', providerIds: s.providerIds } : null;
    case 'REFERENCES': {
      const references = parseReferences(s.references);
      return references.length > 0 ? { selector: 'REFERENCES', references } : null;
    }
    case 'HOLDS_CATEGORY':
      return s.category ? { selector: 'HOLDS_CATEGORY', category: s.category } : null;
    case 'PROVIDED_TO_RECIPIENT': {
      const from = dayStart(s.from);
      const to = dayEnd(s.to);
      return s.recipientId && from && to
        ? { selector: 'PROVIDED_TO_RECIPIENT', recipientId: s.recipientId, from, to }
        : null;
    }
    case 'IN_EXPORT':
      return s.exportJobId ? { selector: 'IN_EXPORT', exportJobId: s.exportJobId } : null;
  }
}

export type IncidentForm = {
  kind: IncidentKind;
  title: string;
  /** datetime-local values (the browser's local time). */
  awareAt: string;
  occurredAt: string;
  discovery: IncidentDiscovery;
  cause: IncidentCause;
  causeDetail: string;
  wrongfulPurposeSuspected: boolean;
  description: string;
  measures: string;
  dataInvolved: string;
  secondaryDamage: string;
  categories: DataCategory[];
  checklist: Record<ChecklistKey, TriState>;
  /** The questions the staff answered themselves: the categories no longer pre-fill them. */
  answered: ChecklistKey[];
  selections: SelectionForm[];
  /** People affected when the individuals are not known ('' for none). */
  affectedCount: string;
  affectedCountEstimated: boolean;
  entrustedBy: string;
};

export function emptyIncidentForm(): IncidentForm {
  return {
    kind: 'LEAK',
    title: '',
    awareAt: '',
    occurredAt: '',
    discovery: 'STAFF',
    cause: 'UNKNOWN',
    causeDetail: '',
    wrongfulPurposeSuspected: false,
    description: '',
    measures: '',
    dataInvolved: '',
    secondaryDamage: '',
    categories: [],
    checklist: { sensitiveData: 'unknown', financialLossRisk: 'unknown', strongEncryptionKeySafe: 'unknown' },
    answered: [],
    selections: [],
    affectedCount: '',
    affectedCountEstimated: false,
    entrustedBy: '',
  };
}

/** An ISO instant as a datetime-local value in the browser's time (the inverse of `localToIso`). */
export function isoToLocal(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (the browser's time) as an ISO instant; null when empty or unreadable. */
export function localToIso(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The form of an incident being edited: its facts as they are (its affected providers are changed apart). */
export function incidentToForm(incident: Incident): IncidentForm {
  return {
    ...emptyIncidentForm(),
    kind: incident.kind,
    title: incident.title,
    awareAt: isoToLocal(incident.awareAt),
    occurredAt: isoToLocal(incident.occurredAt),
    discovery: incident.discovery,
    cause: incident.cause,
    causeDetail: incident.causeDetail ?? '',
    wrongfulPurposeSuspected: incident.wrongfulPurposeSuspected,
    description: incident.description ?? '',
    measures: incident.measures ?? '',
    dataInvolved: incident.dataInvolved ?? '',
    secondaryDamage: incident.secondaryDamage ?? '',
    categories: [...incident.categories],
    checklist: {
      sensitiveData: toTriState(incident.checklist.sensitiveData),
      financialLossRisk: toTriState(incident.checklist.financialLossRisk),
      strongEncryptionKeySafe: toTriState(incident.checklist.strongEncryptionKeySafe),
    },
    // What is stored was answered: a change of categories does not overwrite it.
    answered: CHECKLIST_KEYS.filter((k) => incident.checklist[k] !== null),
    affectedCount: String(incident.affectedCount),
    affectedCountEstimated: incident.affectedCountEstimated,
    entrustedBy: incident.entrustedBy ?? '',
  };
}

/**
 * New categories pre-fill the questions the staff have not answered themselves, as policy-core's
 * `checklistFromCategories` answers them (Steward's categories are neither sensitive nor financial;
 * encryption is never pre-filled).
 */
export function withCategories(form: IncidentForm, categories: DataCategory[]): IncidentForm {
  const suggested = checklistFromCategories(categories);
  const checklist = { ...form.checklist };
  for (const key of CHECKLIST_KEYS)
    if (!form.answered.includes(key) && key !== 'strongEncryptionKeySafe') checklist[key] = toTriState(suggested[key]);
  return { ...form, categories, checklist };
}

/** Which questions hold the categories' suggestion rather than an answer of the staff's. */
export function prefilledQuestions(form: IncidentForm): ChecklistKey[] {
  if (form.categories.length === 0) return [];
  const suggested = checklistFromCategories(form.categories);
  return CHECKLIST_KEYS.filter(
    (k) => !form.answered.includes(k) && suggested[k] !== null && fromTriState(form.checklist[k]) === suggested[k],
  );
}

export function answer(form: IncidentForm, key: ChecklistKey, value: TriState): IncidentForm {
  return {
    ...form,
    checklist: { ...form.checklist, [key]: value },
    answered: form.answered.includes(key) ? form.answered : [...form.answered, key],
  };
}

const text = (value: string) => (value.trim() === '' ? null : value);

/** What the form sends to recordIncident (complete selections only). */
export function toRecordInput(form: IncidentForm): RecordIncidentInput {
  const count = form.affectedCount.trim() === '' ? null : Number(form.affectedCount);
  return {
    kind: form.kind,
    title: form.title,
    // Empty stays empty: the API names the field (REQUIRED) rather than the form guessing a time.
    awareAt: localToIso(form.awareAt) ?? '',
    occurredAt: localToIso(form.occurredAt),
    discovery: form.discovery,
    cause: form.cause,
    causeDetail: text(form.causeDetail),
    wrongfulPurposeSuspected: form.wrongfulPurposeSuspected,
    description: text(form.description),
    measures: text(form.measures),
    dataInvolved: text(form.dataInvolved),
    secondaryDamage: text(form.secondaryDamage),
    categories: form.categories,
    checklist: {
      sensitiveData: fromTriState(form.checklist.sensitiveData),
      financialLossRisk: fromTriState(form.checklist.financialLossRisk),
      strongEncryptionKeySafe: fromTriState(form.checklist.strongEncryptionKeySafe),
    },
    affected: form.selections.map(selectionInput).filter((s): s is IncidentAffectedSelectionInput => s !== null),
    affectedCount: count !== null && Number.isFinite(count) ? count : null,
    affectedCountEstimated: form.affectedCountEstimated,
    entrustedBy: text(form.entrustedBy),
  };
}

/** What the form sends to updateIncident: the same facts, the selections as providers to add. */
export function toUpdateInput(form: IncidentForm, id: string, expectedVersion: number): UpdateIncidentInput {
  return { ...toRecordInput(form), id, expectedVersion };
}

/**
 * The instant a report or notice was sent, from the date the staff pick: today → now (the API refuses a
 * send before the incident's awareness, and the start of today may be before it); an earlier day → the
 * last minute of that local day (never in the future, never before an awareness on the same day).
 */
export function sentInstant(date: string, now: Date = new Date()): string | null {
  const start = dayStart(date);
  if (!start) return null;
  const end = new Date(new Date(dayEnd(date) ?? start).getTime() - 60_000);
  return (end.getTime() > now.getTime() ? now : end).toISOString();
}

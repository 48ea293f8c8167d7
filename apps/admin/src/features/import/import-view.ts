import { IMPORT_TARGETS, type MessageParams } from '@steward/policy-core';
import type { DataCategory, ImportColumnInput, ImportTarget } from '@steward/schema';
import type { TFunction } from 'i18next';
import { DATA_CATEGORY_LABEL } from '../../components/labels.js';
import { coreMessage } from '../../i18n/core-messages.js';

/** The targets that are not a data category: their labels are the `import` catalogue's. */
const OWN_TARGETS = ['IGNORE', 'REFERENCE', 'PURPOSES', 'CONSENT_DATE'] as const;
type OwnTarget = (typeof OWN_TARGETS)[number];
const isOwnTarget = (target: string): target is OwnTarget => (OWN_TARGETS as readonly string[]).includes(target);

/** A target's label in the language on screen: the import's own words, or the data category's label. */
export function targetLabel(t: TFunction, target: ImportTarget): string {
  if (isOwnTarget(target)) return t(`import:targets.${target}`);
  return DATA_CATEGORY_LABEL[target as DataCategory];
}

/** The mapping select's options: every target policy-core knows, in its order. */
export function targetOptions(t: TFunction): { value: ImportTarget; label: string }[] {
  return IMPORT_TARGETS.map((target) => ({ value: target, label: targetLabel(t, target) }));
}

/** The first mapping: each column to the target its header suggests (the API's guess). */
export function mappingFromGuesses(columns: readonly { column: number; guess: ImportTarget }[]): ImportColumnInput[] {
  return columns.map(({ column, guess }) => ({ column, target: guess }));
}

/** One row problem in the reader's language: policy-core's catalogue by code, the API's wording otherwise. */
export function issueText(issue: {
  code: string;
  message: string;
  params: readonly { name: string; value: string }[];
}) {
  const params: MessageParams = Object.fromEntries(issue.params.map((p) => [p.name, p.value]));
  return coreMessage(`issue.${issue.code}`, params) ?? issue.message;
}

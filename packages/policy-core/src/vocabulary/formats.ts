import { memberOf } from './guard.js';
import { labelsOf, type Localized } from '../messages/catalogue.js';

/** The shapes a value can be checked against (see fields/field-formats.ts for the rules). */
export const FIELD_FORMATS = ['TEXT', 'EMAIL', 'TELEPHONE', 'POSTAL_CODE', 'IDENTIFIER', 'READING'] as const;
export type FieldFormat = (typeof FIELD_FORMATS)[number];
export const isFieldFormat = memberOf(FIELD_FORMATS);

export const FIELD_FORMAT_LABELS: Readonly<Record<FieldFormat, Localized>> = /* @__PURE__ */ labelsOf(
  'fieldFormat',
  FIELD_FORMATS,
);

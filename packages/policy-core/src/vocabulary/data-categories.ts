import type { FieldFormat } from './formats.js';
import { memberOf } from './guard.js';
import { labelsOf, localized, type Localized } from '../messages/catalogue.js';

export const DATA_CATEGORIES = [
  'NAME',
  'NAME_READING',
  'POSTAL_CODE',
  'POSTAL_ADDRESS',
  'EMAIL',
  'TELEPHONE',
  'FAX',
  'AFFILIATION',
  'MEMBERSHIP_NUMBER',
  'COOKIE_IDENTIFIER',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];
export const isDataCategory = memberOf(DATA_CATEGORIES);

/**
 * Steward's default handling tiers, not a legal classification: none of these categories is
 * "special care-required" information (要配慮個人情報) under the APPI.
 */
export const SENSITIVITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];
export const isSensitivity = memberOf(SENSITIVITIES);

export const SENSITIVITY_LABELS: Readonly<Record<Sensitivity, Localized>> = /* @__PURE__ */ labelsOf(
  'sensitivity',
  SENSITIVITIES,
);

export type DataCategoryInfo = {
  readonly sensitivity: Sensitivity;
  readonly format: FieldFormat;
  /** Maximum length in Unicode code points. */
  readonly maxLength: number;
  readonly multiline: boolean;
  readonly label: Localized;
  readonly description: Localized;
  /**
   * The category this one belongs to: a purpose that states `partOf` needs this category too
   * (`purposeNeeds`), so it is collected and used under that purpose's consent. Exceptions (outsourcing,
   * law, agreements, board approvals) never widen this way: their scope names every category they
   * provide, so a courier given NAME and POSTAL_ADDRESS does not receive the reading.
   */
  readonly partOf?: DataCategory;
};

export const DATA_CATEGORY_INFO: Readonly<Record<DataCategory, DataCategoryInfo>> = {
  NAME: {
    sensitivity: 'MEDIUM',
    format: 'TEXT',
    maxLength: 120,
    multiline: false,
    label: /* @__PURE__ */ localized('dataCategory.NAME'),
    description: /* @__PURE__ */ localized('dataCategoryDescription.NAME'),
  },
  NAME_READING: {
    // As the name: the reading identifies the same person, it adds nothing about them.
    sensitivity: 'MEDIUM',
    format: 'READING',
    maxLength: 120,
    multiline: false,
    label: /* @__PURE__ */ localized('dataCategory.NAME_READING'),
    description: /* @__PURE__ */ localized('dataCategoryDescription.NAME_READING'),
    partOf: 'NAME',
  },
  POSTAL_CODE: {
    sensitivity: 'LOW',
    format: 'POSTAL_CODE',
    maxLength: 10,
    multiline: false,
    label: /* @__PURE__ */ localized('dataCategory.POSTAL_CODE'),
    description: /* @__PURE__ */ localized('dataCategoryDescription.POSTAL_CODE'),
  },
  POSTAL_ADDRESS: {
    // High: together with a name it locates a person, e.g. for delivery (policy clause 2, item 3).
    sensitivity: 'HIGH',
    format: 'TEXT',
    maxLength: 500,
    multiline: true,
    label: /* @__PURE__ */ localized('dataCategory.POSTAL_ADDRESS'),
    description: /* @__PURE__ */ localized('dataCategoryDescription.POSTAL_ADDRESS'),
  },
  EMAIL: {
    sensitivity: 'MEDIUM',
    format: 'EMAIL',
    maxLength: 254,
    multiline: false,
    label: /* @__PURE__ */ localized('dataCategory.EMAIL'),
    description: /* @__PURE__ */ localized('dataCategoryDescription.EMAIL'),
  },
  TELEPHONE: {
    // High: often a personal mobile number that reaches the person directly.
    sensitivity: 'HIGH',
    format: 'TELEPHONE',
    maxLength: 32,
    multiline: false,
    label: /* @__PURE__ */ localized('dataCategory.TELEPHONE'),
    description: /* @__PURE__ */ localized('dataCategoryDescription.TELEPHONE'),
  },
  FAX: {
    sensitivity: 'LOW',
    format: 'TELEPHONE',
    maxLength: 32,
    multiline: false,
    label: /* @__PURE__ */ localized('dataCategory.FAX'),
    description: /* @__PURE__ */ localized('dataCategoryDescription.FAX'),
  },
  AFFILIATION: {
    sensitivity: 'LOW',
    format: 'TEXT',
    maxLength: 200,
    multiline: false,
    label: /* @__PURE__ */ localized('dataCategory.AFFILIATION'),
    description: /* @__PURE__ */ localized('dataCategoryDescription.AFFILIATION'),
  },
  MEMBERSHIP_NUMBER: {
    sensitivity: 'MEDIUM',
    format: 'IDENTIFIER',
    maxLength: 64,
    multiline: false,
    label: /* @__PURE__ */ localized('dataCategory.MEMBERSHIP_NUMBER'),
    description: /* @__PURE__ */ localized('dataCategoryDescription.MEMBERSHIP_NUMBER'),
  },
  COOKIE_IDENTIFIER: {
    // Policy clause 6: cookie-collected information is protected like personal information.
    sensitivity: 'MEDIUM',
    format: 'IDENTIFIER',
    maxLength: 64,
    multiline: false,
    label: /* @__PURE__ */ localized('dataCategory.COOKIE_IDENTIFIER'),
    description: /* @__PURE__ */ localized('dataCategoryDescription.COOKIE_IDENTIFIER'),
  },
};

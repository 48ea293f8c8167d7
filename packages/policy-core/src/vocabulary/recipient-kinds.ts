import { labelsOf, type Localized } from '../messages/catalogue.js';
import { memberOf } from './guard.js';

/** Who an outside recipient is to the organisation: a contractor (outsourcing), a third party, an authority. */
export const RECIPIENT_KINDS = ['CONTRACTOR', 'THIRD_PARTY', 'AUTHORITY'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
export const isRecipientKind = /* @__PURE__ */ memberOf(RECIPIENT_KINDS);

export const RECIPIENT_KIND_LABELS: Readonly<Record<RecipientKind, Localized>> = /* @__PURE__ */ labelsOf(
  'recipientKind',
  RECIPIENT_KINDS,
);

import type { TFunction } from 'i18next';
import {
  errorCode,
  fieldErrorsFromGraphQLError,
  messagesOutside,
  normalizeFieldPath,
  type ErrorLike,
} from '../../components/errors.js';

export type IncidentFormErrors = {
  fieldErrors: Record<string, string>;
  /** Messages beside no field the form shows. */
  messages: string[];
  conflict: boolean;
};

/**
 * A failed record or edit as the form shows it: BAD_USER_INPUT issues beside their fields, the
 * references the API does not know (INCIDENT_UNKNOWN_REFERENCES, listed in `extensions.references`)
 * beside the selection they came from (its `extensions.field`, else every reference selection), and
 * everything else above the form.
 */
export function incidentFormErrors(
  t: TFunction,
  error: ErrorLike,
  referenceFields: readonly string[],
  shown: (field: string) => boolean,
): IncidentFormErrors {
  const summary = fieldErrorsFromGraphQLError(error);
  const fieldErrors = { ...summary.fieldErrors };
  let messages = summary.messages;
  for (const e of error.graphQLErrors ?? []) {
    if (errorCode(e) !== 'INCIDENT_UNKNOWN_REFERENCES') continue;
    const raw = e.extensions?.['references'];
    const references = Array.isArray(raw) ? raw.filter((r): r is string => typeof r === 'string') : [];
    const message = t('incidents:form.unknownReferences', {
      count: references.length,
      references: references.join(', '),
    });
    const field = e.extensions?.['field'];
    const targets = typeof field === 'string' ? [normalizeFieldPath(field)] : referenceFields;
    for (const target of targets) fieldErrors[target] = message;
    messages = messages.filter((m) => m !== e.message);
    if (targets.length === 0) messages = [...messages, message];
  }
  return {
    fieldErrors,
    messages: messagesOutside({ ...summary, fieldErrors, messages }, shown),
    conflict: summary.conflict !== null,
  };
}

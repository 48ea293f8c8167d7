import type {
  AdminRole,
  CollectionChannel,
  ConsentAction,
  ConsentMethod,
  ConsentState,
  ProviderKind,
  Sensitivity,
} from '@steward/schema';

// English UI labels for the enums the API speaks. The values themselves come from the generated
// schema types (and policy-core's vocabulary), so a new enum value fails `tsc` here first.

export const PROVIDER_KIND_LABEL: Record<ProviderKind, string> = {
  RELATED_PERSONNEL: 'Related personnel',
  BUSINESS_USER: 'Business user',
  SERVICE_USER: 'Service user',
};

export const CHANNEL_LABEL: Record<CollectionChannel, string> = {
  WEB_FORM: 'Web form',
  PAPER_FORM: 'Paper form',
  EMAIL: 'E-mail',
  EVENT: 'Event',
  PARTNER_SYSTEM: 'Partner system',
  TELEPHONE: 'Telephone',
};

export const CONSENT_METHOD_LABEL: Record<ConsentMethod, string> = {
  WEB_CHECKBOX: 'Web checkbox',
  SIGNED_FORM: 'Signed form',
  EMAIL_REPLY: 'E-mail reply',
  VERBAL: 'Verbal',
};

export const CONSENT_STATE_LABEL: Record<ConsentState, string> = {
  GRANTED: 'Granted',
  REFUSED: 'Refused',
  WITHDRAWN: 'Withdrawn',
  NOT_ASKED: 'Not asked',
};

export const CONSENT_ACTION_LABEL: Record<ConsentAction, string> = {
  GRANT: 'Granted',
  REFUSE: 'Refused',
  WITHDRAW: 'Withdrew',
};

export const ROLE_LABEL: Record<AdminRole, string> = {
  OWNER: 'Owner',
  PRIVACY_OFFICER: 'Privacy officer',
  VIEWER: 'Viewer',
};

export const SENSITIVITY_LABEL: Record<Sensitivity, string> = {
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
};

/** `[{ value, label }]` for a select, in the order of the vocabulary array. */
export function optionsOf<T extends string>(
  values: readonly T[],
  labels: Record<T, string>,
): { value: T; label: string }[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

import {
  IMPORT_TARGETS,
  DECISION_ACTIONS,
  DECISION_REASON_CODES,
  ADMIN_ROLES,
  COLLECTION_CHANNELS,
  CONSENT_ACTIONS,
  CONSENT_METHODS,
  CONSENT_STATES,
  DATA_CATEGORIES,
  DATA_CATEGORY_INFO,
  EXCEPTION_KINDS,
  EXCEPTION_STATUSES,
  ISSUE_CODES,
  MEETING_KINDS,
  POLICY_CLAUSES,
  PROVIDER_KINDS,
  SENSITIVITIES,
  COOKIE_CATEGORIES,
  COOKIE_CONSENT_ACTIONS,
  COOKIE_STORAGE_KINDS,
  JOB_KINDS,
  MAIL_KINDS,
  MAIL_STATUSES,
  JOB_STATUSES,
  EXPORT_LISTS,
  DOCUMENT_ACTOR_KINDS,
} from '@steward/policy-core';
import { registerEnumType } from 'type-graphql';
import type { Language } from '../i18n/language.js';
import { RECIPIENT_KINDS } from '../recipients/recipient-kinds.js';

/** policy-core's vocabulary as `{ KEY: 'KEY' }` objects, the shape type-graphql registers as enums. */
function asEnum<const T extends readonly string[]>(values: T): { [K in T[number]]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
}

export const ProviderKindEnum = asEnum(PROVIDER_KINDS);
export const DataCategoryEnum = asEnum(DATA_CATEGORIES);
export const SensitivityEnum = asEnum(SENSITIVITIES);
export const ConsentActionEnum = asEnum(CONSENT_ACTIONS);
export const ConsentStateEnum = asEnum(CONSENT_STATES);
export const ConsentMethodEnum = asEnum(CONSENT_METHODS);
export const CollectionChannelEnum = asEnum(COLLECTION_CHANNELS);
export const PolicyClauseEnum = asEnum(POLICY_CLAUSES);
export const AdminRoleEnum = asEnum(ADMIN_ROLES);
export const PolicyStatusEnum = asEnum(['DRAFT', 'PUBLISHED'] as const);
export const ExceptionKindEnum = asEnum(EXCEPTION_KINDS);
export const DecisionActionEnum = asEnum(DECISION_ACTIONS);
export const DecisionReasonCodeEnum = asEnum(DECISION_REASON_CODES);
export const DecisionBasisKindEnum = asEnum(['CONSENT', 'PUBLICLY_AVAILABLE', 'EXCEPTION'] as const);
/** The effective status at a moment (policy-core's effectiveStatus): the stored lifecycle plus NOT_YET_VALID. */
export const ExceptionStatusEnum = asEnum([...EXCEPTION_STATUSES, 'NOT_YET_VALID'] as const);
export const MeetingKindEnum = asEnum(MEETING_KINDS);
export const RecipientKindEnum = asEnum(RECIPIENT_KINDS);
export const IssueCodeEnum = asEnum(ISSUE_CODES);
export const SessionRestrictionEnum = asEnum(['PASSWORD_CHANGE', 'MFA_ENROLMENT'] as const);
/** GraphQL's names for the stored BCP 47 tags (i18n/language.ts): `JA` reaches a resolver as 'ja'. */
export const LanguageEnum = { JA: 'ja', EN: 'en' } as const satisfies Record<string, Language>;

// Registered once: the one vocabulary reaches the schema, and through codegen, the admin.
registerEnumType(ProviderKindEnum, {
  name: 'ProviderKind',
  description: 'Who the provider is to the organisation (clause 1).',
});
registerEnumType(DataCategoryEnum, {
  name: 'DataCategory',
  description: 'A category of personal information (policy-core vocabulary).',
  valuesConfig: Object.fromEntries(
    DATA_CATEGORIES.map((c) => [c, { description: DATA_CATEGORY_INFO[c].description.en }]),
  ),
});
registerEnumType(SensitivityEnum, { name: 'Sensitivity' });
registerEnumType(ConsentActionEnum, { name: 'ConsentAction' });
registerEnumType(ConsentStateEnum, { name: 'ConsentState' });
registerEnumType(ConsentMethodEnum, { name: 'ConsentMethod' });
registerEnumType(CollectionChannelEnum, {
  name: 'CollectionChannel',
  valuesConfig: {
    IMPORT: {
      description: "Brought in from another system's file by an import (consents given there, e.g. on paper).",
    },
  },
});
registerEnumType(PolicyClauseEnum, { name: 'PolicyClause' });
registerEnumType(AdminRoleEnum, { name: 'AdminRole' });
registerEnumType(PolicyStatusEnum, { name: 'PolicyStatus' });
registerEnumType(DecisionActionEnum, {
  name: 'DecisionAction',
  description: 'USE inside the organisation, or PROVIDE to a recipient.',
});
registerEnumType(DecisionReasonCodeEnum, { name: 'DecisionReasonCode' });
registerEnumType(DecisionBasisKindEnum, { name: 'DecisionBasisKind' });
registerEnumType(ExceptionKindEnum, {
  name: 'ExceptionKind',
  description: 'The four permitted exceptions of policy clause 2.',
});
registerEnumType(ExceptionStatusEnum, {
  name: 'ExceptionStatus',
  description: 'Status of a permitted exception at a moment; only ACTIVE lets it count.',
});
registerEnumType(MeetingKindEnum, { name: 'MeetingKind' });
registerEnumType(RecipientKindEnum, {
  name: 'RecipientKind',
  description: 'Who an outside recipient is to the organisation.',
});
registerEnumType(IssueCodeEnum, {
  name: 'IssueCode',
  valuesConfig: {
    LAST_OWNER: { description: 'The organisation must keep at least one active owner.' },
    SELF_ACTION: { description: 'An owner cannot do this to their own account (role, deactivation).' },
    WEAK_PASSWORD: {
      description: 'Long enough but easy to guess: a common password, a pattern, or the name or e-mail.',
    },
    FORMULA: { description: 'An imported cell a spreadsheet would run as a formula (starts with =, +, - or @).' },
  },
});

export const CookieCategoryEnum = asEnum(COOKIE_CATEGORIES);
export const CookieStorageKindEnum = asEnum(COOKIE_STORAGE_KINDS);
export const CookieConsentActionEnum = asEnum(COOKIE_CONSENT_ACTIONS);
registerEnumType(CookieCategoryEnum, {
  name: 'CookieCategory',
  description: 'Cookie categories of policy clause 6; STRICTLY_NECESSARY cannot be refused.',
});
registerEnumType(CookieStorageKindEnum, {
  name: 'CookieStorageKind',
  description: "Where a declared tracker keeps its data in the visitor's browser.",
});
registerEnumType(CookieConsentActionEnum, { name: 'CookieConsentAction' });
registerEnumType(LanguageEnum, {
  name: 'Language',
  description: 'A language Steward speaks to people in.',
  valuesConfig: {
    JA: { description: 'Japanese (ja).' },
    EN: { description: 'English (en).' },
  },
});
registerEnumType(SessionRestrictionEnum, {
  name: 'SessionRestriction',
  description: 'What a signed-in session must do before anything else (policy-core sessionRestriction).',
  valuesConfig: {
    PASSWORD_CHANGE: { description: 'An owner reset the password: choose a new one (changePassword).' },
    MFA_ENROLMENT: {
      description: 'The organisation requires a second factor for this role: enrol one (beginTotpEnrolment).',
    },
  },
});

export const ImportTargetEnum = asEnum(IMPORT_TARGETS);
registerEnumType(ImportTargetEnum, {
  name: 'ImportTarget',
  description:
    "What a column of an import file holds: the provider's key (REFERENCE, e.g. the member number), the purposes consented to, the day of consent, an item of that data category, or nothing kept (IGNORE).",
  valuesConfig: {
    IGNORE: { description: 'Nothing of the column is kept.' },
    REFERENCE: {
      description: "The provider's key (e.g. the member number): a row whose key a provider has is skipped.",
    },
    PURPOSES: { description: 'The purposes consented to (keys or titles, separated by ; , 、 or |).' },
    CONSENT_DATE: { description: "The day consent was given (YYYY-MM-DD): the collection's and the consents' time." },
    ...Object.fromEntries(
      DATA_CATEGORIES.map((c) => [c, { description: `An item of ${c}: ${DATA_CATEGORY_INFO[c].description.en}` }]),
    ),
  },
});

export const JobKindEnum = asEnum(JOB_KINDS);
export const JobStatusEnum = asEnum(JOB_STATUSES);
registerEnumType(JobKindEnum, {
  name: 'JobKind',
  description: 'What a background job does.',
  valuesConfig: {
    LEDGER_VERIFICATION: {
      description: 'Verifies the whole ledger (chain, signed checkpoints, anchor); daily and on demand.',
    },
    LIST_EXPORT: { description: 'Writes a filtered list as a CSV file, downloaded at `/api/exports/<job id>`.' },
    EXPORT_PURGE: { description: 'Deletes the export files past their expiry; hourly.' },
    MAIL_DELIVERY: { description: 'Sends one notification mail of the outbox through the SMTP server.' },
    REQUEST_DUE_REMINDERS: {
      description: 'Daily: mails staff about requests due soon or overdue, once per request and state.',
    },
    MEMBER_IMPORT: {
      description: 'Imports existing members from an uploaded file (startImport): one IMPORT collection per row.',
    },
  },
});
registerEnumType(JobStatusEnum, {
  name: 'JobStatus',
  description: 'Where a background job is.',
  valuesConfig: {
    QUEUED: { description: 'Waiting for its time or its next retry.' },
    RUNNING: { description: 'An instance holds it and runs it.' },
    SUCCEEDED: { description: 'Done.' },
    FAILED: { description: 'Failed for good (after its last attempt, or a failure no retry mends): see errorCode.' },
    CANCELLED: { description: 'Cancelled by an owner before it ran.' },
  },
});

export const ExportListEnum = asEnum(EXPORT_LISTS);
registerEnumType(ExportListEnum, {
  name: 'ExportList',
  description: 'A list of the admin that can be exported as CSV, with the filters of its page.',
  valuesConfig: {
    PROVIDERS: { description: 'Providers (`providers`).' },
    PROVIDER_REQUESTS: { description: 'Provider requests (`providerRequests`).' },
    INQUIRIES: { description: 'The inquiries inbox (`inquiries`).' },
    PERMITTED_EXCEPTIONS: { description: 'Permitted exceptions (`permittedExceptions`).' },
    RECIPIENTS: { description: 'Recipients (`recipients`).' },
    AUDIT_LOG: { description: 'The audit trail (`auditLog`).' },
    LEDGER_ENTRIES: { description: 'Ledger entries (`ledgerEntries`).' },
  },
});
export const MailKindEnum = asEnum(MAIL_KINDS);
export const MailStatusEnum = asEnum(MAIL_STATUSES);
registerEnumType(MailKindEnum, {
  name: 'MailKind',
  description: 'What a notification mail tells of.',
  valuesConfig: {
    APPROVAL_WAITING: {
      description: 'A draft exception waits for approval (to those who may approve it, not its author).',
    },
    REQUEST_DUE_SOON: { description: 'An open request is due within a few days.' },
    REQUEST_OVERDUE: { description: 'An open request is past its due date.' },
    INQUIRY_RECEIVED: { description: 'A new inquiry arrived.' },
    STAFF_INVITATION: {
      description: 'An invitation to join the staff, with its one-time link (cannot be turned off).',
    },
    PASSWORD_RESET: { description: "An owner reset the member's password (cannot be turned off)." },
    INCIDENT_NOTICE: {
      description:
        'To a provider, not staff: the notice of an incident that affected their data (APPI Art. 26(2)), sent to their e-mail item in their language.',
    },
  },
});
registerEnumType(MailStatusEnum, {
  name: 'MailStatus',
  description: 'Where a notification mail is.',
  valuesConfig: {
    QUEUED: { description: 'Waiting for its first or next attempt.' },
    SENT: { description: 'The SMTP server accepted it.' },
    FAILED: { description: 'Its last attempt failed: see errorCode.' },
    NOT_SENT: { description: 'No SMTP server is configured: kept to show what would have been sent.' },
  },
});
export const ActorKindEnum = asEnum(DOCUMENT_ACTOR_KINDS);
registerEnumType(ActorKindEnum, {
  name: 'ActorKind',
  description: 'Who a record says acted, as a person reads it (policy-core `actorKind.*` labels).',
  valuesConfig: {
    STAFF: { description: 'A member of staff, signed in: named with their role.' },
    RECIPIENT_SYSTEM: { description: "A recipient's system with a partner key: named by the recipient." },
    INTERNAL_SYSTEM: { description: "One of the organisation's internal systems with its key: named by the system." },
    STEWARD: { description: 'Steward itself (scheduled jobs, automatic records).' },
    UNKNOWN: { description: 'A member or key no longer on record.' },
  },
});

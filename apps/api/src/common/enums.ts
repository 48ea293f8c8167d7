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
  issueKey,
  messages,
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

/** type-graphql's `valuesConfig` from one description per value: a value left out does not compile. */
export function describeValues<T extends string>(descriptions: Record<T, string>): Record<T, { description: string }> {
  return Object.fromEntries(Object.entries(descriptions).map(([v, d]) => [v, { description: d as string }])) as Record<
    T,
    { description: string }
  >;
}

/**
 * Each issue code described by policy-core's own English message for it (`issue.<CODE>`), the words
 * a person is shown; a message with arguments (`{max}`) is worded here instead.
 */
function issueDescriptions(overrides: Partial<Record<(typeof ISSUE_CODES)[number], string>>) {
  return describeValues(
    Object.fromEntries(ISSUE_CODES.map((code) => [code, overrides[code] ?? messages.en[issueKey(code)]])) as Record<
      (typeof ISSUE_CODES)[number],
      string
    >,
  );
}

// Registered once: the one vocabulary reaches the schema, and through codegen, the admin.
registerEnumType(ProviderKindEnum, {
  name: 'ProviderKind',
  description: 'Who the provider is to the organisation (clause 1).',
  valuesConfig: describeValues({
    RELATED_PERSONNEL: 'A member, officer or other person related to the organisation.',
    BUSINESS_USER: "Someone who deals with the organisation for their business (e.g. a partner's staff).",
    SERVICE_USER: "Someone who uses the organisation's services (e.g. an event participant).",
  }),
});
registerEnumType(DataCategoryEnum, {
  name: 'DataCategory',
  description: 'A category of personal information (policy-core vocabulary).',
  valuesConfig: Object.fromEntries(
    DATA_CATEGORIES.map((c) => [c, { description: DATA_CATEGORY_INFO[c].description.en }]),
  ),
});
registerEnumType(SensitivityEnum, {
  name: 'Sensitivity',
  description: 'How much harm a leak of a data category could do (policy-core DATA_CATEGORY_INFO).',
  valuesConfig: describeValues({
    LOW: 'Little harm alone (e.g. an affiliation).',
    MEDIUM: 'Lets someone contact or find the provider (e.g. an e-mail address or telephone number).',
    HIGH: 'Serious harm or identifies the provider at home (e.g. a postal address).',
  }),
});
registerEnumType(ConsentActionEnum, {
  name: 'ConsentAction',
  description: 'What a consent event records.',
  valuesConfig: describeValues({
    GRANT: 'The provider consented to the purpose.',
    REFUSE: 'The provider was asked and declined.',
    WITHDRAW: 'The provider took back a consent given earlier; it stops counting at once.',
  }),
});
registerEnumType(ConsentStateEnum, {
  name: 'ConsentState',
  description: "A provider's consent to one purpose now: their newest consent event, or none.",
  valuesConfig: describeValues({
    GRANTED: 'Consented (under a policy version that has not changed the purpose since).',
    REFUSED: 'Asked, and declined.',
    WITHDRAWN: 'Consented, then withdrew.',
    NOT_ASKED: 'Never asked for this purpose.',
  }),
});
registerEnumType(ConsentMethodEnum, {
  name: 'ConsentMethod',
  description: 'How a provider gave, refused or withdrew consent.',
  valuesConfig: describeValues({
    WEB_CHECKBOX: 'Ticked a box on a web form.',
    SIGNED_FORM: 'Signed a paper form.',
    EMAIL_REPLY: 'Replied by e-mail.',
    VERBAL: 'Said so in person or by telephone, written down by staff.',
  }),
});
registerEnumType(CollectionChannelEnum, {
  name: 'CollectionChannel',
  description: 'How personal information reached the organisation.',
  valuesConfig: describeValues({
    WEB_FORM: "Through a form on the organisation's website.",
    PAPER_FORM: 'On a paper form, entered by staff.',
    EMAIL: 'By e-mail, entered by staff.',
    EVENT: 'At an event (e.g. a registration desk), entered by staff.',
    PARTNER_SYSTEM: "From a partner organisation's system.",
    TELEPHONE: 'By telephone, entered by staff.',
    IMPORT: "Brought in from another system's file by an import (consents given there, e.g. on paper).",
  }),
});
registerEnumType(PolicyClauseEnum, {
  name: 'PolicyClause',
  description: 'The eight clauses of the privacy policy, in order.',
  valuesConfig: describeValues({
    COLLECTION: 'Clause 1: what is collected, from whom and how.',
    PURPOSE_OF_USE: 'Clause 2: the purposes of use and the permitted exceptions.',
    MANAGEMENT: 'Clause 3: how personal information is kept safe.',
    DISCLOSURE_AND_AMENDMENT: "Clause 4: a provider's requests for disclosure, amendment and cessation of use.",
    WEBSITE_USE: 'Clause 5: information on the website (the disclaimer).',
    COOKIES: 'Clause 6: cookies and similar trackers.',
    CHANGES: 'Clause 7: how the policy changes.',
    INQUIRIES: 'Clause 8: where inquiries go (the secretariat).',
  }),
});
registerEnumType(AdminRoleEnum, {
  name: 'AdminRole',
  description: "A member of staff's role: what they may do in the dashboard (policy-core roleAbilities).",
  valuesConfig: describeValues({
    OWNER: 'Everything, including staff accounts, keys and the organisation settings.',
    PRIVACY_OFFICER:
      "Runs the privacy work: records, requests, inquiries, exceptions and the policy; reads providers' names.",
    VIEWER: 'Reads, without personal values; changes nothing.',
  }),
});
registerEnumType(PolicyStatusEnum, {
  name: 'PolicyStatus',
  description: 'Whether a policy version is still being written or in force (or was).',
  valuesConfig: describeValues({
    DRAFT: 'Being written; may be edited or discarded. There is at most one.',
    PUBLISHED: 'Published: never changed again; the newest is in force.',
  }),
});
registerEnumType(DecisionActionEnum, {
  name: 'DecisionAction',
  description: 'USE inside the organisation, or PROVIDE to a recipient.',
  valuesConfig: describeValues({
    USE: 'Use inside the organisation for a purpose of use; no recipient.',
    PROVIDE: 'Provide to an outside recipient (a third party); needs a permitted exception.',
  }),
});
registerEnumType(DecisionReasonCodeEnum, {
  name: 'DecisionReasonCode',
  description:
    "Why a decision went as it did; `DecisionReason.params` holds the names to word it with (policy-core's catalogue, `reason.<code>`).",
  valuesConfig: describeValues({
    CONSENT_GRANTED: 'The provider consented to the purpose.',
    CONSENT_NOT_GRANTED: 'No consent counts: never asked, refused, withdrawn, for another purpose, or outdated.',
    CATEGORY_NOT_IN_PURPOSE: 'The purpose does not need the category.',
    PURPOSE_RETIRED: 'The purpose is retired.',
    PUBLICLY_AVAILABLE: 'The provider made the category public themselves.',
    PURPOSE_NOT_STATED:
      'The purpose is not stated in the policy: only an exception in effect that names it can allow it.',
    NO_CATEGORIES_REQUESTED: 'The request named no categories.',
    RECIPIENT_REQUIRED: 'A provision names no recipient.',
    RECIPIENT_GIVEN_FOR_USE: 'A use names a recipient; decide a provision instead.',
    PROVISION_NEEDS_EXCEPTION: 'Consent does not allow a provision: a permitted exception must cover it.',
    NO_EXCEPTION_APPLIES: 'No permitted exception in effect covers the request.',
    EXCEPTION_APPLIES: 'A permitted exception covers the category.',
    EXCEPTION_NOT_IN_EFFECT: 'The exception is a draft, revoked, expired or not yet valid.',
    EXCEPTION_PROVIDER_NOT_COVERED: 'The exception does not cover the provider.',
    EXCEPTION_PURPOSE_NOT_COVERED: 'The exception does not cover the purpose.',
    EXCEPTION_RECIPIENT_NOT_COVERED: 'The exception does not cover the recipient (or covers internal use only).',
    EXCEPTION_CATEGORY_NOT_COVERED: 'The exception does not cover the category.',
    EXCEPTION_PURPOSE_BASIS_MISSING: 'The exception serves the purpose, but the category may not be used for it.',
    EXCEPTION_AGREEMENT_WITHDRAWN: 'The provider withdrew or refused the consent the exception cites.',
    DIFFERENT_BASIS: 'The category is allowed on another basis: one decision has one basis, so ask for it separately.',
    CEASED_ON_REQUEST: 'The provider asked the organisation to stop; only a legal requirement still applies.',
  }),
});
registerEnumType(DecisionBasisKindEnum, {
  name: 'DecisionBasisKind',
  description: 'What allows a use or provision.',
  valuesConfig: describeValues({
    CONSENT: "The provider's consent to the stated purpose.",
    PUBLICLY_AVAILABLE: 'The provider made the data public themselves (clause 3).',
    EXCEPTION: 'A permitted exception in effect (clause 2).',
  }),
});
registerEnumType(ExceptionKindEnum, {
  name: 'ExceptionKind',
  description: 'The four permitted exceptions of policy clause 2.',
  valuesConfig: describeValues({
    LAW: 'Item 1: required by law (e.g. a court order or a letter of request from an authority).',
    PROVIDER_AGREEMENT: 'Item 2: the provider agreed to it (their recorded consent events).',
    OUTSOURCING: 'Item 3: provision to a contractor to complete a stated purpose, under contract and supervision.',
    BOARD_APPROVAL: 'Item 4: a legitimate reason approved at a general or board meeting.',
  }),
});
registerEnumType(ExceptionStatusEnum, {
  name: 'ExceptionStatus',
  description: 'Status of a permitted exception at a moment; only ACTIVE lets it count.',
  valuesConfig: describeValues({
    DRAFT: 'Written, not yet approved by a second person; does not count.',
    ACTIVE: 'Approved and within its validity: counts.',
    REVOKED: 'Revoked; never counts again.',
    EXPIRED: 'Approved, but past validUntil.',
    NOT_YET_VALID: 'Approved, but before validFrom.',
  }),
});
registerEnumType(MeetingKindEnum, {
  name: 'MeetingKind',
  description: 'Which meeting approved a BOARD_APPROVAL exception.',
  valuesConfig: describeValues({
    GENERAL: 'A general meeting of members.',
    BOARD: 'A board meeting.',
  }),
});
registerEnumType(RecipientKindEnum, {
  name: 'RecipientKind',
  description: 'Who an outside recipient is to the organisation.',
  valuesConfig: describeValues({
    CONTRACTOR: "Works for the organisation under contract (outsourcing); acts on the organisation's behalf.",
    THIRD_PARTY: 'Another organisation, for its own purposes.',
    AUTHORITY: 'A public authority (e.g. a court or the police).',
  }),
});
registerEnumType(IssueCodeEnum, {
  name: 'IssueCode',
  description: "What is wrong with one field's value (policy-core's validation issues).",
  valuesConfig: issueDescriptions({
    TOO_LONG: 'The value is longer than the field allows.',
    TOO_SHORT: 'The value is shorter than the field needs.',
    LAST_OWNER: 'The organisation must keep at least one active owner.',
    SELF_ACTION: 'An owner cannot do this to their own account (role, deactivation).',
    WEAK_PASSWORD: 'Long enough but easy to guess: a common password, a pattern, or the name or e-mail.',
    FORMULA: 'An imported cell a spreadsheet would run as a formula (starts with =, +, - or @).',
  }),
});

export const CookieCategoryEnum = asEnum(COOKIE_CATEGORIES);
export const CookieStorageKindEnum = asEnum(COOKIE_STORAGE_KINDS);
export const CookieConsentActionEnum = asEnum(COOKIE_CONSENT_ACTIONS);
registerEnumType(CookieCategoryEnum, {
  name: 'CookieCategory',
  description: 'Cookie categories of policy clause 6; STRICTLY_NECESSARY cannot be refused.',
  valuesConfig: describeValues({
    STRICTLY_NECESSARY: 'Needed for the site to work and to remember the cookie choice; always on.',
    FUNCTIONAL: 'Remember settings such as the language.',
    ANALYTICS: 'Measure how the site is used.',
    MARKETING: 'Show announcements on this and other sites.',
  }),
});
registerEnumType(CookieStorageKindEnum, {
  name: 'CookieStorageKind',
  description: "Where a declared tracker keeps its data in the visitor's browser.",
  valuesConfig: describeValues({
    COOKIE: 'An HTTP cookie.',
    LOCAL_STORAGE: "The browser's localStorage (kept until deleted).",
    SESSION_STORAGE: "The browser's sessionStorage (kept until the tab closes).",
    INDEXED_DB: 'An IndexedDB database.',
    PIXEL: 'A tracking pixel (an image loaded from another site); stores nothing itself.',
  }),
});
registerEnumType(CookieConsentActionEnum, {
  name: 'CookieConsentAction',
  description: "What a visitor's cookie consent event records.",
  valuesConfig: describeValues({
    CHOOSE: 'The visitor chose which categories to accept.',
    WITHDRAW: 'The visitor withdrew every optional category.',
  }),
});
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
    LEDGER_TREE_BUILD: {
      description:
        "Builds the ledger's Merkle tree over entries written before it existed, in batches; enqueued at start while the tree lags the ledger.",
    },
    INCIDENT_REPORT_REMINDERS: {
      description:
        'Daily: mails owners and privacy officers about incidents whose report to the Commission is due soon or overdue, once per incident, report and state.',
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
    INCIDENT_REPORT_DUE_SOON: {
      description: "An open incident's preliminary or final report to the Commission is due within a few days.",
    },
    INCIDENT_REPORT_OVERDUE: {
      description: "An open incident's preliminary or final report to the Commission is past its due date.",
    },
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

/**
 * policy-core's English message catalogue: ICU MessageFormat strings, one per key. Pure data, no
 * imports; `ja.ts` has exactly these keys (the compiler and messages.test.ts check it).
 *
 * - `issue.<IssueCode>`: the generic phrase for a validation issue.
 * - `reason.<DecisionReasonCode>`: a decision's reason, with the reason's `params` as arguments.
 *   Reasons and issues use only plain `{name}` arguments and `select` (never plural, number or
 *   date formats, never apostrophe quoting): policy-core formats its own English fallback with
 *   `formatPlain` (format.ts), which knows exactly that subset.
 * - `<namespace>.<VALUE>`: the label of every vocabulary value (see LABEL_VOCABULARIES in index.ts).
 */
export const en = {
  // Validation issues (ISSUE_CODES).
  'issue.REQUIRED': 'A value is required.',
  'issue.TOO_LONG': 'The value is too long (at most {max}).',
  'issue.TOO_SHORT': 'The value is too short (at least {min}).',
  'issue.INVALID_FORMAT': 'The value is not in the expected format.',
  'issue.CONTROL_CHARACTERS': 'The value contains control or invisible characters.',
  'issue.DUPLICATE': 'The same value is given more than once.',
  'issue.UNKNOWN_PURPOSE': 'There is no such purpose of use.',
  'issue.RETIRED_PURPOSE': 'The purpose of use is retired.',
  'issue.NO_PURPOSE': 'Specify at least one purpose of use.',
  'issue.CONSENT_MISSING': 'The provider consented to none of the purposes of use.',
  'issue.CATEGORY_NOT_NEEDED': 'No specified purpose of use needs this item.',
  'issue.CATEGORY_ONLY_FOR_REFUSED_PURPOSE': 'This item is needed only for purposes the provider did not consent to.',
  'issue.POLICY_VERSION_NOT_CURRENT': 'The consent was not given under the privacy policy in force.',
  'issue.NO_ITEMS': 'Give at least one item of personal information.',
  'issue.NO_CHANGE': 'Nothing would change.',
  'issue.NOT_GRANTED': 'Consent has not been granted.',
  'issue.PROVENANCE_REQUIRED': 'Say where the provider made this information public.',
  'issue.INVALID_TRANSITION': 'This change of status is not allowed.',
  'issue.INVALID_VALUE': 'The value is not valid.',
  'issue.IDENTITY_NOT_VERIFIED': 'The identity of the requester has not been verified.',
  'issue.UNKNOWN_CATEGORY': 'There is no such category.',
  'issue.REQUIRED_CATEGORY_REFUSED': 'A required category cannot be refused.',
  'issue.ROLE_NOT_ALLOWED': 'Your role does not allow this.',
  'issue.SELF_APPROVAL': 'A second person must approve what you drafted.',
  'issue.SCOPE_MISMATCH': 'The scope does not match the evidence.',
  'issue.NOT_YET_HAPPENED': 'The evidence refers to something that has not happened yet.',
  'issue.LAST_OWNER': 'The organisation must keep at least one active owner.',
  'issue.SELF_ACTION': 'You cannot do this to your own account.',
  'issue.WEAK_PASSWORD': 'The password is easy to guess.',
  'issue.FORMULA': 'The value would run as a spreadsheet formula (it starts with =, +, - or @).',

  // Decision reasons (DECISION_REASON_CODES); `category` is a data category's label (localizeParams).
  'reason.CONSENT_GRANTED': 'Consent to "{purpose}" is granted.',
  'reason.CONSENT_NOT_GRANTED':
    '{consent, select, OUTDATED {Consent to "{purpose}" was given before policy version {changedInVersion} changed the purpose, so it must be granted again.} OTHER_PURPOSE {The consent supplied is for another purpose, not for "{purpose}".} REFUSED {Consent to "{purpose}" was refused.} WITHDRAWN {Consent to "{purpose}" was withdrawn.} other {Consent to "{purpose}" has not been asked for.}}',
  'reason.CATEGORY_NOT_IN_PURPOSE': 'The purpose "{purpose}" does not need {category}.',
  'reason.PURPOSE_RETIRED': 'The purpose "{purpose}" is retired.',
  'reason.PUBLICLY_AVAILABLE': '{category} was made public by the provider.',
  'reason.PURPOSE_NOT_STATED':
    '"{purpose}" is not a stated purpose: only a permitted exception in effect can allow it.',
  'reason.NO_CATEGORIES_REQUESTED': 'No data categories were requested.',
  'reason.RECIPIENT_REQUIRED': 'A provision must name its recipient.',
  'reason.RECIPIENT_GIVEN_FOR_USE': 'A use has no recipient; to hand data to "{recipient}", decide a provision.',
  'reason.PROVISION_NEEDS_EXCEPTION':
    'Consent to "{purpose}" does not allow providing data to "{recipient}": a permitted exception must cover it.',
  'reason.NO_EXCEPTION_APPLIES':
    '{exceptions, select, NONE_SUPPLIED {No permitted exception was supplied.} NO_LAW_SUPPLIED {No legal-requirement exception was supplied.} other {No permitted exception in effect covers this request.}}',
  'reason.EXCEPTION_APPLIES':
    '{action, select, PROVIDE {The exception "{exception}" covers {category} for provision to "{recipient}" for "{purpose}".} other {The exception "{exception}" covers {category} for use for "{purpose}".}}',
  'reason.EXCEPTION_NOT_IN_EFFECT':
    'The exception "{exception}" is not in effect ({status, select, DRAFT {not approved} REVOKED {revoked} EXPIRED {expired} NOT_YET_VALID {not yet valid} other {{status}}}).',
  'reason.EXCEPTION_PROVIDER_NOT_COVERED': 'The exception "{exception}" does not cover provider "{provider}".',
  'reason.EXCEPTION_PURPOSE_NOT_COVERED': 'The exception "{exception}" does not cover the purpose "{purpose}".',
  'reason.EXCEPTION_RECIPIENT_NOT_COVERED':
    '{scope, select, INTERNAL_USE {The exception "{exception}" covers internal use only, not provision to "{recipient}".} other {The exception "{exception}" does not cover provision to "{recipient}".}}',
  'reason.EXCEPTION_CATEGORY_NOT_COVERED': 'The exception "{exception}" does not cover {category}.',
  'reason.EXCEPTION_PURPOSE_BASIS_MISSING':
    'The exception "{exception}" serves "{purpose}", but {category} may not be used for it: {useReason, select, CONSENT_NOT_GRANTED {consent to the purpose is not granted} CATEGORY_NOT_IN_PURPOSE {the purpose does not need it} PURPOSE_RETIRED {the purpose is retired} other {there is no basis for it}}.',
  'reason.EXCEPTION_AGREEMENT_WITHDRAWN':
    'The exception "{exception}" no longer stands for provider "{provider}": they withdrew or refused the consent it cites.',
  'reason.DIFFERENT_BASIS':
    '{category} is allowed on another basis ({basis, select, CONSENT {consent to "{purpose}"} PUBLICLY_AVAILABLE {made public by the provider} other {the exception "{exception}"}}): one decision has one basis, so request {category} separately.',
  'reason.CEASED_ON_REQUEST':
    '{action, select, PROVIDE {The provider asked the organisation to stop providing their data to "{recipient}"; only a legal requirement still applies.} other {The provider asked the organisation to stop using their data for "{purpose}"; only a legal requirement still applies.}}',

  'providerKind.RELATED_PERSONNEL': 'Related personnel',
  'providerKind.BUSINESS_USER': 'Business user',
  'providerKind.SERVICE_USER': 'Service user',

  'fieldFormat.TEXT': 'Text',
  'fieldFormat.EMAIL': 'E-mail address',
  'fieldFormat.TELEPHONE': 'Telephone number',
  'fieldFormat.POSTAL_CODE': 'Postal code',
  'fieldFormat.IDENTIFIER': 'Identifier',
  'fieldFormat.READING': 'Reading (kana or Latin letters)',

  'dataCategory.NAME': 'Name',
  'dataCategory.NAME_READING': 'Name reading (furigana)',
  'dataCategory.POSTAL_CODE': 'Postal code',
  'dataCategory.POSTAL_ADDRESS': 'Postal address',
  'dataCategory.EMAIL': 'E-mail address',
  'dataCategory.TELEPHONE': 'Telephone number',
  'dataCategory.FAX': 'Fax number',
  'dataCategory.AFFILIATION': 'Affiliation',
  'dataCategory.MEMBERSHIP_NUMBER': 'Membership number',
  'dataCategory.COOKIE_IDENTIFIER': 'Cookie identifier',

  'dataCategoryDescription.NAME': "The provider's full name.",
  'dataCategoryDescription.NAME_READING':
    'How the name is read, in kana or Latin letters, as the provider wrote it (never derived from kanji).',
  'dataCategoryDescription.POSTAL_CODE': 'Postal code of the mailing address.',
  'dataCategoryDescription.POSTAL_ADDRESS': 'Mailing address, possibly over several lines.',
  'dataCategoryDescription.EMAIL': 'E-mail address for correspondence.',
  'dataCategoryDescription.TELEPHONE': 'Telephone number for contact.',
  'dataCategoryDescription.FAX': 'Fax number, usually an office line.',
  'dataCategoryDescription.AFFILIATION': 'Organisation, department or school.',
  'dataCategoryDescription.MEMBERSHIP_NUMBER': "The society's membership number.",
  'dataCategoryDescription.COOKIE_IDENTIFIER': 'Identifier stored in a browser cookie.',

  'sensitivity.LOW': 'Low',
  'sensitivity.MEDIUM': 'Medium',
  'sensitivity.HIGH': 'High',

  'consentAction.GRANT': 'Granted',
  'consentAction.REFUSE': 'Refused',
  'consentAction.WITHDRAW': 'Withdrew',

  'consentState.GRANTED': 'Granted',
  'consentState.REFUSED': 'Refused',
  'consentState.WITHDRAWN': 'Withdrawn',
  'consentState.NOT_ASKED': 'Not asked',

  'consentMethod.WEB_CHECKBOX': 'Web form checkbox',
  'consentMethod.SIGNED_FORM': 'Signed form',
  'consentMethod.EMAIL_REPLY': 'E-mail reply',
  'consentMethod.VERBAL': 'Verbal',

  'channel.WEB_FORM': 'Web form',
  'channel.PAPER_FORM': 'Paper form',
  'channel.EMAIL': 'E-mail',
  'channel.EVENT': 'Event',
  'channel.PARTNER_SYSTEM': 'Partner system',
  'channel.TELEPHONE': 'Telephone',
  'channel.IMPORT': 'Import',

  'clause.COLLECTION': 'Collection of Personal Information',
  'clause.PURPOSE_OF_USE': 'Purpose of Use',
  'clause.MANAGEMENT': 'Management of Personal Information',
  'clause.DISCLOSURE_AND_AMENDMENT': 'Disclosure and Amendment of Personal Information',
  'clause.WEBSITE_USE': 'Use of Information on Websites',
  'clause.COOKIES': 'Cookies',
  'clause.CHANGES': 'Changes in the Privacy Policy',
  'clause.INQUIRIES': 'Inquiries Regarding the Handling of Personal Information',

  'exceptionKind.LAW': 'Required by law',
  'exceptionKind.PROVIDER_AGREEMENT': 'Agreed to by the provider',
  'exceptionKind.OUTSOURCING': 'Outsourcing to complete a stated purpose',
  'exceptionKind.BOARD_APPROVAL': 'Approved by a general or board meeting',

  'exceptionStatus.DRAFT': 'Draft',
  'exceptionStatus.ACTIVE': 'Active',
  'exceptionStatus.REVOKED': 'Revoked',
  'exceptionStatus.EXPIRED': 'Expired',
  'exceptionStatus.NOT_YET_VALID': 'Not yet valid',

  'meetingKind.GENERAL': 'General meeting',
  'meetingKind.BOARD': 'Board meeting',

  'role.OWNER': 'Owner',
  'role.PRIVACY_OFFICER': 'Privacy officer',
  'role.VIEWER': 'Viewer',

  'recipientKind.CONTRACTOR': 'Contractor',
  'recipientKind.THIRD_PARTY': 'Third party',
  'recipientKind.AUTHORITY': 'Authority',

  'decisionAction.USE': 'Use',
  'decisionAction.PROVIDE': 'Provision to a third party',

  'requestKind.DISCLOSURE': 'Disclosure',
  'requestKind.AMENDMENT': 'Amendment',
  'requestKind.CESSATION': 'Cessation of use',

  'requestStatus.RECEIVED': 'Received',
  'requestStatus.VERIFYING': 'Verifying identity',
  'requestStatus.IN_PROGRESS': 'In progress',
  'requestStatus.COMPLETED': 'Completed',
  'requestStatus.REJECTED': 'Rejected',

  // Request and inquiry channels share these labels (an inquiry uses all but IN_PERSON).
  'requestChannel.WEB_FORM': 'Web form',
  'requestChannel.POST': 'Post',
  'requestChannel.TELEPHONE': 'Telephone',
  'requestChannel.FAX': 'Fax',
  'requestChannel.EMAIL': 'E-mail',
  'requestChannel.IN_PERSON': 'In person',

  'verificationMethod.ID_DOCUMENT': 'Identity document',
  'verificationMethod.KNOWN_EMAIL_CONFIRMATION': 'Confirmation via the e-mail address on record',
  'verificationMethod.MEMBERSHIP_RECORD': 'Match with the membership record',
  'verificationMethod.IN_PERSON': 'In person',

  'requestUrgency.OVERDUE': 'Overdue',
  'requestUrgency.DUE_SOON': 'Due soon',
  'requestUrgency.ON_TRACK': 'On track',
  'requestUrgency.CLOSED': 'Closed',

  'inquiryStatus.NEW': 'New',
  'inquiryStatus.IN_PROGRESS': 'In progress',
  'inquiryStatus.ANSWERED': 'Answered',
  'inquiryStatus.CLOSED': 'Closed',

  'inquiryReplyKind.NOTE': 'Internal note',
  'inquiryReplyKind.ANSWER': 'Answer',

  'cookieCategory.STRICTLY_NECESSARY': 'Strictly necessary',
  'cookieCategory.FUNCTIONAL': 'Functional',
  'cookieCategory.ANALYTICS': 'Analytics',
  'cookieCategory.MARKETING': 'Marketing',

  'cookieCategoryDescription.STRICTLY_NECESSARY':
    'Needed for the site to work and to remember your cookie choice. They cannot be switched off.',
  'cookieCategoryDescription.FUNCTIONAL': 'Remember settings such as your language to make the site more convenient.',
  'cookieCategoryDescription.ANALYTICS': 'Help us understand how the site is used so that we can improve it.',
  'cookieCategoryDescription.MARKETING': 'Used to show you relevant announcements on this and other sites.',

  'cookieStorageKind.COOKIE': 'Cookie',
  'cookieStorageKind.LOCAL_STORAGE': 'Local storage',
  'cookieStorageKind.SESSION_STORAGE': 'Session storage',
  'cookieStorageKind.INDEXED_DB': 'IndexedDB',
  'cookieStorageKind.PIXEL': 'Tracking pixel',

  'cookieConsentAction.CHOOSE': 'Choice recorded',
  'cookieConsentAction.WITHDRAW': 'Consent withdrawn',

  'jobKind.LEDGER_VERIFICATION': 'Ledger verification',
  'jobKind.LIST_EXPORT': 'CSV export',
  'jobKind.EXPORT_PURGE': 'Expired export purge',

  'exportList.PROVIDERS': 'Providers',
  'exportList.PROVIDER_REQUESTS': 'Provider requests',
  'exportList.INQUIRIES': 'Inquiries',
  'exportList.PERMITTED_EXCEPTIONS': 'Permitted exceptions',
  'exportList.RECIPIENTS': 'Recipients',
  'exportList.AUDIT_LOG': 'Audit log',
  'exportList.LEDGER_ENTRIES': 'Ledger entries',
  'jobKind.MAIL_DELIVERY': 'E-mail delivery',
  'jobKind.REQUEST_DUE_REMINDERS': 'Request due-date reminders',

  'mailKind.APPROVAL_WAITING': 'Approval waiting',
  'mailKind.REQUEST_DUE_SOON': 'Request due soon',
  'mailKind.REQUEST_OVERDUE': 'Request overdue',
  'mailKind.INQUIRY_RECEIVED': 'New inquiry',
  'mailKind.STAFF_INVITATION': 'Staff invitation',
  'mailKind.PASSWORD_RESET': 'Password reset',
  'mailStatus.QUEUED': 'Queued',
  'mailStatus.SENT': 'Sent',
  'mailStatus.FAILED': 'Failed',
  'mailStatus.NOT_SENT': 'Not sent (no SMTP server configured)',
  'jobKind.MEMBER_IMPORT': 'Import of members',
  'jobKind.LEDGER_TREE_BUILD': "Building the ledger's Merkle tree",

  'jobStatus.QUEUED': 'Queued',
  'jobStatus.RUNNING': 'Running',
  'jobStatus.SUCCEEDED': 'Succeeded',
  'jobStatus.FAILED': 'Failed',
  'jobStatus.CANCELLED': 'Cancelled',

  'language.ja': 'Japanese',
  'language.en': 'English',

  'documentKind.DISCLOSURE': 'Disclosure of personal information held',
  'documentKind.CONSENT_RECEIPT': 'Consent receipt',

  'ledgerKind.COLLECTION': 'Collection',
  'ledgerKind.CONSENT': 'Consent',
  'ledgerKind.USE': 'Use',
  'ledgerKind.PROVISION': 'Provision to a third party',
  'ledgerKind.DECISION': 'Decision',
  'ledgerKind.POLICY': 'Privacy policy',
  'ledgerKind.RESTORE': 'Restore from a backup',

  'ledgerOutcome.RECORDED': 'Recorded',
  'ledgerOutcome.ALLOWED': 'Allowed',
  'ledgerOutcome.DENIED': 'Denied',

  'useBasis.CONSENT': 'Your consent',
  'useBasis.PUBLICLY_AVAILABLE': 'Publicly available information',
  'useBasis.EXCEPTION': 'An exception under the policy',

  'dataItemChangeAction.ADD': 'Added',
  'dataItemChangeAction.UPDATE': 'Corrected',
  'dataItemChangeAction.REMOVE': 'Deleted',

  'actorKind.STAFF': '{name} (staff, {role})',
  'actorKind.RECIPIENT_SYSTEM': "{name} (the recipient's system, with a partner key)",
  'actorKind.INTERNAL_SYSTEM': 'Internal system {name}',
  'actorKind.STEWARD': 'Steward, recording automatically',
  'actorKind.UNKNOWN': 'Unknown (no longer on record)',

  'disclosureSection.provider': 'About you',
  'disclosureSection.dataItems': 'Personal information held',
  'disclosureSection.collections': 'Collections',
  'disclosureSection.consents': 'Your consents',
  'disclosureSection.consentEvents': 'Consent history',
  'disclosureSection.ledger': 'Record of use and provision',
  'disclosureSection.recipients': 'Recipients',
  'disclosureSection.requests': 'Your requests',
  'disclosureSection.amendments': 'Amendments',
  'disclosureSection.cessations': 'Cessations of use',
  'disclosureSection.inquiries': 'Inquiries',
  'disclosureSection.cookieConsents': 'Cookie consents',
} as const;

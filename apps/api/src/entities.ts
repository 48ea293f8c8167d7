import { AuditEntry } from './audit/audit-entry.entity.js';
import { AuditProviderLink } from './audit/audit-provider-link.entity.js';
import { AdminSession } from './auth/admin-session.entity.js';
import { AdminUser } from './auth/admin-user.entity.js';
import { RecoveryCode } from './auth/recovery-code.entity.js';
import { StaffInvitation } from './auth/staff-invitation.entity.js';
import { CollectionRecord } from './collection/collection-record.entity.js';
import { SystemSetting } from './common/system-setting.entity.js';
import { RateLimitCounter } from './common/limits/rate-limit-counter.entity.js';
import { ChangeStamp } from './common/facts/change-stamp.entity.js';
import { ConsentEvent } from './consent/consent-event.entity.js';
import { ConsentStateRow } from './consent/consent-state.entity.js';
import { Organisation } from './organisation/organisation.entity.js';
import { PolicyVersion } from './policy/policy-version.entity.js';
import { PersonalDataItem } from './providers/personal-data-item.entity.js';
import { Provider } from './providers/provider.entity.js';
import { SearchToken } from './providers/search-token.entity.js';
import { LedgerCheckpoint } from './ledger/ledger-checkpoint.entity.js';
import { LedgerEntry } from './ledger/ledger-entry.entity.js';
import { LedgerHead } from './ledger/ledger-head.entity.js';
import { LedgerTreeHead } from './ledger/ledger-tree-head.entity.js';
import { LedgerTreeNode } from './ledger/ledger-tree-node.entity.js';
import { LedgerProviderState } from './ledger/ledger-provider-state.entity.js';
import { PermittedException } from './exceptions/permitted-exception.entity.js';
import { PartnerCredential } from './recipients/partner-credential.entity.js';
import { Recipient } from './recipients/recipient.entity.js';
import { SystemCredential } from './systems/system-credential.entity.js';
import { DataCategoryEntity } from './purposes/data-category.entity.js';
import { Purpose } from './purposes/purpose.entity.js';
import { Inquiry } from './inquiries/inquiry.entity.js';
import { InquiryReply } from './inquiries/inquiry-reply.entity.js';
import { CookieCategoryEntity } from './cookies/cookie-category.entity.js';
import { CookieDeclaration } from './cookies/cookie-declaration.entity.js';
import { CookieSite } from './cookies/cookie-site.entity.js';
import { CookieConsentEvent } from './cookies/cookie-consent.entity.js';
import { DataItemChange } from './requests/data-item-change.entity.js';
import { ProviderCessation } from './requests/provider-cessation.entity.js';
import { ProviderRequest } from './requests/provider-request.entity.js';
import { RequestStatusChange } from './requests/request-status-change.entity.js';
import { Job } from './jobs/job.entity.js';
import { ExportFile } from './exports/export-file.entity.js';
import { MailMessage } from './mail/mail-message.entity.js';
import { MailOptOut } from './mail/mail-opt-out.entity.js';
import { ImportFile } from './imports/import-file.entity.js';
import { ExportProvider } from './exports/export-provider.entity.js';
import { Incident } from './incidents/incident.entity.js';
import { IncidentProvider } from './incidents/incident-provider.entity.js';
import { IncidentStep } from './incidents/incident-step.entity.js';
import { IncidentNotification } from './incidents/incident-notification.entity.js';

/** Every entity, listed explicitly (no folder scanning: the same list works in dist/ and in tests). */
export const entities = [
  SystemSetting,
  RateLimitCounter,
  ChangeStamp,
  Organisation,
  PolicyVersion,
  DataCategoryEntity,
  Purpose,
  Provider,
  PersonalDataItem,
  SearchToken,
  CollectionRecord,
  ConsentEvent,
  ConsentStateRow,
  AdminUser,
  AdminSession,
  StaffInvitation,
  RecoveryCode,
  AuditEntry,
  AuditProviderLink,
  LedgerEntry,
  LedgerHead,
  LedgerCheckpoint,
  LedgerTreeNode,
  LedgerTreeHead,
  LedgerProviderState,
  Recipient,
  PartnerCredential,
  SystemCredential,
  PermittedException,
  Inquiry,
  InquiryReply,
  CookieCategoryEntity,
  CookieSite,
  CookieDeclaration,
  CookieConsentEvent,
  ProviderRequest,
  RequestStatusChange,
  DataItemChange,
  ProviderCessation,
  Job,
  ExportFile,
  MailMessage,
  MailOptOut,
  ImportFile,
  ExportProvider,
  Incident,
  IncidentProvider,
  IncidentStep,
  IncidentNotification,
];

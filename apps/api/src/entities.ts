import { AuditEntry, AuditProviderLink } from './audit/audit-entry.entity.js';
import { AdminSession } from './auth/admin-session.entity.js';
import { AdminUser } from './auth/admin-user.entity.js';
import { CollectionRecord } from './collection/collection-record.entity.js';
import { SystemSetting } from './common/system-setting.entity.js';
import { ConsentEvent } from './consent/consent-event.entity.js';
import { ConsentStateRow } from './consent/consent-state.entity.js';
import { Organisation } from './organisation/organisation.entity.js';
import { PolicyVersion } from './policy/policy-version.entity.js';
import { PersonalDataItem } from './providers/personal-data-item.entity.js';
import { Provider } from './providers/provider.entity.js';
import { SearchToken } from './providers/search-token.entity.js';
import { LedgerCheckpoint, LedgerEntry, LedgerHead } from './ledger/ledger.entity.js';
import { PermittedException } from './exceptions/permitted-exception.entity.js';
import { PartnerCredential, Recipient } from './recipients/recipient.entity.js';
import { SystemCredential } from './systems/system-credential.entity.js';
import { DataCategoryEntity } from './purposes/data-category.entity.js';
import { Purpose } from './purposes/purpose.entity.js';
import { Inquiry, InquiryReply } from './inquiries/inquiry.entity.js';
import { CookieCategoryEntity, CookieDeclaration, CookieSite } from './cookies/cookie-site.entity.js';
import { CookieConsentEvent } from './cookies/cookie-consent.entity.js';
import {
  DataItemChange,
  ProviderCessation,
  ProviderRequest,
  RequestStatusChange,
} from './requests/provider-request.entity.js';

/** Every entity, listed explicitly (no folder scanning: the same list works in dist/ and in tests). */
export const entities = [
  SystemSetting,
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
  AuditEntry,
  AuditProviderLink,
  LedgerEntry,
  LedgerHead,
  LedgerCheckpoint,
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
];

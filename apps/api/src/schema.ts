import 'reflect-metadata';
import { DateTimeResolver } from 'graphql-scalars';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuditResolver } from './audit/audit.resolver.js';
import { AccountResolver } from './auth/account.resolver.js';
import { AuthResolver } from './auth/auth.resolver.js';
import { StaffResolver } from './auth/staff.resolver.js';
import { CollectionResolver } from './collection/collection.resolver.js';
import { authChecker } from './common/auth-checker.js';
import './common/enums.js';
import { ConsentResolver } from './consent/consent.resolver.js';
import { ExceptionScopeResolver } from './exceptions/exception-scope.resolver.js';
import { ExceptionResolver } from './exceptions/exception.resolver.js';
import { DecisionBasisResolver } from './decisions/decision-basis.resolver.js';
import { DecisionResolver } from './decisions/decision.resolver.js';
import { JobResolver } from './jobs/job.resolver.js';
import { ExportResolver } from './exports/export.resolver.js';
import { MailResolver } from './mail/mail.resolver.js';
import { LedgerEntryResolver } from './ledger/ledger-entry.resolver.js';
import { ImportResolver } from './imports/import.resolver.js';
import { LedgerResolver } from './ledger/ledger.resolver.js';
import { LedgerTreeResolver } from './ledger/ledger-tree.resolver.js';
import { PartnerDataItemResolver, PartnerResolver } from './partners/partner.resolver.js';
import { PartnerChangesResolver } from './partners/changes/partner-changes.resolver.js';
import { OrganisationResolver } from './organisation/organisation.resolver.js';
import {
  OrganisationContactDriftResolver,
  PolicyVersionContactDriftResolver,
} from './organisation/contact-drift.resolver.js';
import { ProviderRefResolver } from './names/names.resolver.js';
import { InquiryProviderNameResolver, RequestProviderNameResolver } from './names/provider-name.resolvers.js';
import { PolicyResolver } from './policy/policy.resolver.js';
import { ProviderResolver } from './providers/provider.resolver.js';
import { PurposeResolver } from './purposes/purpose.resolver.js';
import { RecipientResolver } from './recipients/recipient.resolver.js';
import { SystemCredentialResolver } from './systems/system-credential.resolver.js';
import { InquiryResolver } from './inquiries/inquiry.resolver.js';
import { IncidentResolver, IncidentStepResolver } from './incidents/incident.resolver.js';
import { CookieAdminResolver, CookieConsentResolver } from './cookies/cookie.resolver.js';
import { DisclosurePackageResolver, RequestResolver } from './requests/request.resolver.js';
import { WorkQueueResolver } from './work/work-queue.resolver.js';

export const resolvers = [
  AuthResolver,
  StaffResolver,
  AccountResolver,
  OrganisationResolver,
  OrganisationContactDriftResolver,
  PolicyVersionContactDriftResolver,
  PolicyResolver,
  PurposeResolver,
  ProviderResolver,
  ProviderRefResolver,
  RequestProviderNameResolver,
  InquiryProviderNameResolver,
  CollectionResolver,
  ConsentResolver,
  AuditResolver,
  JobResolver,
  ExportResolver,
  MailResolver,
  ImportResolver,
  LedgerResolver,
  LedgerTreeResolver,
  LedgerEntryResolver,
  DecisionResolver,
  DecisionBasisResolver,
  RecipientResolver,
  SystemCredentialResolver,
  ExceptionResolver,
  ExceptionScopeResolver,
  PartnerResolver,
  PartnerDataItemResolver,
  PartnerChangesResolver,
  InquiryResolver,
  CookieConsentResolver,
  CookieAdminResolver,
  RequestResolver,
  DisclosurePackageResolver,
  WorkQueueResolver,
  IncidentResolver,
  IncidentStepResolver,
] as const;

let built: Promise<GraphQLSchema> | null = null;

/** The schema is built once per process (type-graphql metadata is global). */
export function stewardSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
  });
  return built;
}

import { AuditLogService } from './audit/audit-log.service.js';
import { AccountService } from './auth/account.service.js';
import { AuthService } from './auth/auth.service.js';
import { InvitationService } from './auth/invitation.service.js';
import { MfaService } from './auth/mfa.service.js';
import { StaffService } from './auth/staff.service.js';
import { CollectionService } from './collection/collection.service.js';
import { requireActor, requireCaller, requirePartner, requireSession } from './common/auth-checker.js';
import { ConsentService } from './consent/consent.service.js';
import type { Context } from './context.js';
import { CookieAdminService } from './cookies/cookie-admin.service.js';
import { CookieConsentService } from './cookies/cookie-consent.service.js';
import { DecisionService } from './decisions/decision.service.js';
import { ExportService } from './exports/export.service.js';
import { ExceptionService } from './exceptions/exception.service.js';
import { InquiryService } from './inquiries/inquiry.service.js';
import { IncidentService } from './incidents/incident.service.js';
import { JobService } from './jobs/job.service.js';
import { MailService } from './mail/mail.service.js';
import { ImportService } from './imports/import.service.js';
import { LedgerExplorerService } from './ledger/ledger-explorer.service.js';
import { pendingDisclosures } from './ledger/disclosures.js';
import { LedgerService } from './ledger/ledger.service.js';
import { LedgerTreeService } from './ledger/ledger-tree.service.js';
import { ProviderEvidenceService } from './ledger/provider-evidence.service.js';
import { NameService } from './names/names.service.js';
import { OrganisationService } from './organisation/organisation.service.js';
import { ContactDriftService } from './organisation/contact-drift.service.js';
import { PartnerService } from './partners/partner.service.js';
import { PartnerChangesService } from './partners/changes/partner-changes.service.js';
import { PolicyImpactService } from './policy/policy-impact.service.js';
import { PolicyService } from './policy/policy.service.js';
import { ProviderService } from './providers/provider.service.js';
import { PurposeService } from './purposes/purpose.service.js';
import { RecipientService } from './recipients/recipient.service.js';
import { AmendmentService } from './requests/amendment.service.js';
import { CessationService } from './requests/cessation.service.js';
import { DisclosureService } from './requests/disclosure.service.js';
import { ProviderRightsService } from './requests/provider-rights.service.js';
import { RequestIntakeService } from './requests/request-intake.service.js';
import { RequestSettingsService } from './requests/request-settings.js';
import { RequestService } from './requests/request.service.js';
import { SystemCredentialService } from './systems/system-credential.service.js';
import { WorkQueueService } from './work/work-queue.service.js';

/**
 * How each service is made from a request's context. The screens' services take the request's
 * EntityManager (`ctx.em`, forked on first use, so only a service that is made forks it); the hot
 * paths (decisions, partners, the cookie banner) take the root one for lean SQL (`ctx.db`). A
 * service that needs a caller of one kind asks for it here (`requireActor`, `requirePartner`,
 * `requireCaller`), when the resolver first uses it.
 */
const MAKE = {
  // Own account and second factor: also for a restricted session (the steps that lift the restriction).
  account: (ctx: Context) => new AccountService(ctx.em, requireSession(ctx), ctx.deps, ctx.secretAttempts),
  invitation: (ctx: Context) => new InvitationService(ctx.em, null, ctx.deps),
  mfa: (ctx: Context) => new MfaService(ctx.em, ctx.actor, ctx.deps, ctx.secretAttempts),
  staff: (ctx: Context) => new StaffService(ctx.em, requireActor(ctx), ctx.deps),
  amendment: (ctx: Context) => new AmendmentService(ctx.em, ctx.actor, ctx.deps),
  audit: (ctx: Context) => new AuditLogService(ctx.em),
  auth: (ctx: Context) => new AuthService(ctx.em, ctx.deps),
  cessation: (ctx: Context) => new CessationService(ctx.em, ctx.actor, ctx.deps),
  collection: (ctx: Context) => new CollectionService(ctx.em, requireActor(ctx), ctx.deps),
  consent: (ctx: Context) => new ConsentService(ctx.em, requireActor(ctx), ctx.deps),
  cookieAdmin: (ctx: Context) => new CookieAdminService(ctx.em, ctx.actor, ctx.deps),
  contactDrift: (ctx: Context) => new ContactDriftService(ctx.em),
  cookieConsent: (ctx: Context) => new CookieConsentService(ctx.db, ctx.deps, () => ctx.em),
  decision: (ctx: Context) => new DecisionService(ctx.db, requireCaller(ctx), ctx.deps),
  disclosure: (ctx: Context) => new DisclosureService(ctx.em, ctx.actor, ctx.deps),
  exception: (ctx: Context) => new ExceptionService(ctx.em, ctx.actor, ctx.deps),
  export: (ctx: Context) => new ExportService(ctx.em, requireActor(ctx), ctx.deps),
  inquiry: (ctx: Context) => new InquiryService(ctx.em, ctx.actor, ctx.deps),
  incident: (ctx: Context) => new IncidentService(ctx.em, ctx.actor, ctx.deps),
  job: (ctx: Context) => new JobService(ctx.em, requireActor(ctx), ctx.deps),
  mail: (ctx: Context) => new MailService(ctx.em, requireActor(ctx), ctx.deps),
  imports: (ctx: Context) => new ImportService(ctx.em, requireActor(ctx), ctx.deps),
  ledger: (ctx: Context) => new LedgerService(ctx.em, ctx.deps),
  ledgerExplorer: (ctx: Context) => new LedgerExplorerService(ctx.em),
  ledgerTree: (ctx: Context) => new LedgerTreeService(ctx.em, ctx.deps),
  names: (ctx: Context) => new NameService(ctx.em, ctx.actor, ctx.deps),
  organisation: (ctx: Context) => new OrganisationService(ctx.em, requireActor(ctx), ctx.deps),
  partner: (ctx: Context) => new PartnerService(ctx.db, requirePartner(ctx), ctx.deps, pendingDisclosures(ctx)),
  partnerChanges: (ctx: Context) => new PartnerChangesService(ctx.db, requirePartner(ctx), ctx.deps),
  policy: (ctx: Context) => new PolicyService(ctx.em, ctx.actor, ctx.deps),
  policyImpact: (ctx: Context) => new PolicyImpactService(ctx.em),
  provider: (ctx: Context) => new ProviderService(ctx.em, ctx.actor, ctx.deps),
  providerEvidence: (ctx: Context) => new ProviderEvidenceService(ctx.em, requireActor(ctx), ctx.deps),
  providerRights: (ctx: Context) => new ProviderRightsService(ctx.em, ctx.actor, ctx.deps),
  purpose: (ctx: Context) => new PurposeService(ctx.em),
  recipient: (ctx: Context) => new RecipientService(ctx.em, ctx.actor, ctx.deps),
  request: (ctx: Context) => new RequestService(ctx.em, ctx.actor, ctx.deps),
  requestIntake: (ctx: Context) => new RequestIntakeService(ctx.em, ctx.actor, ctx.deps),
  requestSettings: (ctx: Context) => new RequestSettingsService(ctx.em, ctx.actor, ctx.deps),
  systemCredential: (ctx: Context) => new SystemCredentialService(ctx.em, ctx.actor, ctx.deps),
  // Lean counts only: the root EntityManager, no fork.
  workQueue: (ctx: Context) => new WorkQueueService(ctx.db, requireActor(ctx), ctx.deps),
} satisfies Record<string, (ctx: Context) => object>;

type Name = keyof typeof MAKE;

/** The request's services, each made the first time it is used and kept for the rest of the request. */
export type Services = { readonly [K in Name]: ReturnType<(typeof MAKE)[K]> };

/** The services made so far for one context. */
class Registry {
  readonly made: { [K in Name]?: Services[K] } = {};
  constructor(readonly ctx: Context) {}
}
for (const name of Object.keys(MAKE) as Name[]) {
  Object.defineProperty(Registry.prototype, name, {
    get(this: Registry) {
      const make = MAKE[name] as (ctx: Context) => Services[Name];
      return (this.made[name] ??= make(this.ctx) as never);
    },
  });
}

const registries = new WeakMap<Context, Services>();

/**
 * The request's services: `services(ctx).provider.get(id)`. One registry per context object — Apollo
 * gives each operation of a request its own copy of the context (which shares the request's one
 * EntityManager fork, request-context.ts), so an operation's resolvers share one instance of each
 * service.
 */
export function services(ctx: Context): Services {
  let registry = registries.get(ctx);
  if (!registry) registries.set(ctx, (registry = new Registry(ctx) as unknown as Services));
  return registry;
}

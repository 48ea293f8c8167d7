import type { RouteObject } from 'react-router';
import { AccountRoute } from '../routes/account.js';
import { OutboxRoute } from '../routes/outbox.js';
import { AdminUsersRoute } from '../routes/admin-users.js';
import { AuditRoute } from '../routes/audit.js';
import { HomeRoute } from '../routes/home.js';
import { ImportRoute } from '../routes/import.js';
import { JobsRoute } from '../routes/jobs.js';
import { LedgerRoute } from '../routes/ledger.js';
import { LedgerEntriesRoute } from '../routes/ledger-entries.js';
import { LedgerHeadsRoute } from '../routes/ledger-heads.js';
import { InvitationRoute } from '../routes/invitation.js';
import { LoginRoute } from '../routes/login.js';
import { NotFoundRoute } from '../routes/not-found.js';
import { PolicyRoute } from '../routes/policy.js';
import { ProviderRoute } from '../routes/provider.js';
import { ProvidersRoute } from '../routes/providers.js';
import { RecordCollectionRoute } from '../routes/record-collection.js';
import { DataCategoriesRoute, PurposesRoute } from '../routes/vocabulary.js';
import { DecisionTesterRoute } from '../routes/decision-tester.js';
import { EditExceptionRoute, ExceptionRoute, ExceptionsRoute, NewExceptionRoute } from '../routes/exceptions.js';
import { RecipientRoute, RecipientsRoute } from '../routes/recipients.js';
import { SystemsRoute } from '../routes/systems.js';
import { InquiriesRoute, InquiryRoute, NewInquiryRoute } from '../routes/inquiries.js';
import {
  EditIncidentRoute,
  IncidentReportRoute,
  IncidentRoute,
  IncidentsRoute,
  NewIncidentRoute,
} from '../routes/incidents.js';
import { OrganisationSettingsRoute } from '../routes/organisation-settings.js';
import { PolicyEditorRoute } from '../routes/policy-editor.js';
import { CookieSiteRoute, CookiesRoute } from '../routes/cookies.js';
import { RequestRoute, RequestsRoute } from '../routes/requests.js';
import { AuthGuard } from './auth-guard.js';

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginRoute /> },
  // Public: the one-time link an owner sends to a new member (the token is in the fragment).
  { path: '/invitation', element: <InvitationRoute /> },
  // The public pages (/privacy, /privacy/inquiry, /privacy/request) are the API's, server-rendered (apps/api/src/public-site).
  {
    element: <AuthGuard />,
    children: [
      // The landing page after sign-in: the home page of work.
      { index: true, element: <HomeRoute /> },
      { path: 'providers', element: <ProvidersRoute /> },
      { path: 'providers/:providerId', element: <ProviderRoute /> },
      { path: 'collections/new', element: <RecordCollectionRoute /> },
      { path: 'purposes', element: <PurposesRoute /> },
      { path: 'data-categories', element: <DataCategoriesRoute /> },
      { path: 'policy', element: <PolicyRoute /> },
      { path: 'audit', element: <AuditRoute /> },
      { path: 'ledger', element: <LedgerRoute /> },
      { path: 'ledger/entries', element: <LedgerEntriesRoute /> },
      { path: 'ledger/heads', element: <LedgerHeadsRoute /> },
      { path: 'jobs', element: <JobsRoute /> },
      { path: 'outbox', element: <OutboxRoute /> },
      { path: 'import', element: <ImportRoute /> },
      { path: 'admin-users', element: <AdminUsersRoute /> },
      { path: 'account', element: <AccountRoute /> },
      { path: 'exceptions', element: <ExceptionsRoute /> },
      { path: 'exceptions/new', element: <NewExceptionRoute /> },
      { path: 'exceptions/:exceptionId', element: <ExceptionRoute /> },
      { path: 'exceptions/:exceptionId/edit', element: <EditExceptionRoute /> },
      { path: 'recipients', element: <RecipientsRoute /> },
      { path: 'recipients/:recipientId', element: <RecipientRoute /> },
      { path: 'systems', element: <SystemsRoute /> },
      { path: 'decision-tester', element: <DecisionTesterRoute /> },
      { path: 'policy/edit', element: <PolicyEditorRoute /> },
      { path: 'inquiries', element: <InquiriesRoute /> },
      { path: 'inquiries/new', element: <NewInquiryRoute /> },
      { path: 'inquiries/:inquiryId', element: <InquiryRoute /> },
      { path: 'settings/organisation', element: <OrganisationSettingsRoute /> },
      { path: 'cookies', element: <CookiesRoute /> },
      { path: 'cookies/sites/:siteId', element: <CookieSiteRoute /> },
      { path: 'requests', element: <RequestsRoute /> },
      { path: 'requests/:requestId', element: <RequestRoute /> },
      { path: 'incidents', element: <IncidentsRoute /> },
      { path: 'incidents/new', element: <NewIncidentRoute /> },
      { path: 'incidents/:incidentId', element: <IncidentRoute /> },
      { path: 'incidents/:incidentId/edit', element: <EditIncidentRoute /> },
      { path: 'incidents/:incidentId/report/:kind', element: <IncidentReportRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

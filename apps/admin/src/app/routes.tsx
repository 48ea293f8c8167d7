import { Navigate, type RouteObject } from 'react-router';
import { AdminUsersRoute } from '../routes/admin-users.js';
import { AuditRoute } from '../routes/audit.js';
import { LedgerRoute } from '../routes/ledger.js';
import { LoginRoute } from '../routes/login.js';
import { NotFoundRoute } from '../routes/not-found.js';
import { PolicyRoute } from '../routes/policy.js';
import { ProviderRoute } from '../routes/provider.js';
import { ProvidersRoute } from '../routes/providers.js';
import { RecordCollectionRoute } from '../routes/record-collection.js';
import { DataCategoriesRoute, PurposesRoute } from '../routes/vocabulary.js';
import { AuthGuard } from './auth-guard.js';

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginRoute /> },
  {
    element: <AuthGuard />,
    children: [
      { index: true, element: <Navigate to="/providers" replace /> },
      { path: 'providers', element: <ProvidersRoute /> },
      { path: 'providers/:providerId', element: <ProviderRoute /> },
      { path: 'collections/new', element: <RecordCollectionRoute /> },
      { path: 'purposes', element: <PurposesRoute /> },
      { path: 'data-categories', element: <DataCategoriesRoute /> },
      { path: 'policy', element: <PolicyRoute /> },
      { path: 'audit', element: <AuditRoute /> },
      { path: 'ledger', element: <LedgerRoute /> },
      { path: 'admin-users', element: <AdminUsersRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

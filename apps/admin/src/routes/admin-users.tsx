import { AdminUsersPage } from '../features/admin-users/AdminUsersPage.js';
import { useCanManageUsers } from '../features/session/session-context.js';
import { ReadOnlyNotice } from './read-only.js';

export function AdminUsersRoute() {
  if (!useCanManageUsers()) return <ReadOnlyNotice reason="adminUsers" />;
  return <AdminUsersPage />;
}

import type { AdminUser } from './admin-user.entity.js';
import type { AdminUserType } from './admin-user.type.js';

export function presentAdminUser(user: AdminUser): AdminUserType {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    createdAt: user.createdAt,
    lastLoginAt: user.lastLoginAt,
  };
}

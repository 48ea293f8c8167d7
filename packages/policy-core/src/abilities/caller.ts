import { ROLE_CAN_WRITE, type AdminRole } from '../vocabulary/roles.js';

/** Who is asking: a signed-in admin. `null` (nobody, a partner or a system key) may do nothing. */
export type Caller = { readonly userId: string; readonly role: AdminRole };

/** Whether the caller may change anything at all (an owner or a privacy officer; never a viewer). */
export function callerCanWrite(caller: Caller | null): caller is Caller {
  return caller !== null && ROLE_CAN_WRITE[caller.role] === true;
}

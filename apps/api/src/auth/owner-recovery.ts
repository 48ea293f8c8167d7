import type { SqlEntityManager } from '@mikro-orm/knex';
import { normalizeEmail } from '@steward/policy-core';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { AuditService } from '../audit/audit.service.js';
import { inTransaction } from '../common/transaction.js';
import type { AppDeps } from '../context.js';
import { AdminUser } from './admin-user.entity.js';
import { MfaService } from './mfa.service.js';
import { hashPassword } from './password.js';

/** Who the audit trail names for what the server's operator does from the command line. */
export const OPERATOR_LABEL = 'operator (command line)';

const USAGE = `Usage: npm run owner:recover -- --email OWNER_EMAIL [--reset-password] [--reset-mfa]
       npm run owner:recover -- --email EMAIL --make-owner [--reset-password] [--reset-mfa]
       npm run owner:recover -- --list
  --reset-password  sets a temporary password (printed once); the owner must choose a new one at sign-in
  --reset-mfa       removes the owner's second factor and recovery codes (they enrol again if MFA is required)
  --make-owner      makes the account with this e-mail (any role) an owner again, e.g. when no active owner is left
Each ends every session of the account and reactivates it if it was deactivated. Each is audited as
"${OPERATOR_LABEL}".`;

/**
 * The operator's way back in when the organisation's owners cannot sign in (a forgotten password, a
 * lost phone) or none is left (the last one demoted or deactivated): run with the server's own
 * configuration on its machine. Resets apply to owner accounts, or to the account `--make-owner`
 * makes an owner; a deactivated account is reactivated too. Returns the exit code.
 */
export async function recoverOwner(
  em: SqlEntityManager,
  deps: AppDeps,
  argv: readonly string[],
  print: (line: string) => void,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        email: { type: 'string' },
        'reset-password': { type: 'boolean', default: false },
        'reset-mfa': { type: 'boolean', default: false },
        'make-owner': { type: 'boolean', default: false },
        list: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    print(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const owners = await em.find(AdminUser, { role: 'OWNER' }, { orderBy: { createdAt: 'asc' } });
  const listOwners = () => {
    for (const o of owners) {
      const state = [o.disabled ? 'deactivated' : 'active', o.totpEnabledAt ? 'second factor' : 'no second factor'];
      print(`  ${o.email}  (${o.displayName}; ${state.join(', ')})`);
    }
  };
  if (parsed.list) {
    print('Owners:');
    listOwners();
    return 0;
  }
  const makeOwner = parsed['make-owner'];
  if (!parsed.email || (!parsed['reset-password'] && !parsed['reset-mfa'] && !makeOwner)) {
    print(USAGE);
    return 2;
  }
  const email = normalizeEmail(parsed.email);
  const owner = makeOwner ? await em.findOne(AdminUser, { email }) : owners.find((o) => o.email === email);
  if (!owner) {
    print(`No ${makeOwner ? '' : 'owner '}account has the e-mail ${email}. Owners:`);
    listOwners();
    return 1;
  }
  const temporaryPassword = parsed['reset-password'] ? randomBytes(15).toString('base64url') : null;
  const passwordHash = temporaryPassword ? await hashPassword(temporaryPassword) : null;
  await inTransaction(em, async (tx) => {
    const user = await tx.findOneOrFail(AdminUser, { id: owner.id });
    const mfa = new MfaService(tx, null, deps);
    const audit = new AuditService(tx, null, deps, OPERATOR_LABEL);
    if (passwordHash) {
      user.passwordHash = passwordHash;
      user.mustChangePassword = true;
      audit.record({ action: 'admin_user.password_reset', entityType: 'AdminUser', subject: user.id });
    }
    if (parsed['reset-mfa']) {
      await mfa.clear(user);
      audit.record({ action: 'admin_user.mfa_reset', entityType: 'AdminUser', subject: user.id });
    }
    if (makeOwner && user.role !== 'OWNER') {
      const from = user.role;
      user.role = 'OWNER';
      audit.record({
        action: 'admin_user.role_change',
        entityType: 'AdminUser',
        subject: user.id,
        detail: { from, to: 'OWNER' },
      });
    }
    if (user.disabled) {
      user.disabled = false;
      user.deactivatedAt = null;
      audit.record({ action: 'admin_user.reactivate', entityType: 'AdminUser', subject: user.id });
    }
    await mfa.endSessions(user);
  });
  if (temporaryPassword) {
    print(`Temporary password for ${email} (shown once; they choose a new one at sign-in):`);
    print(`  ${temporaryPassword}`);
  }
  if (parsed['reset-mfa']) print(`Second factor removed for ${email}.`);
  if (makeOwner) print(`${email} is an active owner.`);
  print('Their sessions have ended. The change is in the audit trail.');
  return 0;
}

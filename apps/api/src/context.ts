import type { SqlEntityManager } from '@mikro-orm/knex';
import type { AdminRole, SessionRestriction } from '@steward/policy-core';
import type { AppConfig } from './config.js';
import type { RateLimits } from './common/rate-limit.js';
import type { SecretAttempts } from './auth/secret-attempts.js';
import type { SignInThrottle } from './auth/sign-in-throttle.js';
import type { FieldCipher } from './crypto/field-cipher.js';
import type { AppLog } from './common/logger.js';
import type { RequestTrace } from './http/request-log.js';
import type { Language } from './i18n/language.js';

/** The signed-in admin making the request. */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  role: AdminRole;
  sessionTokenHash: string;
  /**
   * Set while the session may only choose a new password or enrol a second factor (policy-core's
   * sessionRestriction); the auth checker and requireActor refuse everything else.
   */
  restriction: SessionRestriction;
  /** The member's own language (setMyLanguage); null: the organisation's default (i18n/language.ts languageFor). */
  language: Language | null;
}

/** What lives for the whole process: no per-user state (several instances may share one database). */
export interface AppDeps {
  config: AppConfig;
  cipher: FieldCipher;
  now: () => Date;
  /** JSON lines (common/logger.ts): identifiers, codes and counts only; an error by its class and code. */
  log: AppLog;
}

/** Cookie operations the resolvers need, abstracted from the HTTP framework. */
export interface CookieJar {
  setSession(token: string, expiresAt: Date): void;
  clearSession(): void;
  /** The long-lived cookie by which a browser that signed in before is known (auth/sign-in-throttle.ts). */
  setDevice(value: string): void;
}

/** A recipient's system calling with a partner key (`Authorization: Bearer stw_…`); never an admin. */
export interface PartnerPrincipal {
  credentialId: string;
  recipientId: string;
}

/**
 * An internal system (the membership database, the mailing tool) calling with its own key
 * (`Authorization: Bearer sys_…`); never an admin. It reaches the `decision` query only.
 */
export interface SystemPrincipal {
  credentialId: string;
}

/** Who a decision is taken for: the signed-in admin, or none, and the reference the ledger and the audit trail name. */
export interface Caller {
  actor: Actor | null;
  /** `admin:<userId>` or `system:<credentialId>`. */
  ref: string;
}

export interface Context {
  /** This request's own EntityManager (unit of work, identity map), forked the first time it is read. */
  em: SqlEntityManager;
  /**
   * The root EntityManager, for lean SQL only (common/sql/lean-sql.ts): the hot paths need no unit of
   * work, and forking one per request cost more than some of their statements. MikroORM refuses
   * entity operations on it (`allowGlobalContext: false`), so nothing of one request's unit of
   * work can reach another's.
   */
  db: SqlEntityManager;
  actor: Actor | null;
  /** Set only for partner-key requests; `actor` and `system` are then null. */
  partner: PartnerPrincipal | null;
  /** Set only for internal-system-key requests; `actor` and `partner` are then null. */
  system: SystemPrincipal | null;
  deps: AppDeps;
  cookies: CookieJar;
  userAgent: string | null;
  /** The caller's IP address (behind STEWARD_TRUST_PROXY_HOPS proxies, from X-Forwarded-For). */
  clientAddress: string;
  /** The request's Origin header, if any (the cookie consent API checks it against the site). */
  origin: string | null;
  /** Budgets for the public entry points, shared by every request of this server. */
  rateLimits: RateLimits;
  /** The change stamp as of this request, read once on first use (common/facts/change-stamps.ts). */
  changeStamp(): Promise<number>;
  /** Sign-in limits, shared by every instance on the database. */
  signInThrottle: SignInThrottle;
  /** The limit on the secrets a signed-in session checks (auth/secret-attempts.ts), shared like the sign-in limits. */
  secretAttempts: SecretAttempts;
  /** The browser's device cookie, if it sent one. */
  deviceCookie: string | null;
  /** The request comes from a page on another origin: only the public cookie fields answer it. */
  crossOrigin?: boolean;
  /** What this request's log line will say (http/request-log.ts): the operation's name, the error codes. */
  trace?: RequestTrace;
}

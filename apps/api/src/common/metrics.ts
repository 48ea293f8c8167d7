import type { EntityManager } from '@mikro-orm/core';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { KNOWN_OPERATIONS } from './known-operations.js';
import { driverPoolStats } from './sql/driver-pool.js';

/**
 * Steward's Prometheus metrics (served at /metrics: http/health.ts). One registry per process, as
 * the counters are bumped where the work happens (the ledger, the group commit, the limiters), far
 * from any request object. Every label has a bounded set of values: operation names outside
 * KNOWN_OPERATIONS are `other`, error codes outside the known ones `OTHER`.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

/** Request durations by operation (GraphQL) or route (everything else), and status class. */
export const requestDuration = new Histogram({
  name: 'steward_request_duration_seconds',
  help: 'HTTP request durations, by GraphQL operation name (or route) and status class.',
  labelNames: ['operation', 'status'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export const errorsByCode = new Counter({
  name: 'steward_errors_total',
  help: 'Errors answered to clients, by extensions.code.',
  labelNames: ['code'] as const,
  registers: [registry],
});

export const ledgerAppends = new Counter({
  name: 'steward_ledger_appends_total',
  help: 'Ledger entries appended (inside the transaction that records them; a rolled-back transaction counts too).',
  registers: [registry],
});

export const groupCommitBatchSize = new Histogram({
  name: 'steward_group_commit_batch_size',
  help: 'Items written per group-commit transaction, by writer.',
  labelNames: ['writer'] as const,
  buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
  registers: [registry],
});

export const rateLimitRefusals = new Counter({
  name: 'steward_rate_limit_refusals_total',
  help: 'Requests refused because a rate limit was spent, by limit.',
  labelNames: ['limit'] as const,
  registers: [registry],
});

export const consentWrites = new Counter({
  name: 'steward_consent_writes_total',
  help: 'Consent events committed: cookie banner choices and consent recorded by staff.',
  labelNames: ['source', 'result'] as const,
  registers: [registry],
});

let poolSource: EntityManager | null = null;

/** Connections of the database pool (where the driver keeps one), read when scraped. */
new Gauge({
  name: 'steward_db_pool_connections',
  help: 'Database pool connections by state (used, free, pending acquires).',
  labelNames: ['state'] as const,
  registers: [registry],
  collect() {
    const stats = poolSource ? driverPoolStats(poolSource) : null;
    this.reset();
    if (!stats) return;
    this.set({ state: 'used' }, stats.used);
    this.set({ state: 'free' }, stats.free);
    this.set({ state: 'pending' }, stats.pending);
  },
});

/** The pool /metrics reports (the server's; one per process). */
export function watchDatabasePool(em: EntityManager): void {
  poolSource = em;
}

/** The codes a client can be answered with (common/errors.ts, Apollo's request codes, the HTTP layer's). */
const KNOWN_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'MFA_REQUIRED',
  'INCIDENT_NOT_FOUND',
  'INCIDENT_VERSION_CONFLICT',
  'INCIDENT_UNKNOWN_REFERENCES',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL_SERVER_ERROR',
]);

export function errorCodeLabel(code: string): string {
  return KNOWN_CODES.has(code) ? code : 'OTHER';
}

/** The metrics label of a GraphQL operation name: its own name when Steward's clients send it, else `other`. */
export function operationLabel(name: string | null): string {
  if (name === null) return 'anonymous';
  return KNOWN_OPERATIONS.has(name) ? name : 'other';
}

import { isIdempotencyKey, isVisitorId, issue, type Issue } from '@steward/policy-core';
import { BadInputError } from '../common/errors.js';
import type { RateLimits } from '../common/rate-limit.js';

/** What a request from a web page brings besides its input. */
export interface PublicRequest {
  origin: string | null;
  clientAddress: string;
  rateLimits: RateLimits;
  /** The change stamp as of this request (read once per request: common/facts/change-stamps.ts). */
  changeStamp(): Promise<number>;
}

export interface PublicSite {
  id: string;
  siteKey: string;
  honoursGpc: boolean;
  consentLifetimeDays: number;
  allowedOrigins: string[];
}

/** The longest site key, visitor id and idempotency key the public API reads, and the most choices. */
export const PUBLIC_INPUT_BOUNDS = { text: 64, choices: 8 } as const;

/**
 * Oversized public input is refused before any other work (these inputs skip class-validator:
 * cookie.inputs.ts), with the codes and fields class-validator's bounds give elsewhere.
 */
export function publicInputBounds(input: {
  siteKey: string;
  visitorId: string;
  idempotencyKey: string;
  choices?: readonly unknown[];
}): void {
  const issues: Issue[] = [];
  for (const field of ['siteKey', 'visitorId', 'idempotencyKey'] as const) {
    if (input[field].length > PUBLIC_INPUT_BOUNDS.text)
      issues.push(
        issue(field, 'TOO_LONG', `At most ${PUBLIC_INPUT_BOUNDS.text} characters.`, { max: PUBLIC_INPUT_BOUNDS.text }),
      );
  }
  if (input.choices && input.choices.length > PUBLIC_INPUT_BOUNDS.choices) {
    issues.push(
      issue('choices', 'TOO_LONG', `At most ${PUBLIC_INPUT_BOUNDS.choices} choices.`, {
        max: PUBLIC_INPUT_BOUNDS.choices,
      }),
    );
  }
  if (issues.length) throw new BadInputError(issues);
}

/** What is wrong with the visitor id, idempotency key and policy version of a public write. */
export function identityIssues(input: { visitorId: string; idempotencyKey: string; policyVersion: number }): Issue[] {
  const issues: Issue[] = [];
  if (!isVisitorId(input.visitorId))
    issues.push(issue('visitorId', 'INVALID_FORMAT', 'A visitor id is a version-4 UUID (crypto.randomUUID()).'));
  if (!isIdempotencyKey(input.idempotencyKey))
    issues.push(
      issue('idempotencyKey', 'INVALID_FORMAT', 'An idempotency key is 8–64 characters of A–Z, a–z, 0–9, _ and -.'),
    );
  if (!Number.isInteger(input.policyVersion) || input.policyVersion < 1)
    issues.push(issue('policyVersion', 'INVALID_VALUE', 'A policy version number.'));
  return issues;
}

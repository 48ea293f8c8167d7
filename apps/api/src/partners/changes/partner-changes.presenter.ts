import type { PartnerChange } from '@steward/policy-core';
import { createHash } from 'node:crypto';
import { badInput } from '../../common/errors.js';
import type { FeedPosition } from './partner-changes.queries.js';
import type { PartnerChangeType } from './partner-change.type.js';

const PREFIX = 'pcf1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whose feed a cursor belongs to, without naming the recipient: a cursor passed to another recipient's key is refused. */
const feedTag = (recipientId: string) =>
  createHash('sha256').update(`partner-changes:${recipientId}`).digest('hex').slice(0, 16);

/**
 * The feed's cursor: opaque to the partner, `pcf1.<feed tag>.<instant in ms>.<provider id>` in
 * base64url. It says "every change at an earlier instant, and at this instant up to this provider,
 * is behind you": positions only grow, so the same cursor always continues at the same place.
 */
export function encodeFeedCursor(recipientId: string, position: FeedPosition): string {
  return Buffer.from(
    `${PREFIX}.${feedTag(recipientId)}.${position.at.getTime()}.${position.providerId}`,
    'utf8',
  ).toString('base64url');
}

/** A malformed cursor (or one from another list) and one of another recipient's feed are refused apart. */
export function decodeFeedCursor(recipientId: string, cursor: string): FeedPosition {
  const parts = (cursor.length <= 200 ? Buffer.from(cursor, 'base64url').toString('utf8') : '').split('.');
  const [prefix, tag, ms, providerId] = parts;
  const at = Number(ms);
  if (parts.length !== 4 || prefix !== PREFIX || !/^\d{1,15}$/.test(ms ?? '') || !UUID.test(providerId ?? ''))
    throw badInput('after', 'INVALID_FORMAT', 'Not a cursor of the change feed', '');
  if (tag !== feedTag(recipientId))
    throw badInput('after', 'INVALID_VALUE', "This cursor belongs to another recipient's change feed", '');
  return { at: new Date(at), providerId: providerId! };
}

/** The change as the partner reads it: the provider's handle, what and why, when; never a value. */
export function presentPartnerChange(providerId: string, at: Date, change: PartnerChange): PartnerChangeType {
  return {
    providerId,
    kind: change.kind,
    reason: change.reason,
    categories: change.categories,
    occurredAt: at,
  };
}

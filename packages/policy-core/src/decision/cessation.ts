import type { DecisionAction } from './decision.js';

/**
 * A provider's request to stop (利用停止 / 第三者提供の停止), in effect from `since`: stop USE for
 * a purpose (null = every purpose), or stop PROVIDE to a recipient (null = every recipient) for a
 * purpose (null = every purpose).
 */
export type CessationFact = {
  action: DecisionAction;
  purposeKey: string | null;
  /** Only for PROVIDE; ignored for USE. */
  recipientId: string | null;
  since: Date;
};

/** The first cessation that stops this use or provision at `at`, if any. */
export function cessationFor(
  cessations: readonly CessationFact[],
  request: { action: DecisionAction; purposeKey: string; recipientId: string | null; at: Date },
): CessationFact | null {
  for (const c of cessations) {
    if (c.action !== request.action) continue;
    if (!(c.since.getTime() <= request.at.getTime())) continue;
    if (c.purposeKey !== null && c.purposeKey !== request.purposeKey) continue;
    if (request.action === 'PROVIDE' && c.recipientId !== null && c.recipientId !== request.recipientId) continue;
    return c;
  }
  return null;
}

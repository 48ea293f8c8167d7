import type { ConsentEventFact } from '@steward/policy-core';
import type { ConsentEvent } from './consent-event.entity.js';

/**
 * A stored consent event as policy-core's consent rules read it. `purposeKey` defaults to the
 * event's purpose, which must then be loaded (`populate: ['purpose']`).
 */
export function consentEventFact(event: ConsentEvent, purposeKey: string = event.purpose.key): ConsentEventFact {
  return {
    id: event.id,
    purposeKey,
    action: event.action,
    occurredAt: event.occurredAt,
    sequence: event.sequence,
    policyVersion: event.policyVersion,
  };
}

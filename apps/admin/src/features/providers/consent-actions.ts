import { CONSENT_ACTIONS, validateConsentChange } from '@steward/policy-core';
import type { ConsentAction, ConsentState } from '@steward/schema';

export const CONSENT_ACTION_BUTTON: Record<ConsentAction, { label: string; color: string; verb: string }> = {
  GRANT: { label: 'Grant', color: 'teal', verb: 'granted' },
  WITHDRAW: { label: 'Withdraw', color: 'orange', verb: 'withdrawn' },
  REFUSE: { label: 'Refuse', color: 'red', verb: 'refused' },
};

/** The consent actions that make sense from `state`, as policy-core decides (never re-derived here). */
export function availableConsentActions(state: ConsentState): ConsentAction[] {
  return CONSENT_ACTIONS.filter((action) => validateConsentChange(state, action).ok);
}

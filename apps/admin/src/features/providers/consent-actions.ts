import { CONSENT_ACTIONS, validateConsentChange } from '@steward/policy-core';
import type { ConsentAction, ConsentState } from '@steward/schema';

/** The colour of each consent action's button (its words: `providers:consents.action`). */
export const CONSENT_ACTION_COLOR: Record<ConsentAction, string> = {
  GRANT: 'teal',
  WITHDRAW: 'orange',
  REFUSE: 'red',
};

/** The consent actions that make sense from `state`, as policy-core decides (never re-derived here). */
export function availableConsentActions(state: ConsentState): ConsentAction[] {
  return CONSENT_ACTIONS.filter((action) => validateConsentChange(state, action).ok);
}

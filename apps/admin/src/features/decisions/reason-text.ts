import { coreMessage } from '../../i18n/core-messages.js';
import type { DecisionResult } from './use-decision.js';

type Reason = DecisionResult['reasons'][number];

/**
 * A decision reason in the language on screen: `core:reason.<code>` with the reason's `params`
 * (names, not ids: the API sends the purpose's title, the exception's title and the recipient's
 * name), the stated purpose named by its title in this language (`purposeTitle(params.purposeKey)`),
 * a category by its label. The API's own `message` (in the caller's language) only for a reason the
 * catalogue cannot word — an unknown code, or params that do not fit.
 */
export function reasonText(reason: Reason, purposeTitle: (key: string) => string | undefined): string {
  const params: Record<string, string> = Object.fromEntries(reason.params.map((p) => [p.name, p.value]));
  const title = params['purposeKey'] ? purposeTitle(params['purposeKey']) : undefined;
  if (title) params['purpose'] = title;
  return coreMessage(`reason.${reason.code}`, params) ?? reason.message;
}

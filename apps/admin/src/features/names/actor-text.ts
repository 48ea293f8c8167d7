import type { ActorRefFieldsFragment } from '@steward/schema';
import { ROLE_LABEL } from '../../components/labels.js';
import { coreMessage } from '../../i18n/core-messages.js';

/**
 * Who acted, as a person reads it (policy-core's `actorKind.*`, as the disclosure package words
 * it): a member of staff by name and role, a recipient's or internal system by name, Steward. The
 * stored reference only if the catalogue cannot word it.
 */
export function actorText(actor: ActorRefFieldsFragment): string {
  const params = { name: actor.name ?? '', role: actor.role ? ROLE_LABEL[actor.role] : '' };
  return coreMessage(`actorKind.${actor.kind}`, params) ?? actor.ref;
}

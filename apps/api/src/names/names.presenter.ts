import { isAdminRole, type DocumentActorKind } from '@steward/policy-core';
import type { FieldCipher } from '../crypto/field-cipher.js';
import { isUuid } from '../common/ids.js';
import type { Row } from '../common/sql/statement.js';
import { openDisplayName, type SealedValueRow } from '../providers/provider.presenter.js';
import type { ActorRefType } from './names.type.js';

/** The ids an actor reference names, by kind: `admin:<id>` → admins, and so on (malformed ones are ignored). */
export function actorIds(refs: readonly string[]): { admins: string[]; partnerKeys: string[]; systemKeys: string[] } {
  const ids = (prefix: string) => [
    ...new Set(
      refs.filter((r) => r.startsWith(prefix) && isUuid(r.slice(prefix.length))).map((r) => r.slice(prefix.length)),
    ),
  ];
  return { admins: ids('admin:'), partnerKeys: ids('partner:'), systemKeys: ids('system:') };
}

/** Each actor reference as a person reads it, from the rows its ids were read into. */
export function presentActorRefs(
  refs: readonly string[],
  rows: { admins: readonly Row[]; partnerKeys: readonly Row[]; systemKeys: readonly Row[] },
): ActorRefType[] {
  const known = new Map<string, Omit<ActorRefType, 'ref'>>();
  for (const a of rows.admins) {
    const role = String(a.role);
    known.set(`admin:${String(a.id)}`, {
      kind: 'STAFF',
      name: String(a.display_name),
      role: isAdminRole(role) ? role : null,
    });
  }
  for (const p of rows.partnerKeys)
    known.set(`partner:${String(p.id)}`, { kind: 'RECIPIENT_SYSTEM', name: String(p.name), role: null });
  for (const k of rows.systemKeys)
    known.set(`system:${String(k.id)}`, { kind: 'INTERNAL_SYSTEM', name: String(k.system_name), role: null });
  return refs.map((ref) => {
    const found = known.get(ref);
    if (found) return { ref, ...found };
    // Steward's own records: `system`, and a scheduled job's `job:<id>`.
    const kind: DocumentActorKind = ref === 'system' || ref.startsWith('job:') ? 'STEWARD' : 'UNKNOWN';
    return { ref, kind, name: null, role: null };
  });
}

/** Providers' names, opened: one per id asked for (null when the provider has no NAME item). */
export function presentProviderNames(
  cipher: FieldCipher,
  ids: readonly string[],
  sealed: ReadonlyMap<string, SealedValueRow>,
): (string | null)[] {
  return ids.map((id) => openDisplayName(cipher, sealed.get(id)));
}

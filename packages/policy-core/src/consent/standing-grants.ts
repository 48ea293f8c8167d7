import type { ConsentAction } from '../vocabulary/consent.js';

/**
 * One consent event of one provider, as much as standing needs: which purpose (any key that names
 * it: its key or the database's id), its order among the provider's events, and what it did.
 */
export type ConsentEventOrder = {
  id: string;
  purpose: string;
  /** The provider's event number: a later event has a larger one. */
  sequence: number;
  action: ConsentAction;
};

/**
 * Has the provider refused or withdrawn since `event`? True when a later event of theirs for the
 * same purpose is not a GRANT: their consent for that purpose is no longer the one `event` recorded.
 * `events` are the provider's (others are ignored by purpose and order only, so pass one provider's).
 */
export function refusedOrWithdrawnSince(event: ConsentEventOrder, events: readonly ConsentEventOrder[]): boolean {
  return events.some((e) => e.purpose === event.purpose && e.sequence > event.sequence && e.action !== 'GRANT');
}

/**
 * The ids of one provider's GRANTs that still stand: not refused or withdrawn since. A provider
 * agreement (a PROVIDER_AGREEMENT exception) covers a provider only while a grant it cites stands
 * (`decide()`'s `standingGrantIds`).
 */
export function standingGrantIds(events: readonly ConsentEventOrder[]): string[] {
  // One pass: per purpose, the last event that is not a GRANT; a GRANT after it stands.
  const lastEnd = new Map<string, number>();
  for (const e of events) {
    if (e.action !== 'GRANT' && e.sequence > (lastEnd.get(e.purpose) ?? -Infinity)) lastEnd.set(e.purpose, e.sequence);
  }
  return events
    .filter((e) => e.action === 'GRANT' && e.sequence > (lastEnd.get(e.purpose) ?? -Infinity))
    .map((e) => e.id);
}

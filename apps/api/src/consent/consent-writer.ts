import type { SqlEntityManager } from '@mikro-orm/knex';
import { stateAfter, type ConsentAction, type ConsentMethod } from '@steward/policy-core';
import type { AdminUser } from '../auth/admin-user.entity.js';
import type { CollectionRecord } from '../collection/collection-record.entity.js';
import type { Provider } from '../providers/provider.entity.js';
import type { Purpose } from '../purposes/purpose.entity.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import { ConsentEvent, consentNoteSealContext } from './consent-event.entity.js';
import { ConsentStateRow } from './consent-state.entity.js';

export interface ConsentAppend {
  provider: Provider;
  purpose: Purpose;
  action: ConsentAction;
  method: ConsentMethod;
  policyVersion: number;
  occurredAt: Date;
  recordedBy: AdminUser | null;
  recordedByName: string;
  collection?: CollectionRecord | null;
  receiptId?: string | null;
  note?: string | null;
}

/**
 * Appends consent events for one provider within the caller's unit of work, numbering them after
 * the provider's last event and keeping the consent_state projection in step.
 */
export class ConsentWriter {
  private nextSequence: number | null = null;
  private readonly newProvider: boolean;
  private readonly bulk: object[] | null;

  /**
   * `newProvider`: the provider is created in this unit of work, so it has no events or states yet.
   * `bulk`: the new rows go there, for the caller to insert in bulk, instead of into the unit of work.
   */
  constructor(
    private readonly em: SqlEntityManager,
    private readonly cipher: FieldCipher,
    opts: { newProvider?: boolean; bulk?: object[] } = {},
  ) {
    this.newProvider = opts.newProvider ?? false;
    this.bulk = opts.bulk ?? null;
    if (this.newProvider) this.nextSequence = 1;
  }

  async append(fact: ConsentAppend): Promise<ConsentEvent> {
    if (this.nextSequence === null) {
      const rows = await this.em.getConnection().execute<{ max_seq: number | null }[]>(
        'select max(sequence) as max_seq from consent_event where provider_id = ?',
        [fact.provider.id],
        'all',
        this.em.getTransactionContext(), // read inside the caller's transaction
      );
      this.nextSequence = Number(rows[0]?.max_seq ?? 0) + 1;
    }
    const event = this.em.create(
      ConsentEvent,
      {
        provider: fact.provider,
        sequence: this.nextSequence++,
        purpose: fact.purpose,
        action: fact.action,
        method: fact.method,
        policyVersion: fact.policyVersion,
        occurredAt: fact.occurredAt,
        recordedBy: fact.recordedBy,
        recordedByName: fact.recordedByName,
        collection: fact.collection ?? null,
        receiptId: fact.receiptId ?? null,
      },
      { persist: !this.bulk },
    );
    this.bulk?.push(event);
    // Sealed to the event's own id, known once it is created.
    event.noteSealed = this.cipher.sealText(fact.note, consentNoteSealContext(event.id));
    const state = this.newProvider
      ? null
      : await this.em.findOne(ConsentStateRow, { provider: fact.provider.id, purpose: fact.purpose.id });
    if (state) {
      state.state = stateAfter(fact.action);
      state.since = fact.occurredAt;
      state.eventId = event.id;
    } else {
      const row = this.em.create(
        ConsentStateRow,
        {
          provider: fact.provider,
          purpose: fact.purpose,
          state: stateAfter(fact.action),
          since: fact.occurredAt,
          eventId: event.id,
        },
        { persist: !this.bulk },
      );
      this.bulk?.push(row);
    }
    return event;
  }
}

import { Entity, Enum, Index, ManyToOne, Property, DateTimeType, type Rel } from '@mikro-orm/core';
import { CONSENT_STATES, type ConsentState } from '@steward/policy-core';
import { Provider } from '../providers/provider.entity.js';
import { Purpose } from '../purposes/purpose.entity.js';

/**
 * Projection of the current consent per provider and purpose, written in the same transaction
 * as the event it reflects. It exists for filtering lists; the events remain the truth.
 */
@Entity({ tableName: 'consent_state' })
@Index({ properties: ['purpose', 'state', 'provider'] })
export class ConsentStateRow {
  @ManyToOne(() => Provider, { primary: true, deleteRule: 'cascade' })
  provider!: Rel<Provider>;

  @ManyToOne(() => Purpose, { primary: true })
  purpose!: Rel<Purpose>;

  @Enum({ items: () => [...CONSENT_STATES], type: 'string' })
  state!: ConsentState;

  @Property({ type: DateTimeType })
  since!: Date;

  @Property({ type: 'uuid' })
  eventId!: string;
}

import { DateTimeType, Entity, Enum, Index, Property } from '@mikro-orm/core';
import { DECISION_ACTIONS, type DecisionAction } from '@steward/policy-core';
import { RequestOutcome } from './request-outcome.entity.js';

/**
 * A provider's request to stop (clause 4, 利用停止): stop USE for a purpose, or stop PROVIDE to a
 * recipient; null means every purpose / every recipient. policy-core's decide() respects it.
 */
@Entity()
@Index({ properties: ['provider', 'since'] })
// The partner change feed reads cessations by time when a key's scope is every provider.
@Index({ properties: ['since'] })
export class ProviderCessation extends RequestOutcome<'purposeKey' | 'recipientId' | 'recordedById'> {
  @Enum({ items: () => [...DECISION_ACTIONS], type: 'string' })
  action!: DecisionAction;

  @Property({ type: 'string', length: 64, nullable: true })
  purposeKey: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  recipientId: string | null = null;

  @Property({ type: DateTimeType })
  since!: Date;

  @Property({ type: 'uuid', nullable: true })
  recordedById: string | null = null;

  @Property({ type: 'string', length: 160 })
  recordedByName!: string;
}

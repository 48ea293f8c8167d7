import {
  DateTimeType,
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  OptionalProps,
  type Rel,
} from '@mikro-orm/core';
import { DECISION_ACTIONS, type DecisionAction } from '@steward/policy-core';
import { newId } from '../common/ids.js';
import { Provider } from '../providers/provider.entity.js';
import { ProviderRequest } from './provider-request.entity.js';

/**
 * A provider's request to stop (clause 4, 利用停止): stop USE for a purpose, or stop PROVIDE to a
 * recipient; null means every purpose / every recipient. policy-core's decide() respects it.
 */
@Entity()
@Index({ properties: ['provider', 'since'] })
export class ProviderCessation {
  [OptionalProps]?: 'id' | 'request' | 'purposeKey' | 'recipientId' | 'recordedById';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Provider, { deleteRule: 'cascade' })
  provider!: Rel<Provider>;

  @ManyToOne(() => ProviderRequest, { nullable: true, deleteRule: 'set null' })
  request: Rel<ProviderRequest> | null = null;

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

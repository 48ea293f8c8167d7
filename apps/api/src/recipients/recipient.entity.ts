import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity.js';
import { RECIPIENT_KINDS, type RecipientKind } from './recipient-kinds.js';

/** An outside organisation that may receive data under a permitted exception (clause 2). */
@Entity()
export class Recipient extends BaseEntity<'contact' | 'notes'> {
  @Unique()
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => [...RECIPIENT_KINDS], type: 'string' })
  kind!: RecipientKind;

  /** The organisation's contact for data-protection matters (department, address, telephone, e-mail). */
  @Property({ type: 'text', nullable: true })
  contact: string | null = null;

  @Property({ type: 'text', nullable: true })
  notes: string | null = null;
}

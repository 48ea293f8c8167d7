import { OptionalProps, PrimaryKey, Property, DateTimeType } from '@mikro-orm/core';
import { newId } from './ids.js';

/** Every row gets a time-ordered id and creation/update times. */
export abstract class BaseEntity<Optional extends string = never> {
  /** Properties with defaults, which em.create() need not be given. */
  [OptionalProps]?: 'id' | 'createdAt' | 'updatedAt' | Optional;

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Property({ type: DateTimeType, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

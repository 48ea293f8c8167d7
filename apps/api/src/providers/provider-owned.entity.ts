import { ManyToOne, OptionalProps, PrimaryKey, type Rel } from '@mikro-orm/core';
import { newId } from '../common/ids.js';
import { Provider } from './provider.entity.js';

/**
 * A row that belongs to one provider and is deleted with them: consent events, amendments, cessations,
 * search tokens. Not a table of its own. Its columns come first in each table (MikroORM puts inherited
 * properties first), where each of those tables has always had them.
 */
export abstract class ProviderOwned<Optional extends string = never> {
  /** Properties with defaults, which em.create() need not be given. */
  [OptionalProps]?: 'id' | Optional;

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Provider, { deleteRule: 'cascade' })
  provider!: Rel<Provider>;
}

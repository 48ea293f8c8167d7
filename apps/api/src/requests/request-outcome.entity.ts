import { ManyToOne, type Rel } from '@mikro-orm/core';
import { ProviderOwned } from '../providers/provider-owned.entity.js';
import { ProviderRequest } from './provider-request.entity.js';

/**
 * What a provider's request changed for them (an amended item, a cessation): the provider's, and the
 * request's that asked for it, if any (kept when the request is deleted). Not a table of its own; its
 * columns come first in each table, as they always have.
 */
export abstract class RequestOutcome<Optional extends string = never> extends ProviderOwned<'request' | Optional> {
  @ManyToOne(() => ProviderRequest, { nullable: true, deleteRule: 'set null' })
  request: Rel<ProviderRequest> | null = null;
}

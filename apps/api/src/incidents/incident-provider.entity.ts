import { DateTimeType, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { INCIDENT_AFFECTED_SELECTORS, type IncidentAffectedSelector } from '@steward/policy-core';

/**
 * A provider an incident concerns, and how they were chosen. Ids only: the link from the incident's
 * ledger entries (which commit to the sorted set by its hash) to the people affected. Read by
 * provider for the disclosure package.
 */
@Entity({ tableName: 'incident_provider' })
@Index({ properties: ['providerId'] })
export class IncidentProvider {
  @PrimaryKey({ type: 'uuid' })
  incidentId!: string;

  @PrimaryKey({ type: 'uuid' })
  providerId!: string;

  @Property({ type: DateTimeType })
  addedAt!: Date;

  @Enum({ items: () => [...INCIDENT_AFFECTED_SELECTORS], type: 'string' })
  selector!: IncidentAffectedSelector;
}

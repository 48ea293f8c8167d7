import { DateTimeType, Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import {
  INCIDENT_CAUSES,
  INCIDENT_DISCOVERIES,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  type DataCategory,
  type IncidentCause,
  type IncidentDiscovery,
  type IncidentKind,
  type IncidentStatus,
} from '@steward/policy-core';
import { BaseEntity } from '../common/base.entity.js';

/**
 * A leak, loss, damage or falsification of personal data (clause 3; APPI Art. 26) and how it was
 * handled. The title is staff-written and holds no personal data; every other free text may tell of
 * people, so it is sealed (AES-256-GCM, bound to the row and field: `incidentSealContext`). The
 * columns hold what the register filters and the assessment reads.
 */
@Entity({ tableName: 'incident' })
@Index({ properties: ['awareAt', 'id'] })
@Index({ properties: ['status', 'awareAt'] })
export class Incident extends BaseEntity<
  | 'status'
  | 'occurredAt'
  | 'descriptionSealed'
  | 'measuresSealed'
  | 'causeDetailSealed'
  | 'dataInvolvedSealed'
  | 'secondaryDamageSealed'
  | 'sensitiveData'
  | 'financialLossRisk'
  | 'strongEncryptionKeySafe'
  | 'categories'
  | 'affectedCount'
  | 'affectedCountEstimated'
  | 'entrustedBy'
  | 'preliminarySentAt'
  | 'preliminaryReference'
  | 'finalSentAt'
  | 'finalReference'
  | 'createdBy'
  | 'closedAt'
  | 'detectorKey'
  | 'version'
> {
  /** `INC-YYYY-NNNN`: a sequence per year of awareness, what staff and the Commission's form quote. */
  @Unique()
  @Property({ type: 'string', length: 20 })
  reference!: string;

  @Enum({ items: () => [...INCIDENT_KINDS], type: 'string' })
  kind!: IncidentKind;

  @Enum({ items: () => [...INCIDENT_STATUSES], type: 'string' })
  status: IncidentStatus = 'OPEN';

  /** Staff-written, no personal data (INCIDENT_LIMITS.title). */
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text', nullable: true, fieldName: 'description_enc', hidden: true })
  descriptionSealed: string | null = null;

  @Property({ type: 'text', nullable: true, fieldName: 'measures_enc', hidden: true })
  measuresSealed: string | null = null;

  @Property({ type: 'text', nullable: true, fieldName: 'cause_detail_enc', hidden: true })
  causeDetailSealed: string | null = null;

  @Property({ type: 'text', nullable: true, fieldName: 'data_involved_enc', hidden: true })
  dataInvolvedSealed: string | null = null;

  @Property({ type: 'text', nullable: true, fieldName: 'secondary_damage_enc', hidden: true })
  secondaryDamageSealed: string | null = null;

  @Property({ type: DateTimeType, nullable: true })
  occurredAt: Date | null = null;

  /** When the organisation became aware: both report deadlines run from it (policy-core incidentDeadlines). */
  @Property({ type: DateTimeType })
  awareAt!: Date;

  @Enum({ items: () => [...INCIDENT_DISCOVERIES], type: 'string' })
  discovery!: IncidentDiscovery;

  @Enum({ items: () => [...INCIDENT_CAUSES], type: 'string' })
  cause!: IncidentCause;

  @Property({ type: 'boolean' })
  wrongfulPurposeSuspected!: boolean;

  /** The checklist (policy-core IncidentChecklist): null = not answered yet. */
  @Property({ type: 'boolean', nullable: true })
  sensitiveData: boolean | null = null;

  @Property({ type: 'boolean', nullable: true })
  financialLossRisk: boolean | null = null;

  @Property({ type: 'boolean', nullable: true })
  strongEncryptionKeySafe: boolean | null = null;

  /** Steward's categories involved (JSON array of DataCategory). */
  @Property({ type: 'json' })
  categories: DataCategory[] = [];

  /** max(the count entered, the providers linked): the assessment's people count. */
  @Property({ type: 'integer' })
  affectedCount: number = 0;

  @Property({ type: 'boolean' })
  affectedCountEstimated: boolean = false;

  /** The organisation that entrusted this one with the data (it acted as a contractor), or null. */
  @Property({ type: 'string', length: 200, nullable: true })
  entrustedBy: string | null = null;

  @Property({ type: DateTimeType, nullable: true })
  preliminarySentAt: Date | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  preliminaryReference: string | null = null;

  @Property({ type: DateTimeType, nullable: true })
  finalSentAt: Date | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  finalReference: string | null = null;

  /** The staff member's id; null when Steward's own detectors opened it. */
  @Property({ type: 'uuid', nullable: true })
  createdBy: string | null = null;

  @Property({ type: DateTimeType, nullable: true })
  closedAt: Date | null = null;

  /** What opened an automatic incident (`ledger-verification:<jobId>`): one incident per finding. */
  @Unique()
  @Property({ type: 'string', length: 200, nullable: true })
  detectorKey: string | null = null;

  @Property({ type: 'integer', version: true })
  version: number = 1;
}

/** The sealed free-text fields of an incident. */
export type IncidentSealedField = 'description' | 'measures' | 'causeDetail' | 'dataInvolved' | 'secondaryDamage';

export function incidentSealContext(id: string, field: IncidentSealedField): string {
  return `incident.${field}:${id}`;
}

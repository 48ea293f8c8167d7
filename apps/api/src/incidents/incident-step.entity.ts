import { DateTimeType, Entity, Enum, Index, Property } from '@mikro-orm/core';
import { INCIDENT_STEP_KINDS, type IncidentStepKind } from '@steward/policy-core';
import { BaseEntity } from '../common/base.entity.js';

/** What a step's summary holds: non-personal facts only (statuses, report kind and reference, channel, counts). */
export type IncidentStepSummary = Record<string, string | number | boolean | null | string[]>;

/**
 * One step of an incident's timeline, each recorded by exactly one INCIDENT ledger entry
 * (`ledgerSequence`). The summary is non-personal and shown as one worded line; the note may tell
 * of people and is sealed (`incidentStepSealContext`).
 */
@Entity({ tableName: 'incident_step' })
@Index({ properties: ['incidentId', 'at'] })
export class IncidentStep extends BaseEntity<'actor' | 'noteSealed' | 'ledgerSequence'> {
  @Property({ type: 'uuid' })
  incidentId!: string;

  @Enum({ items: () => [...INCIDENT_STEP_KINDS], type: 'string' })
  kind!: IncidentStepKind;

  @Property({ type: DateTimeType })
  at!: Date;

  /** `admin:<id>` of the staff member; null = Steward itself (a detector). */
  @Property({ type: 'string', length: 80, nullable: true })
  actor: string | null = null;

  @Property({ type: 'json' })
  summary!: IncidentStepSummary;

  @Property({ type: 'text', nullable: true, fieldName: 'note_enc', hidden: true })
  noteSealed: string | null = null;

  @Property({ type: 'integer', nullable: true })
  ledgerSequence: number | null = null;
}

export function incidentStepSealContext(id: string): string {
  return `incident_step.note:${id}`;
}

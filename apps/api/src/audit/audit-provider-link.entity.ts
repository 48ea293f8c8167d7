import { Entity, Index, PrimaryKey } from '@mikro-orm/core';

/** The provider-audit index: which entries concern a provider (for disclosure and the admin). */
@Entity({ tableName: 'audit_provider' })
@Index({ properties: ['providerId', 'entryId'] })
export class AuditProviderLink {
  @PrimaryKey({ type: 'uuid' })
  entryId!: string;

  @PrimaryKey({ type: 'uuid' })
  providerId!: string;
}

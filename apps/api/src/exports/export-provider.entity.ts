import { Entity, Index, PrimaryKey } from '@mikro-orm/core';

/**
 * Which providers an export's file named (ids only), kept after the file itself is purged: when an
 * exported file is lost or leaks, the incident register selects exactly those people (IN_EXPORT).
 * Written by the LIST_EXPORT job in the transaction that stores the file.
 */
@Entity({ tableName: 'export_provider' })
@Index({ properties: ['providerId'] })
export class ExportProvider {
  /** The LIST_EXPORT job's id (the file's id while it lasts). */
  @PrimaryKey({ type: 'uuid' })
  exportId!: string;

  @PrimaryKey({ type: 'uuid' })
  providerId!: string;
}

import { DateTimeType, Entity, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import type { ExportList } from '@steward/policy-core';
import { AdminUser } from '../auth/admin-user.entity.js';
import { BaseEntity } from '../common/base.entity.js';

/**
 * The CSV file a LIST_EXPORT job made (exports/list-export.job.ts), under the job's id. It holds
 * personal data (names, references), so its content is sealed with the field key (bound to the
 * row), it is downloadable only by the member who asked (or an owner) until `expiresAt`, and the
 * EXPORT_PURGE job deletes it after that. In the database, not on disk, so every instance on one
 * PostgreSQL can answer the download.
 */
@Entity({ tableName: 'export_file' })
@Index({ properties: ['expiresAt'] })
export class ExportFile extends BaseEntity {
  @Property({ type: 'string', length: 40 })
  list!: ExportList;

  /** The member of staff who asked for it (policy-core mayDownloadExport). */
  @ManyToOne(() => AdminUser, { deleteRule: 'restrict' })
  createdBy!: Rel<AdminUser>;

  /** The download's name, in the asker's language (`providers-20261207-1530.csv`). */
  @Property({ type: 'string', length: 200 })
  fileName!: string;

  /** The CSV (UTF-8 with a BOM) sealed with the field key, context `export_file.content:<id>`. */
  @Property({ type: 'text', lazy: true })
  contentSealed!: string;

  @Property({ type: 'integer' })
  rowCount!: number;

  /** JSON array of the provider ids the file names: what its download's audit entry lists. */
  @Property({ type: 'text' })
  providerIds!: string;

  @Property({ type: DateTimeType })
  expiresAt!: Date;
}

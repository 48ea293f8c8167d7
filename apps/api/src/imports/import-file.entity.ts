import { Entity, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { AdminUser } from '../auth/admin-user.entity.js';
import { BaseEntity } from '../common/base.entity.js';

/**
 * A file of existing members uploaded for import (imports/): it holds personal data, so its bytes
 * are sealed to the row (`contentSealed`, opened only by `import.presenter.ts`) and the row is
 * deleted when the import job ends (an upload never imported is deleted after a day). `sha256` is
 * the hash of the bytes as uploaded, recorded with every collection the import makes.
 */
@Entity({ tableName: 'import_file' })
export class ImportFile extends BaseEntity<'jobId' | 'createdBy'> {
  /** The bytes as uploaded, base64, sealed with the field cipher to this row (`importFileSealContext`). */
  @Property({ type: 'text', lazy: true })
  contentSealed!: string;

  @Property({ type: 'string', length: 64 })
  sha256!: string;

  /** `csv` or `xlsx`: how the bytes are read. */
  @Property({ type: 'string', length: 10 })
  format!: 'csv' | 'xlsx';

  @Property({ type: 'integer' })
  byteSize!: number;

  /** The job importing it, once started (a file is imported once). */
  @Property({ type: 'uuid', nullable: true })
  jobId: string | null = null;

  @ManyToOne(() => AdminUser, { nullable: true, deleteRule: 'set null' })
  createdBy: Rel<AdminUser> | null = null;
}

/** The seal's context binds the sealed bytes to their row. */
export function importFileSealContext(id: string): string {
  return `import_file:${id}:content`;
}

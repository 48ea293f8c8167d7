import {
  guessImportMapping,
  planImport,
  validateImportMapping,
  type ImportColumnMapping,
  type ImportRowPlan,
  type ProviderKind,
} from '@steward/policy-core';
import { createHash } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import { AdminUser } from '../auth/admin-user.entity.js';
import { BadInputError, ConflictError, NotFoundError } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { Service } from '../common/transaction.js';
import type { Actor } from '../context.js';
import { Job } from '../jobs/job.entity.js';
import { JobService } from '../jobs/job.service.js';
import { currentPolicyFacts } from '../policy/policy-text.js';
import { Provider } from '../providers/provider.entity.js';
import { loadPurposeFacts } from '../purposes/purpose-facts.js';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { ImportFile, importFileSealContext } from './import-file.entity.js';
import { openImportFile, readImportTable, type ImportTable } from './import.presenter.js';

/** An uploaded file not imported within this long is deleted at the next upload. */
const STALE_UPLOAD_MS = 24 * 3_600_000;

/** What a dry run found: every row's plan (with its problems) over the file's table. */
export interface ImportDryRun {
  file: ImportFile;
  table: ImportTable;
  plans: ImportRowPlan[];
  /** The policy version in force: the one the import records. */
  policyVersion: number;
}

/** The settings an import runs with (also the job's payload: ids and settings, no personal value). */
export interface ImportSettings {
  fileId: string;
  mapping: ImportColumnMapping[];
  providerKind: ProviderKind;
}

/**
 * Imports existing members from a file (imports/): stores the upload sealed, plans each row by the
 * collection rules (policy-core's `planImport`, a dry run that writes nothing) and starts the
 * MEMBER_IMPORT job, which records each READY row through `CollectionService.recordImported`.
 */
export class ImportService extends Service<Actor> {
  /** Stores an upload (already size- and type-checked by the route), sealed; returns it. */
  async upload(bytes: Buffer, format: 'csv' | 'xlsx'): Promise<ImportFile> {
    await readImportTable(bytes, format); // refuse what cannot be read before storing it
    return this.inTransaction(async ({ em }) => {
      const now = this.deps.now();
      await em.nativeDelete(ImportFile, { jobId: null, createdAt: { $lt: new Date(now.getTime() - STALE_UPLOAD_MS) } });
      const file = em.create(ImportFile, {
        contentSealed: '',
        sha256: createHash('sha256').update(bytes).digest('hex'),
        format,
        byteSize: bytes.length,
        createdBy: em.getReference(AdminUser, this.actor.userId),
        createdAt: now,
        updatedAt: now,
      });
      file.contentSealed = this.deps.cipher.encrypt(bytes.toString('base64'), importFileSealContext(file.id));
      new AuditService(em, this.actor, this.deps).record({
        action: 'import.uploaded',
        entityType: 'ImportFile',
        subject: file.id,
        detail: { sha256: file.sha256, byteSize: file.byteSize, format },
      });
      return file;
    });
  }

  /** The file and its table, for the mapping screen. */
  async open(id: string): Promise<{ file: ImportFile; table: ImportTable; guess: ImportColumnMapping[] }> {
    const file = await this.load(id);
    const table = await openImportFile(this.deps.cipher, file);
    return { file, table, guess: guessImportMapping(table.headers) };
  }

  /** Plans every row with a mapping, writing nothing but the audit entry of the read. */
  async dryRun(settings: ImportSettings): Promise<ImportDryRun> {
    const file = await this.load(settings.fileId);
    const table = await openImportFile(this.deps.cipher, file);
    const { plans, policyVersion } = await planFile(this.em, table, settings, this.deps.now());
    await this.inTransaction(async ({ em }) =>
      new AuditService(em, this.actor, this.deps).record({
        action: 'import.dry_run',
        entityType: 'ImportFile',
        subject: file.id,
        detail: { sha256: file.sha256, rows: plans.length },
      }),
    );
    return { file, table, plans, policyVersion };
  }

  /** Starts the import job for a file (once: a second start is a CONFLICT). */
  async start(settings: ImportSettings): Promise<Job> {
    const file = await this.load(settings.fileId);
    if (file.jobId) throw new ConflictError('This file is already being imported', undefined, 'input.fileId');
    const table = await openImportFile(this.deps.cipher, file);
    const mappingIssues = validateImportMapping(settings.mapping, table.headers.length);
    if (mappingIssues.length) throw new BadInputError(mappingIssues);
    const job = await new JobService(this.em, this.actor, this.deps).start('MEMBER_IMPORT', () => ({ ...settings }));
    // Conditional: two starts at once make one job's file theirs; the other job finds no file and fails.
    await this.em.nativeUpdate(ImportFile, { id: file.id, jobId: null }, { jobId: job.id });
    return job;
  }

  private async load(id: string): Promise<ImportFile> {
    const file = isUuid(id) ? await this.em.findOne(ImportFile, { id }, { populate: ['contentSealed'] }) : null;
    if (!file) throw new NotFoundError('ImportFile', 'input.fileId');
    return file;
  }
}

/** Plans a file's rows: checks the mapping, reads the purposes, the policy in force and the keys Steward already has. */
export async function planFile(
  em: SqlEntityManager,
  table: ImportTable,
  settings: ImportSettings,
  now: Date,
): Promise<{ plans: ImportRowPlan[]; policyVersion: number }> {
  const mappingIssues = validateImportMapping(settings.mapping, table.headers.length);
  if (mappingIssues.length) throw new BadInputError(mappingIssues);
  const policy = await currentPolicyFacts(em);
  const purposes = await loadPurposeFacts(em);
  const referenceColumn = settings.mapping.find((m) => m.target === 'REFERENCE')!.column;
  const keys = [...new Set(table.rows.map((r) => (r[referenceColumn] ?? '').trim()).filter(Boolean))];
  const existing = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const found = await em.find(Provider, { reference: { $in: keys.slice(i, i + 500) } }, { fields: ['reference'] });
    for (const p of found) existing.add(p.reference);
  }
  const plans = planImport(table.rows, settings.mapping, {
    purposes: purposes.map((p) => ({
      key: p.key,
      titleJa: p.titleJa,
      titleEn: p.titleEn,
      categories: p.categories,
      retired: p.retired,
    })),
    providerKind: settings.providerKind,
    currentPolicyVersion: policy.number,
    now,
    existingReferences: existing,
  });
  return { plans, policyVersion: policy.number };
}

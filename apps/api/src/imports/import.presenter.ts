import type { ImportRowPlan, ImportTarget } from '@steward/policy-core';
import { formatMessage } from '../i18n/messages.js';
import type { Language } from '../i18n/language.js';
import { parse } from 'csv-parse/sync';
import type { FieldCipher } from '../crypto/field-cipher.js';
import { ImportFile, importFileSealContext } from './import-file.entity.js';

/** The file's table: the header row and the data rows, every cell a string. */
export interface ImportTable {
  headers: string[];
  rows: string[][];
}

/** What an import file may hold (the route refuses more before anything is stored). */
export const IMPORT_LIMITS = { bytes: 10 * 1024 * 1024, rows: 50_000, columns: 100 } as const;

/**
 * Reads a file's bytes as a table. CSV: UTF-8 (a BOM is dropped), else Shift_JIS (what Excel in
 * Japan writes); xlsx: the first sheet. Throws `ImportFileUnreadable` when it is neither.
 */
export async function readImportTable(bytes: Buffer, format: 'csv' | 'xlsx'): Promise<ImportTable> {
  let records: string[][];
  if (format === 'xlsx') {
    const { readSheet } = await import('read-excel-file/node');
    const sheet = await readSheet(bytes).catch(() => {
      throw new ImportFileUnreadable('UNREADABLE');
    });
    records = sheet.map((r) =>
      r.map((c: unknown) => (c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c))),
    );
  } else {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = new TextDecoder('shift_jis').decode(bytes);
    }
    try {
      records = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
    } catch {
      throw new ImportFileUnreadable('UNREADABLE');
    }
  }
  const [headers = [], ...rows] = records;
  if (headers.length === 0) throw new ImportFileUnreadable('EMPTY');
  if (headers.length > IMPORT_LIMITS.columns) throw new ImportFileUnreadable('TOO_MANY_COLUMNS');
  if (rows.length > IMPORT_LIMITS.rows) throw new ImportFileUnreadable('TOO_MANY_ROWS');
  return { headers, rows };
}

export class ImportFileUnreadable extends Error {
  constructor(readonly code: 'UNREADABLE' | 'EMPTY' | 'TOO_MANY_COLUMNS' | 'TOO_MANY_ROWS') {
    super(code);
  }
}

/** Opens a stored import file (the one place its sealed bytes are opened) and reads its table. */
export function openImportFile(cipher: FieldCipher, file: ImportFile): Promise<ImportTable> {
  const base64 = cipher.decrypt(file.contentSealed, importFileSealContext(file.id));
  return readImportTable(Buffer.from(base64, 'base64'), file.format);
}

/** A column as the mapping screen shows it: its header, the guess, and a few values from the first rows. */
export function presentImportColumns(table: ImportTable, guesses: readonly { target: ImportTarget }[]) {
  return table.headers.map((header, column) => ({
    column,
    header,
    guess: guesses[column]?.target ?? 'IGNORE',
    samples: table.rows.slice(0, 3).map((r) => r[column] ?? ''),
  }));
}

/** A dry run as the admin reads it: counts, the first rows, one page of rows with problems, each issue worded in `language`. */
export function presentDryRun(
  run: { table: ImportTable; plans: readonly ImportRowPlan[]; policyVersion: number },
  page: { offset: number; limit: number },
  language: Language,
) {
  const { table, plans, policyVersion } = run;
  const row = (p: ImportRowPlan) => ({
    row: p.row,
    status: p.status,
    cells: table.rows[p.row - 2] ?? [],
    issues: p.issues.map((i) => ({
      row: i.row,
      column: i.column,
      header: i.column === null ? null : (table.headers[i.column] ?? null),
      code: i.code,
      message: formatMessage(language, `issue.${i.code}`, i.params ?? {}),
      params: Object.entries(i.params ?? {}).map(([name, value]) => ({ name, value: String(value) })),
    })),
  });
  const problems = plans.filter((p) => p.issues.length > 0);
  return {
    rows: plans.length,
    ready: plans.filter((p) => p.status === 'READY').length,
    invalid: plans.filter((p) => p.status === 'INVALID').length,
    existing: plans.filter((p) => p.status === 'EXISTS').length,
    issueCount: problems.reduce((n, p) => n + p.issues.length, 0),
    firstRows: plans.slice(0, 5).map(row),
    problemRows: problems.slice(page.offset, page.offset + page.limit).map(row),
    policyVersion,
  };
}

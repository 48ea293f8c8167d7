import { neutraliseCsvCell } from '@steward/policy-core';
import { stringify } from 'csv-stringify/sync';
import type { ExportCell } from './export-lists.js';

/** UTF-8's byte order mark: without it Excel reads a CSV in the system's code page and garbles Japanese. */
export const UTF8_BOM = '\uFEFF';

/**
 * Rows of cells as CSV text (RFC 4180 through csv-stringify: a cell with a comma, a quote or a line
 * break is quoted, quotes doubled; CRLF between records, as Excel writes). Text cells are
 * neutralised first (policy-core's neutraliseCsvCell: `=`, `+`, `-`, `@` would start a formula);
 * numbers are written as numbers.
 */
export function csvRecords(rows: readonly (readonly ExportCell[])[]): string {
  if (!rows.length) return '';
  return stringify(
    rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutraliseCsvCell(cell) : cell))),
    { record_delimiter: 'windows' },
  );
}

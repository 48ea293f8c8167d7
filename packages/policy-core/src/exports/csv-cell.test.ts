import { describe, expect, it } from 'vitest';
import { looksLikeFormula, neutraliseCsvCell } from './csv-cell.js';
import { ADMIN_ROLES } from '../vocabulary/roles.js';
import { EXPORT_RETENTION_MS, exportAvailable, exportExpiresAt, mayDownloadExport } from './export-vocabulary.js';

describe('neutraliseCsvCell', () => {
  it('prefixes a value that starts a formula with an apostrophe', () => {
    for (const value of ['=1+1', '+81 3', '-2', '@SUM(A1)', '\t=x', '\r=x', '=HYPERLINK("http://x")'])
      expect(neutraliseCsvCell(value)).toBe(`'${value}`);
  });

  it('keeps every other value exactly, including a formula character later in the value', () => {
    for (const value of ['', 'Yamada, "Taro"', '山田 太郎', 'a=b', ' =x', "'=x", '1-2', 'x\n=y'])
      expect(neutraliseCsvCell(value)).toBe(value);
  });

  it('agrees with looksLikeFormula', () => {
    expect(looksLikeFormula('=x')).toBe(true);
    expect(looksLikeFormula('x=')).toBe(false);
  });
});

describe('export retention and download rule', () => {
  it('expires a file a day after it was made, the instant itself included', () => {
    const made = new Date('2026-12-07T00:00:00Z');
    const expires = exportExpiresAt(made);
    expect(expires.getTime() - made.getTime()).toBe(EXPORT_RETENTION_MS);
    expect(exportAvailable(expires, new Date(expires.getTime() - 1))).toBe(true);
    expect(exportAvailable(expires, expires)).toBe(false);
  });

  it('lets the member who asked and owners download, nobody else', () => {
    for (const role of ADMIN_ROLES) {
      expect(mayDownloadExport({ userId: 'a', role }, { createdById: 'a' })).toBe(true);
      expect(mayDownloadExport({ userId: 'b', role }, { createdById: 'a' })).toBe(role === 'OWNER');
    }
    expect(mayDownloadExport(null, { createdById: 'a' })).toBe(false);
    expect(mayDownloadExport({ userId: 'a', role: 'PRIVACY_OFFICER' }, { createdById: null })).toBe(false);
  });
});

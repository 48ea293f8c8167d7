import {
  validateCollection,
  type CollectionDraft,
  type CollectionItemDraft,
} from '../collection/validate-collection.js';
import { validateReference } from '../fields/field-formats.js';
import { issue, type Issue, type IssueCode } from '../issues.js';
import type { MessageParams } from '../messages/format.js';
import type { PurposeFact } from '../use/may-use-for-purpose.js';
import { DATA_CATEGORIES, DATA_CATEGORY_INFO, type DataCategory } from '../vocabulary/data-categories.js';
import { memberOf } from '../vocabulary/guard.js';
import type { ProviderKind } from '../vocabulary/provider-kinds.js';

/**
 * What a column of an import file holds: the provider's key (REFERENCE, e.g. the member number: a
 * second run finds the provider by it and skips the row), the purposes they consented to, the day
 * they consented, an item of one data category, or nothing Steward keeps (IGNORE).
 */
export const IMPORT_TARGETS = ['IGNORE', 'REFERENCE', 'PURPOSES', 'CONSENT_DATE', ...DATA_CATEGORIES] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];
export const isImportTarget = memberOf(IMPORT_TARGETS);

/** Which column (0-based, as in the file) goes to which target. */
export type ImportColumnMapping = { column: number; target: ImportTarget };

/** One problem of one row: the file's row number (the header is row 1), its column (0-based; null: the row as a whole). */
export type ImportIssue = {
  row: number;
  column: number | null;
  code: IssueCode;
  message: string;
  params?: MessageParams;
};

export type ImportRowStatus = 'READY' | 'INVALID' | 'EXISTS';

/** What one row of the file becomes: a collection to record (READY), problems (INVALID), or a provider already there (EXISTS). */
export type ImportRowPlan = {
  row: number;
  status: ImportRowStatus;
  reference: string | null;
  /** The day the provider consented (UTC midnight), as the file says. */
  consentDate: Date | null;
  draft: CollectionDraft | null;
  issues: ImportIssue[];
};

export type ImportContext = {
  purposes: readonly (PurposeFact & { titleJa?: string; titleEn?: string })[];
  providerKind: ProviderKind;
  currentPolicyVersion: number;
  /** Today (time passed in): a consent day after it has not happened yet. */
  now: Date;
  /** References of providers already in Steward (read by the caller): their rows are EXISTS. */
  existingReferences: ReadonlySet<string>;
};

/** How a header is normalised before matching: NFKC, lower case, no spaces, dots, hyphens or underscores. */
function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s._\-・()（）]/gu, '');
}

// Headers seen in Japanese and English member lists, normalised as above.
const HEADER_GUESSES: readonly (readonly [ImportTarget, readonly string[]])[] = [
  [
    'REFERENCE',
    ['会員番号', '会員no', '会員id', 'memberno', 'membernumber', 'membershipnumber', 'memberid', 'reference', 'ref'],
  ],
  [
    'NAME_READING',
    ['フリガナ', 'ふりがな', 'カナ', '氏名カナ', '氏名フリガナ', 'よみ', 'reading', 'furigana', 'kana', 'namereading'],
  ],
  ['NAME', ['氏名', '名前', '姓名', 'name', 'fullname', 'membername']],
  ['POSTAL_CODE', ['郵便番号', '〒', 'postcode', 'postalcode', 'zip', 'zipcode']],
  ['POSTAL_ADDRESS', ['住所', '所在地', '送付先', 'address', 'postaladdress', 'mailingaddress']],
  ['EMAIL', ['メール', 'メールアドレス', 'eメール', '電子メール', 'email', 'mail', 'emailaddress']],
  ['TELEPHONE', ['電話', '電話番号', 'tel', 'telephone', 'phone', 'phonenumber']],
  ['FAX', ['fax', 'ファクス', 'ファックス', 'fax番号', 'faxnumber']],
  ['AFFILIATION', ['所属', '勤務先', '所属機関', 'affiliation', 'organisation', 'organization', 'institution']],
  ['PURPOSES', ['利用目的', '同意した利用目的', '同意目的', 'purposes', 'purpose', 'consentedpurposes', 'consents']],
  ['CONSENT_DATE', ['同意日', '同意年月日', '署名日', 'consentdate', 'consentedon', 'consentedat', 'dateofconsent']],
];

/** The target a header most likely names (ja or en), or IGNORE. */
export function guessImportTarget(header: string): ImportTarget {
  const h = normalizeHeader(header);
  if (h === '') return 'IGNORE';
  for (const [target, names] of HEADER_GUESSES) if (names.includes(h)) return target;
  return 'IGNORE';
}

/** A mapping for a file's header row: each column its guess, a target taken once (the first column that names it). */
export function guessImportMapping(headers: readonly string[]): ImportColumnMapping[] {
  const taken = new Set<ImportTarget>();
  return headers.map((header, column) => {
    const guess = guessImportTarget(header);
    if (guess === 'IGNORE' || taken.has(guess)) return { column, target: 'IGNORE' };
    taken.add(guess);
    return { column, target: guess };
  });
}

/** Checks a mapping: known targets, each at most once, and the key column and the purposes mapped. */
export function validateImportMapping(mapping: readonly ImportColumnMapping[], columnCount: number): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<ImportTarget>();
  const columns = new Set<number>();
  mapping.forEach(({ column, target }, i) => {
    const field = `mapping[${i}]`;
    if (!Number.isInteger(column) || column < 0 || column >= columnCount || columns.has(column))
      issues.push(issue(`${field}.column`, 'INVALID_VALUE', `There is no column ${column} (or it is mapped twice).`));
    columns.add(column);
    if (!isImportTarget(target)) issues.push(issue(`${field}.target`, 'INVALID_VALUE', 'Unknown import target.'));
    else if (target !== 'IGNORE' && seen.has(target))
      issues.push(issue(`${field}.target`, 'DUPLICATE', `${target} is mapped to more than one column.`));
    seen.add(target);
  });
  for (const needed of ['REFERENCE', 'PURPOSES'] as const)
    if (!seen.has(needed)) issues.push(issue('mapping', 'REQUIRED', `Map a column to ${needed}.`));
  return issues;
}

/**
 * A cell a spreadsheet would run as a formula when the file is opened again: it starts with `=` or
 * `@`, or with `+` / `-` and is not a telephone-like number (+81 3-1234-5678).
 */
export function isFormulaLike(value: string): boolean {
  const v = value.trimStart();
  if (v.startsWith('=') || v.startsWith('@')) return true;
  return (v.startsWith('+') || v.startsWith('-')) && !/^[+-][\d\s()-]*$/u.test(v);
}

const SPLIT_PURPOSES = /[;；,，、|\n]/u;

/** A day as the file gives it (2024-04-01, 2024/4/1, 2024.04.01), UTC midnight; null when it is not one. */
export function parseImportDate(value: string): Date | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/u.exec(value.normalize('NFKC').trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

/** Where a collection issue's field points in the file. */
function columnOfField(field: string, itemColumns: readonly number[], purposesColumn: number | null): number | null {
  const item = /^items\[(\d+)\]/u.exec(field);
  if (item) return itemColumns[Number(item[1])] ?? null;
  if (field.startsWith('purposes')) return purposesColumn;
  return null;
}

/**
 * Turns the file's data rows into what the import records, checking each by the rules of one
 * collection (`validateCollection`, channel IMPORT, consent on a signed paper form) and the file's
 * own: the key present and unique in the file, a known purpose per listed name (key or title in
 * either language), a consent day that is a real past day, no formula in any cell. Rows whose key
 * a provider already has are EXISTS (skipped, never recorded twice). `rows` excludes the header;
 * row numbers count it (the first data row is row 2).
 */
export function planImport(
  rows: readonly (readonly string[])[],
  mapping: readonly ImportColumnMapping[],
  ctx: ImportContext,
): ImportRowPlan[] {
  const columnOf = (target: ImportTarget) => mapping.find((m) => m.target === target)?.column ?? null;
  const referenceColumn = columnOf('REFERENCE');
  const purposesColumn = columnOf('PURPOSES');
  const dateColumn = columnOf('CONSENT_DATE');
  const itemMappings = mapping.filter((m): m is { column: number; target: DataCategory } =>
    (DATA_CATEGORIES as readonly string[]).includes(m.target),
  );
  const purposeByName = new Map<string, string>();
  for (const p of ctx.purposes)
    for (const name of [p.key, p.titleJa, p.titleEn])
      if (name) purposeByName.set(name.normalize('NFKC').toLowerCase(), p.key);
  const seenReferences = new Set<string>();

  return rows.map((cells, index) => {
    const row = index + 2;
    const issues: ImportIssue[] = [];
    const add = (column: number | null, i: Issue) =>
      issues.push({ row, column, code: i.code, message: i.message, ...(i.params ? { params: i.params } : {}) });
    const cell = (column: number | null) => (column === null ? '' : (cells[column] ?? '').trim());

    for (const { column, target } of mapping)
      if (target !== 'IGNORE' && isFormulaLike(cell(column)))
        add(column, issue(`column${column}`, 'FORMULA', 'Starts like a spreadsheet formula.'));

    const reference = cell(referenceColumn) || null;
    const refIssue = validateReference(reference);
    if (refIssue) add(referenceColumn, refIssue);
    else if (seenReferences.has(reference!))
      add(referenceColumn, issue('reference', 'DUPLICATE', 'An earlier row has the same key.'));
    if (reference) seenReferences.add(reference);

    let consentDate: Date | null = null;
    if (dateColumn !== null) {
      const raw = cell(dateColumn);
      consentDate = raw ? parseImportDate(raw) : null;
      if (!raw) add(dateColumn, issue('consentDate', 'REQUIRED', 'The day of consent is missing.'));
      else if (!consentDate) add(dateColumn, issue('consentDate', 'INVALID_FORMAT', 'Write the day as YYYY-MM-DD.'));
      else if (consentDate.getUTCFullYear() < 1900)
        add(dateColumn, issue('consentDate', 'INVALID_VALUE', 'Before 1900.'));
      else if (consentDate.getTime() > ctx.now.getTime())
        add(dateColumn, issue('consentDate', 'NOT_YET_HAPPENED', 'The day of consent is in the future.'));
    }

    const purposeKeys: string[] = [];
    for (const name of cell(purposesColumn).split(SPLIT_PURPOSES)) {
      const n = name.trim();
      if (!n) continue;
      const key = purposeByName.get(n.normalize('NFKC').toLowerCase());
      // An unknown name keeps its text as the key: validateCollection reports UNKNOWN_PURPOSE for it.
      purposeKeys.push(key ?? n);
    }

    const items: CollectionItemDraft[] = [];
    const itemColumns: number[] = [];
    for (const { column, target } of itemMappings) {
      const raw = cells[column] ?? '';
      if (raw.trim() === '') continue;
      // A multi-line category (an address) keeps its lines, as LF; any other value is one line.
      const value = DATA_CATEGORY_INFO[target].multiline ? raw.replace(/\r\n?/gu, '\n').trim() : raw.trim();
      items.push({ category: target, value });
      itemColumns.push(column);
    }

    const draft: CollectionDraft = {
      providerKind: ctx.providerKind,
      channel: 'IMPORT',
      consentMethod: 'SIGNED_FORM',
      policyVersionShown: ctx.currentPolicyVersion,
      currentPolicyVersion: ctx.currentPolicyVersion,
      purposes: purposeKeys.map((purposeKey) => ({ purposeKey, granted: true })),
      items,
    };
    const validation = validateCollection(draft, ctx.purposes);
    if (!validation.ok) for (const i of validation.issues) add(columnOfField(i.field, itemColumns, purposesColumn), i);

    const status: ImportRowStatus =
      issues.length > 0 ? 'INVALID' : reference && ctx.existingReferences.has(reference) ? 'EXISTS' : 'READY';
    return { row, status, reference, consentDate, draft: status === 'READY' ? draft : null, issues };
  });
}

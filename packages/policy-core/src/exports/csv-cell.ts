/**
 * The characters that make a spreadsheet read a cell as a formula (CSV injection, OWASP): `=`, `+`,
 * `-`, `@`, and TAB and CR, which some spreadsheets skip before looking for one.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell's text as an export writes it: a value that a spreadsheet would run as a formula gets a
 * leading apostrophe, which Excel and LibreOffice show as text and do not display. Every other value
 * is kept exactly (a number written as text, e.g. `-3`, is neutralised too: exports write numbers as
 * they are, not through this).
 */
export function neutraliseCsvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Whether `value` would be read as a formula by a spreadsheet (what neutraliseCsvCell guards). */
export function looksLikeFormula(value: string): boolean {
  return FORMULA_START.test(value);
}

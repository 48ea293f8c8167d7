import { describe, expect, it } from 'vitest';
import { ISSUE_CODES, issue, isIssueCode, toValidation } from './issues.js';

describe('toValidation', () => {
  it('is ok only for no issues', () => {
    expect(toValidation([])).toEqual({ ok: true });
    const one = issue('items[0].value', 'TOO_LONG', 'At most 5 characters.');
    expect(toValidation([one])).toEqual({ ok: false, issues: [one] });
  });

  it('copies the list so later pushes do not leak into the result', () => {
    const list = [issue('note', 'REQUIRED', 'A value is required.')];
    const v = toValidation(list);
    list.push(issue('source', 'REQUIRED', 'A value is required.'));
    expect(v.ok === false && v.issues).toHaveLength(1);
  });
});

describe('ISSUE_CODES', () => {
  it('contains the contract codes once each', () => {
    // The contract's list, as the issue that introduced it wrote it.
    const required = (
      'REQUIRED TOO_LONG TOO_SHORT INVALID_FORMAT CONTROL_CHARACTERS DUPLICATE UNKNOWN_PURPOSE RETIRED_PURPOSE ' +
      'NO_PURPOSE CONSENT_MISSING CATEGORY_NOT_NEEDED CATEGORY_ONLY_FOR_REFUSED_PURPOSE POLICY_VERSION_NOT_CURRENT ' +
      'NO_ITEMS NO_CHANGE NOT_GRANTED PROVENANCE_REQUIRED'
    ).split(' ');
    expect(required.filter((c) => !isIssueCode(c))).toEqual([]);
    expect(new Set(ISSUE_CODES).size).toBe(ISSUE_CODES.length);
    expect(isIssueCode('required')).toBe(false);
  });
});

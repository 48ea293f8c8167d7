import { describe, expect, it } from 'vitest';
import { prettyReceiptJson, receiptFileName } from './receipt.js';

describe('receiptFileName', () => {
  it('names the file after the receipt id', () => {
    expect(receiptFileName('rcpt_01HZY8')).toBe('consent-receipt-rcpt_01HZY8.json');
  });
  it('replaces characters that are unsafe in file names', () => {
    expect(receiptFileName('a/b:c d')).toBe('consent-receipt-a-b-c-d.json');
    expect(receiptFileName('///')).toBe('consent-receipt-receipt.json');
  });
});

describe('prettyReceiptJson', () => {
  it('indents valid JSON and leaves anything else as it is', () => {
    expect(prettyReceiptJson('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyReceiptJson('not json')).toBe('not json');
  });
});

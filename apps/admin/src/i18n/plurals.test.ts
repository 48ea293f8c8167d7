import { describe, expect, it } from 'vitest';
import { createI18n } from './i18n.js';

// Counts read as numbers: "1 entry" and "1,234,567 entries" in English, 1,234,567件 in Japanese.
describe('counts in the catalogues', () => {
  const en = createI18n('en').t;
  const ja = createI18n('ja').t;

  it('agree with their noun in English and group their digits', () => {
    expect(en('jobs:progress.messages.ledgerEntries', { done: 1 })).toBe('1 entry checked');
    expect(en('jobs:progress.messages.ledgerEntriesOf', { done: 1234, total: 1234567 })).toBe(
      '1,234 of 1,234,567 entries checked',
    );
    expect(en('ledger:status.verifies', { count: 1 })).toBe('Chain verifies: 1 entry');
    expect(en('ledger:status.verifies', { count: 1234567 })).toBe('Chain verifies: 1,234,567 entries');
    expect(en('documents:chrome.showAll', { count: 1234567, shown: 200 })).toBe(
      'Show all 1,234,567 entries (first 200 shown)',
    );
    expect(en('ledger-explorer:chart.count', { series: 'consent', count: 12345 })).toBe('consent 12,345');
  });

  it('group their digits in Japanese', () => {
    expect(ja('jobs:progress.messages.ledgerEntriesOf', { done: 1234, total: 1234567 })).toBe(
      '1,234,567件中1,234件を検証済み',
    );
    expect(ja('ledger:status.verifies', { count: 1234567 })).toBe('連結は正常です：1,234,567件');
  });
});

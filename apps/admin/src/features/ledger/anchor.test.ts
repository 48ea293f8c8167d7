import { describe, expect, it } from 'vitest';
import { formatAnchor, parseAnchor } from './anchor.js';

const HASH = 'ab'.repeat(32);

describe('ledger anchors', () => {
  it('reads back what it writes, whitespace and upper case included', () => {
    expect(parseAnchor(formatAnchor(42, HASH))).toEqual({ anchor: { sequence: 42, hash: HASH } });
    expect(parseAnchor(`  42:${HASH.toUpperCase()}\n`)).toEqual({ anchor: { sequence: 42, hash: HASH } });
  });

  it.each([
    ['', 'SEQUENCE:HASH'],
    [HASH, 'SEQUENCE:HASH'],
    [`42:${HASH.slice(1)}`, 'SEQUENCE:HASH'],
    [`42:${HASH}0`, 'SEQUENCE:HASH'],
    [`-1:${HASH}`, 'SEQUENCE:HASH'],
    [`4 2:${HASH}`, 'SEQUENCE:HASH'],
    [`0:${HASH}`, 'numbered from 1'],
  ])('refuses %j', (text, message) => {
    const parsed = parseAnchor(text);
    expect('error' in parsed && parsed.error).toContain(message);
  });
});

import { describe, expect, it } from 'vitest';
import { formatAnchor, parseAnchor } from './anchor.js';

const HASH = 'ab'.repeat(32);

describe('ledger anchors', () => {
  it('reads back what it writes, whitespace and upper case included', () => {
    expect(parseAnchor(formatAnchor(42, HASH))).toEqual({ anchor: { sequence: 42, hash: HASH } });
    expect(parseAnchor(`  42:${HASH.toUpperCase()}\n`)).toEqual({ anchor: { sequence: 42, hash: HASH } });
  });

  it.each([
    ['', 'format'],
    [HASH, 'format'],
    [`42:${HASH.slice(1)}`, 'format'],
    [`42:${HASH}0`, 'format'],
    [`-1:${HASH}`, 'format'],
    [`4 2:${HASH}`, 'format'],
    [`0:${HASH}`, 'sequence'],
  ])('refuses %j', (text, error) => {
    expect(parseAnchor(text)).toEqual({ error });
  });
});

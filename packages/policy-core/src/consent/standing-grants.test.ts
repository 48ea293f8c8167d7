import { describe, expect, it } from 'vitest';
import { refusedOrWithdrawnSince, standingGrantIds, type ConsentEventOrder } from './standing-grants.js';

const ev = (id: string, purpose: string, sequence: number, action: ConsentEventOrder['action']): ConsentEventOrder => ({
  id,
  purpose,
  sequence,
  action,
});

describe('standingGrantIds', () => {
  it('keeps a grant with nothing after it, and every grant of a purpose granted again', () => {
    expect(standingGrantIds([ev('g1', 'NEWS', 1, 'GRANT')])).toEqual(['g1']);
    expect(standingGrantIds([ev('g1', 'NEWS', 1, 'GRANT'), ev('g2', 'NEWS', 2, 'GRANT')])).toEqual(['g1', 'g2']);
  });

  it('drops a grant withdrawn or refused later for the same purpose, whatever follows', () => {
    expect(standingGrantIds([ev('g1', 'NEWS', 1, 'GRANT'), ev('w', 'NEWS', 2, 'WITHDRAW')])).toEqual([]);
    expect(standingGrantIds([ev('g1', 'NEWS', 1, 'GRANT'), ev('r', 'NEWS', 2, 'REFUSE')])).toEqual([]);
    // A new grant after the withdrawal stands; the old one does not come back.
    expect(
      standingGrantIds([ev('g1', 'NEWS', 1, 'GRANT'), ev('w', 'NEWS', 2, 'WITHDRAW'), ev('g2', 'NEWS', 3, 'GRANT')]),
    ).toEqual(['g2']);
  });

  it('judges each purpose apart, and goes by sequence, not by the order given', () => {
    const events = [
      ev('w', 'NEWS', 3, 'WITHDRAW'),
      ev('g-news', 'NEWS', 1, 'GRANT'),
      ev('g-journal', 'JOURNAL', 2, 'GRANT'),
    ];
    expect(standingGrantIds(events)).toEqual(['g-journal']);
    // A withdrawal before the grant does not touch it.
    expect(standingGrantIds([ev('w', 'NEWS', 1, 'WITHDRAW'), ev('g', 'NEWS', 2, 'GRANT')])).toEqual(['g']);
  });

  it('is empty without events, and never lists a refusal or a withdrawal', () => {
    expect(standingGrantIds([])).toEqual([]);
    expect(standingGrantIds([ev('r', 'NEWS', 1, 'REFUSE'), ev('w', 'JOURNAL', 2, 'WITHDRAW')])).toEqual([]);
  });
});

describe('refusedOrWithdrawnSince', () => {
  it('is true only for a later non-GRANT event of the same purpose', () => {
    const grant = ev('g', 'NEWS', 2, 'GRANT');
    expect(refusedOrWithdrawnSince(grant, [grant])).toBe(false);
    expect(refusedOrWithdrawnSince(grant, [grant, ev('w0', 'NEWS', 1, 'WITHDRAW')])).toBe(false);
    expect(refusedOrWithdrawnSince(grant, [grant, ev('w', 'JOURNAL', 3, 'WITHDRAW')])).toBe(false);
    expect(refusedOrWithdrawnSince(grant, [grant, ev('g2', 'NEWS', 3, 'GRANT')])).toBe(false);
    expect(refusedOrWithdrawnSince(grant, [grant, ev('r', 'NEWS', 3, 'REFUSE')])).toBe(true);
  });
});

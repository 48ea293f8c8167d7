import { describe, expect, it } from 'vitest';
import { INQUIRY_STATUSES } from './inquiry-vocabulary.js';
import { inquiryAbilities } from './inquiry-abilities.js';
import { validateInquiryStatusChange } from './inquiry-status.js';

const owner = { userId: 'u-1', role: 'OWNER' } as const;
const officer = { userId: 'u-2', role: 'PRIVACY_OFFICER' } as const;
const viewer = { userId: 'u-3', role: 'VIEWER' } as const;
const facts = { status: 'NEW', providerLinked: false, answers: 0 } as const;

describe('inquiryAbilities', () => {
  it('gives a viewer or nobody nothing', () => {
    const nothing = { reply: false, assign: false, link: false, unlink: false, nextStatuses: [] };
    expect(inquiryAbilities({ ...facts, providerLinked: true, answers: 2 }, viewer)).toEqual(nothing);
    expect(inquiryAbilities(facts, null)).toEqual(nothing);
  });

  it('lets owners and privacy officers reply, assign and link; unlink only a linked provider', () => {
    for (const caller of [owner, officer]) {
      expect(inquiryAbilities(facts, caller)).toEqual({
        reply: true,
        assign: true,
        link: true,
        unlink: false,
        nextStatuses: ['IN_PROGRESS', 'CLOSED'],
      });
      expect(inquiryAbilities({ ...facts, providerLinked: true }, caller).unlink).toBe(true);
    }
  });

  it('offers ANSWERED only once an answer is recorded; a closed inquiry only reopens', () => {
    expect(inquiryAbilities({ ...facts, status: 'IN_PROGRESS' }, owner).nextStatuses).toEqual(['CLOSED']);
    expect(inquiryAbilities({ ...facts, status: 'IN_PROGRESS', answers: 1 }, owner).nextStatuses).toEqual([
      'ANSWERED',
      'CLOSED',
    ]);
    expect(inquiryAbilities({ ...facts, status: 'ANSWERED', answers: 1 }, owner).nextStatuses).toEqual([
      'IN_PROGRESS',
      'CLOSED',
    ]);
    const closed = inquiryAbilities({ ...facts, status: 'CLOSED', answers: 1 }, owner);
    expect(closed.nextStatuses).toEqual(['IN_PROGRESS']);
    expect(closed.reply).toBe(true);
  });

  it('offers exactly the moves validateInquiryStatusChange accepts', () => {
    for (const status of INQUIRY_STATUSES)
      for (const answers of [0, 1])
        for (const to of INQUIRY_STATUSES) {
          const offered = inquiryAbilities({ status, providerLinked: false, answers }, officer).nextStatuses;
          expect(offered.includes(to)).toBe(validateInquiryStatusChange(status, to, { answers }).ok);
        }
  });
});

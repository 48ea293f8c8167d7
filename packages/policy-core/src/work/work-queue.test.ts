import { describe, expect, it } from 'vitest';
import { exceptionAbilities } from '../exceptions/exception-abilities.js';
import { EXCEPTION_STATUSES } from '../exceptions/exception-evidence.js';
import { ADMIN_ROLES } from '../vocabulary/roles.js';
import { approvalQueueFilter, isUnansweredInquiry, workQueueScope } from './work-queue.js';

const me = 'user-me';
const other = 'user-other';

describe('approvalQueueFilter', () => {
  it('selects exactly the exceptions whose approve ability the caller has', () => {
    for (const role of ADMIN_ROLES) {
      const caller = { userId: me, role };
      const filter = approvalQueueFilter(caller);
      for (const status of EXCEPTION_STATUSES) {
        for (const authorId of [me, other]) {
          const inQueue = filter !== null && status === filter.status && authorId !== filter.notAuthoredBy;
          expect(inQueue, `${role} ${status} by ${authorId}`).toBe(
            exceptionAbilities({ status, authorId }, caller).approve,
          );
        }
      }
    }
  });

  it('is null for a viewer and for nobody', () => {
    expect(approvalQueueFilter({ userId: me, role: 'VIEWER' })).toBeNull();
    expect(approvalQueueFilter(null)).toBeNull();
  });

  it('excludes the drafts the caller wrote', () => {
    expect(approvalQueueFilter({ userId: me, role: 'PRIVACY_OFFICER' })).toEqual({
      status: 'DRAFT',
      notAuthoredBy: me,
    });
  });
});

describe('workQueueScope', () => {
  it('shows a viewer the requests and incidents only', () => {
    expect(workQueueScope({ userId: me, role: 'VIEWER' })).toEqual({
      approvals: false,
      requests: true,
      inquiries: false,
      ledgerVerification: false,
      incidents: true,
    });
  });

  it('shows owners and privacy officers every section', () => {
    for (const role of ['OWNER', 'PRIVACY_OFFICER'] as const) {
      expect(Object.values(workQueueScope({ userId: me, role })).every(Boolean)).toBe(true);
    }
  });

  it('shows nobody nothing', () => {
    expect(Object.values(workQueueScope(null)).some(Boolean)).toBe(false);
  });
});

describe('isUnansweredInquiry', () => {
  it('is true for new and in-progress inquiries only', () => {
    expect(isUnansweredInquiry('NEW')).toBe(true);
    expect(isUnansweredInquiry('IN_PROGRESS')).toBe(true);
    expect(isUnansweredInquiry('ANSWERED')).toBe(false);
    expect(isUnansweredInquiry('CLOSED')).toBe(false);
  });
});

import {
  DEFAULT_RECURRING_CLOSED_DAYS,
  daysRemaining,
  dueDate,
  isOverdue,
  validateStatusChange,
} from '@steward/policy-core';

const period = {
  days: 5,
  unit: 'BUSINESS_DAYS',
  timeZone: 'Asia/Tokyo',
  nationalHolidays: ['2026-01-01', '2026-01-12'],
  recurringClosedDays: DEFAULT_RECURRING_CLOSED_DAYS,
  holidays: [],
} as const;

// Received Wednesday 24 Dec 2025, 23:30 JST (still the 24th in Tokyo, 14:30Z in UTC);
// due at the end of Wednesday 7 Jan in Tokyo: 25–31 Dec and 1–3 Jan are closed, 4 Jan is a Sunday.
const dueAt = dueDate(new Date('2025-12-24T14:30:00Z'), period);
console.log(dueAt.toISOString());
console.log('overdue on 8 Jan:', isOverdue({ status: 'IN_PROGRESS', dueAt }, new Date('2026-01-08T00:00:00Z')));
console.log('days remaining:', daysRemaining(dueAt, new Date('2026-01-06T15:00:00Z'))); // rounded up

const change = validateStatusChange('VERIFYING', 'IN_PROGRESS', { identityVerified: false });
if (!change.ok) for (const issue of change.issues) console.log(issue.field, issue.code);
const rejection = validateStatusChange('RECEIVED', 'REJECTED', { identityVerified: false, rejectionReason: '' });
if (!rejection.ok) for (const issue of rejection.issues) console.log(issue.field, issue.code);

// Output:
// 2026-01-07T14:59:59.999Z
// overdue on 8 Jan: true
// days remaining: 1
// identityVerified IDENTITY_NOT_VERIFIED
// rejectionReason REQUIRED

import { describe, expect, it } from 'vitest';
import {
  isProviderMail,
  mailAudience,
  mayOptOutOfMail,
  requestReminderKind,
  STAFF_MAIL_KINDS,
  wantsMail,
  type MailStaffMember,
} from './mail-rules.js';

const staff: MailStaffMember[] = [
  { id: 'owner', role: 'OWNER', active: true },
  { id: 'officer', role: 'PRIVACY_OFFICER', active: true },
  { id: 'viewer', role: 'VIEWER', active: true },
  { id: 'gone', role: 'OWNER', active: false },
];

describe('mail rules', () => {
  it('security mails cannot be turned off; the others can', () => {
    expect(mayOptOutOfMail('STAFF_INVITATION')).toBe(false);
    expect(mayOptOutOfMail('PASSWORD_RESET')).toBe(false);
    expect(mayOptOutOfMail('APPROVAL_WAITING')).toBe(true);
    expect(wantsMail('PASSWORD_RESET', ['PASSWORD_RESET'])).toBe(true);
    expect(wantsMail('INQUIRY_RECEIVED', ['INQUIRY_RECEIVED'])).toBe(false);
    expect(wantsMail('INQUIRY_RECEIVED', ['APPROVAL_WAITING'])).toBe(true);
  });

  it("a provider's incident notice is no member's mail: not optional, to no staff, not among the preferences", () => {
    expect(mayOptOutOfMail('INCIDENT_NOTICE')).toBe(false);
    expect(isProviderMail('INCIDENT_NOTICE')).toBe(true);
    expect(isProviderMail('INQUIRY_RECEIVED')).toBe(false);
    expect(mailAudience('INCIDENT_NOTICE', staff)).toEqual([]);
    expect(STAFF_MAIL_KINDS).not.toContain('INCIDENT_NOTICE');
    expect(STAFF_MAIL_KINDS).toContain('PASSWORD_RESET');
  });

  it('an approval waits for active approvers other than its author', () => {
    expect(mailAudience('APPROVAL_WAITING', staff, { authorId: 'owner' })).toEqual(['officer']);
    expect(mailAudience('APPROVAL_WAITING', staff, { authorId: 'viewer' })).toEqual(['owner', 'officer']);
  });

  it('a new inquiry goes to its active assignee, else to every active writer', () => {
    expect(mailAudience('INQUIRY_RECEIVED', staff, { assigneeId: 'officer' })).toEqual(['officer']);
    expect(mailAudience('INQUIRY_RECEIVED', staff, { assigneeId: 'gone' })).toEqual(['owner', 'officer']);
    expect(mailAudience('INQUIRY_RECEIVED', staff)).toEqual(['owner', 'officer']);
    expect(mailAudience('REQUEST_OVERDUE', staff)).toEqual(['owner', 'officer']);
    expect(mailAudience('INCIDENT_REPORT_OVERDUE', staff)).toEqual(['owner', 'officer']);
    expect(mailAudience('INCIDENT_REPORT_DUE_SOON', staff)).toEqual(['owner', 'officer']);
    expect(mailAudience('PASSWORD_RESET', staff)).toEqual([]);
  });

  it('a request is reminded of once due within the days given, and once overdue; never when closed', () => {
    const at = new Date('2026-04-10T00:00:00Z');
    const due = (iso: string, status: 'RECEIVED' | 'COMPLETED' = 'RECEIVED') => ({ status, dueAt: new Date(iso) });
    expect(requestReminderKind(due('2026-04-13T00:00:00Z'), at, 3)).toBe('REQUEST_DUE_SOON');
    expect(requestReminderKind(due('2026-04-13T00:00:01Z'), at, 3)).toBeNull();
    expect(requestReminderKind(due('2026-04-09T23:59:59Z'), at, 3)).toBe('REQUEST_OVERDUE');
    expect(requestReminderKind(due('2026-04-09T23:59:59Z', 'COMPLETED'), at, 3)).toBeNull();
  });
});

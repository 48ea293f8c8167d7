import { describe, expect, it } from 'vitest';
import { allowedInquiryStatuses, inquiryStatusAfterReply, validateInquiryStatusChange } from './inquiry-status.js';
import { INQUIRY_STATUSES, type InquiryStatus } from './inquiry-vocabulary.js';
import { normalizeInquiry, validateInquiry } from './validate-inquiry.js';

const codes = (v: ReturnType<typeof validateInquiry>) => (v.ok ? [] : v.issues.map((i) => `${i.field}:${i.code}`));

describe('validateInquiryStatusChange', () => {
  it('allows exactly the documented steps', () => {
    const allowed = INQUIRY_STATUSES.flatMap((from) =>
      INQUIRY_STATUSES.filter((to) => validateInquiryStatusChange(from, to, { answers: 1 }).ok).map(
        (to) => `${from}>${to}`,
      ),
    );
    expect(allowed).toEqual([
      'NEW>IN_PROGRESS',
      'NEW>CLOSED',
      'IN_PROGRESS>ANSWERED',
      'IN_PROGRESS>CLOSED',
      'ANSWERED>IN_PROGRESS',
      'ANSWERED>CLOSED',
      'CLOSED>IN_PROGRESS',
    ]);
    expect(allowedInquiryStatuses('CLOSED')).toEqual(['IN_PROGRESS']);
  });

  it('needs an answer before ANSWERED, and reports no-ops and unknown statuses', () => {
    expect(codes(validateInquiryStatusChange('IN_PROGRESS', 'ANSWERED', { answers: 0 }))).toEqual(['answers:REQUIRED']);
    expect(codes(validateInquiryStatusChange('NEW', 'ANSWERED', { answers: 0 }))).toEqual([
      'status:INVALID_TRANSITION',
      'answers:REQUIRED',
    ]);
    expect(codes(validateInquiryStatusChange('NEW', 'NEW', { answers: 0 }))).toEqual(['status:NO_CHANGE']);
    expect(codes(validateInquiryStatusChange('NEW', 'DONE' as InquiryStatus, { answers: 0 }))).toEqual([
      'status:INVALID_VALUE',
    ]);
  });
});

describe('inquiryStatusAfterReply', () => {
  it('an answer moves a new or in-progress inquiry to ANSWERED; a note, or an answered or closed inquiry, stays', () => {
    expect(INQUIRY_STATUSES.map((from) => [from, inquiryStatusAfterReply(from, 'ANSWER')])).toEqual([
      ['NEW', 'ANSWERED'],
      ['IN_PROGRESS', 'ANSWERED'],
      ['ANSWERED', 'ANSWERED'],
      ['CLOSED', 'CLOSED'],
    ]);
    expect(INQUIRY_STATUSES.map((from) => inquiryStatusAfterReply(from, 'NOTE'))).toEqual(INQUIRY_STATUSES);
  });
});

describe('validateInquiry', () => {
  const web = { name: 'Aiko', email: 'aiko@example.jp', subject: 'My data', message: 'Which data\r\ndo you hold?' };
  it('accepts a web inquiry and normalises it', () => {
    expect(validateInquiry(web, { requireContact: true })).toEqual({ ok: true });
    expect(normalizeInquiry({ ...web, name: '  ', postalAddress: ' Tokyo\r\n1-2 ' })).toMatchObject({
      name: null,
      postalAddress: 'Tokyo\n1-2',
      message: 'Which data\ndo you hold?',
    });
  });

  it('needs a way to answer on the web form, not for staff entries', () => {
    expect(codes(validateInquiry({ ...web, email: '' }, { requireContact: true }))).toEqual(['email:REQUIRED']);
    expect(validateInquiry({ ...web, email: null }, { requireContact: false })).toEqual({ ok: true });
    expect(
      validateInquiry({ ...web, email: null, postalAddress: '1-5-9 Kudan-kita\nTokyo' }, { requireContact: true }),
    ).toEqual({ ok: true });
  });

  it('refuses hostile and oversized input, all at once', () => {
    const v = validateInquiry(
      { name: 'a\u0000b', email: 'not-an-address', telephone: 'call me', subject: 'x\ny', message: 'm'.repeat(5001) },
      { requireContact: true },
    );
    expect(codes(v)).toEqual([
      'name:CONTROL_CHARACTERS',
      'email:INVALID_FORMAT',
      'telephone:INVALID_FORMAT',
      'subject:CONTROL_CHARACTERS',
      'message:TOO_LONG',
    ]);
    expect(codes(validateInquiry({ subject: '', message: ' ' }, { requireContact: false }))).toEqual([
      'subject:REQUIRED',
      'message:REQUIRED',
    ]);
  });
});

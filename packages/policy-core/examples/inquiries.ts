import { allowedInquiryStatuses, validateInquiry, validateInquiryStatusChange } from '@steward/policy-core';

const inquiry = validateInquiry(
  { name: 'Aiko', email: null, postalAddress: null, subject: 'My data', message: 'What do you hold?' },
  { requireContact: true },
);
if (!inquiry.ok) for (const issue of inquiry.issues) console.log(issue.field, issue.code, '-', issue.message);

const answered = validateInquiryStatusChange('IN_PROGRESS', 'ANSWERED', { answers: 0 });
if (!answered.ok) for (const issue of answered.issues) console.log(issue.field, issue.code);

console.log(allowedInquiryStatuses('CLOSED')); // reopen

// Output:
// email REQUIRED - Give an e-mail address or a postal address so the secretariat can answer.
// answers REQUIRED
// [ 'IN_PROGRESS' ]

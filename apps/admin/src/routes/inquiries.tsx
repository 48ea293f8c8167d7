import { useParams } from 'react-router';
import { InquiriesPage } from '../features/inquiries/InquiriesPage.js';
import { InquiryPage } from '../features/inquiries/InquiryPage.js';
import { RecordInquiryPage } from '../features/inquiries/RecordInquiryPage.js';
import { useCanWrite } from '../features/session/session-context.js';
import { ReadOnlyNotice } from './read-only.js';

export function InquiriesRoute() {
  if (!useCanWrite()) return <ReadOnlyNotice reason="inquiries" />;
  return <InquiriesPage />;
}

export function InquiryRoute() {
  const { inquiryId = '' } = useParams();
  if (!useCanWrite()) return <ReadOnlyNotice reason="inquiries" />;
  return <InquiryPage key={inquiryId} inquiryId={inquiryId} />;
}

export function NewInquiryRoute() {
  if (!useCanWrite()) return <ReadOnlyNotice reason="inquiries" />;
  return <RecordInquiryPage />;
}

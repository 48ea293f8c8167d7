import { PublicInquiryPage } from '../features/public-policy/PublicInquiryPage.js';
import { PublicPolicyPage } from '../features/public-policy/PublicPolicyPage.js';

export function PublicPolicyRoute() {
  return <PublicPolicyPage />;
}

export function PublicInquiryRoute() {
  return <PublicInquiryPage />;
}

import { useParams } from 'react-router';
import { RecipientPage } from '../features/recipients/RecipientPage.js';
import { RecipientsPage } from '../features/recipients/RecipientsPage.js';

export function RecipientsRoute() {
  return <RecipientsPage />;
}

export function RecipientRoute() {
  const { recipientId = '' } = useParams();
  return <RecipientPage key={recipientId} recipientId={recipientId} />;
}

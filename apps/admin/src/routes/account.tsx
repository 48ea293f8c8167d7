import { AccountPage } from '../features/account/AccountPage.js';
import { useMe } from '../features/session/use-me.js';

export function AccountRoute() {
  const { refetch } = useMe();
  return <AccountPage onChanged={refetch} />;
}

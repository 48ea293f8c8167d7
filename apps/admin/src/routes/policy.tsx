import { PolicyPage } from '../features/policy/PolicyPage.js';

export function PolicyRoute() {
  return <PolicyPage />;
}

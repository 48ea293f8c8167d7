import { OrganisationSettingsPage } from '../features/organisation-settings/OrganisationSettingsPage.js';

export function OrganisationSettingsRoute() {
  return <OrganisationSettingsPage />;
}

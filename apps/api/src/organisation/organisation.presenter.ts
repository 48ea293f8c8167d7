import type { Organisation } from './organisation.entity.js';
import type { OrganisationType } from './organisation.type.js';

export function presentOrganisation(org: Organisation): OrganisationType {
  return {
    id: org.id,
    name: org.name,
    nameJa: org.nameJa,
    secretariat: {
      name: org.secretariatName,
      postalAddress: org.postalAddress,
      telephone: org.telephone,
      fax: org.fax,
      email: org.email,
    },
    timeZone: org.timeZone,
    defaultLanguage: org.defaultLanguage,
    version: org.version,
  };
}

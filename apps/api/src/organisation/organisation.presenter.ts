import { textFor, type PolicyLanguage } from '@steward/policy-core';
import type { Organisation } from './organisation.entity.js';
import type { OrganisationType, SecretariatContactType } from './organisation.type.js';

/** The secretariat's contact with its one-language fields in `language` (falling back to the other one). */
export function presentSecretariat(org: Organisation, language: PolicyLanguage): SecretariatContactType {
  const inLanguage = (ja: string, en: string) => textFor({ ja, en }, language).text;
  return {
    name: inLanguage(org.secretariatNameJa, org.secretariatName),
    postalAddress: inLanguage(org.postalAddressJa, org.postalAddress),
    officeHours: inLanguage(org.officeHoursJa, org.officeHoursEn),
    nameJa: org.secretariatNameJa,
    nameEn: org.secretariatName,
    postalAddressJa: org.postalAddressJa,
    postalAddressEn: org.postalAddress,
    officeHoursJa: org.officeHoursJa,
    officeHoursEn: org.officeHoursEn,
    telephone: org.telephone,
    fax: org.fax,
    email: org.email,
  };
}

export function presentOrganisation(org: Organisation): OrganisationType {
  return {
    id: org.id,
    name: org.name,
    nameJa: org.nameJa,
    secretariat: presentSecretariat(org, 'en'),
    timeZone: org.timeZone,
    defaultLanguage: org.defaultLanguage,
    version: org.version,
  };
}

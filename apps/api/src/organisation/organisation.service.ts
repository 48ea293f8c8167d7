import type { EntityManager } from '@mikro-orm/core';
import {
  normalizeSecretariat,
  textFor,
  validateSecretariat,
  type ContactDetails,
  type Language,
  type SecretariatDraft,
} from '@steward/policy-core';
import { AuditService } from '../audit/audit.service.js';
import { BadInputError, NotFoundError } from '../common/errors.js';
import type { Actor } from '../context.js';
import type { UpdateOrganisationInput } from './organisation.inputs.js';
import { organisationContactRow } from './organisation.queries.js';
import { Organisation } from './organisation.entity.js';
import { assertVersion, flushOrConflict } from '../common/optimistic-lock.js';
import { Service } from '../common/transaction.js';

export async function loadOrganisation(em: EntityManager): Promise<Organisation> {
  const [org] = await em.find(Organisation, {}, { orderBy: { createdAt: 'asc' }, limit: 1 });
  if (!org) throw new NotFoundError('Organisation');
  return org;
}

/** The contact values clause 8 names, as policy-core's contactDrift compares them. */
export function contactDetails(org: Organisation): ContactDetails {
  return {
    secretariatNameJa: org.secretariatNameJa,
    secretariatNameEn: org.secretariatName,
    postalAddressJa: org.postalAddressJa,
    postalAddressEn: org.postalAddress,
    telephone: org.telephone,
    fax: org.fax,
    email: org.email,
  };
}

/** The controller's name and contact as a document to a provider names it. */
export interface OrganisationContact {
  name: string;
  secretariatName: string;
  postalAddress: string;
  email: string;
  telephone: string;
}

/**
 * The controller's name and contact for receipts and disclosure packages, in `language` (policy-core's
 * textFor: the other language's text where one is not written): one lean query.
 */
export async function organisationContact(em: EntityManager, language: Language): Promise<OrganisationContact> {
  const row = await organisationContactRow(em);
  if (!row) throw new NotFoundError('Organisation');
  const pick = (ja: string, en: string) => textFor({ ja, en }, language).text;
  return {
    name: pick(row.name_ja, row.name),
    secretariatName: pick(row.secretariat_name_ja, row.secretariat_name),
    postalAddress: pick(row.postal_address_ja, row.postal_address),
    email: row.email,
    telephone: row.telephone,
  };
}

/**
 * An owner edits the organisation and the secretariat's contact details (clause 8), and the default
 * language: checked by policy-core, optimistic lock, audited with the names of the changed fields.
 * The public policy page reads them per request, so a change shows at once.
 */
export class OrganisationService extends Service<Actor> {
  update(input: UpdateOrganisationInput): Promise<Organisation> {
    return this.inTransaction(async ({ em }) => {
      const org = await loadOrganisation(em);
      assertVersion(org.version, input.expectedVersion, 'Organisation');
      const { expectedVersion: _ignored, defaultLanguage, ...fields } = input;
      // An optional part left out (or null) stays as it is.
      const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v != null)) as SecretariatDraft;
      const validation = validateSecretariat(given);
      if (!validation.ok) throw new BadInputError(validation.issues);
      const next = { ...normalizeSecretariat(given), defaultLanguage: defaultLanguage ?? org.defaultLanguage };
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => org[k] !== next[k]);
      if (!changed.length) return org;
      Object.assign(org, next, { updatedAt: this.deps.now() });
      new AuditService(em, this.actor, this.deps).record({
        action: 'organisation.update',
        entityType: 'Organisation',
        subject: org.id,
        detail: { fields: changed },
      });
      await flushOrConflict(em, 'Organisation');
      return org;
    });
  }
}

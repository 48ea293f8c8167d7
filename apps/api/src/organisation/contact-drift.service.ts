import type { EntityManager } from '@mikro-orm/core';
import { contactDrift, type ContactDrift } from '@steward/policy-core';
import type { PolicySectionData } from '../policy/policy-version.entity.js';
import { currentPolicy, inquiriesClause } from '../policy/policy-text.js';
import type { Organisation } from './organisation.entity.js';
import { contactDetails, loadOrganisation } from './organisation.service.js';

/**
 * Whether a policy's clause 8 names the secretariat's contact as the organisation settings hold it
 * (published versions never change, so an edited contact leaves the version in force behind).
 * Made once per request; the organisation is read once however many versions are asked about.
 */
export class ContactDriftService {
  private org: Promise<Organisation> | null = null;

  constructor(private readonly em: EntityManager) {}

  private organisation(): Promise<Organisation> {
    this.org ??= loadOrganisation(this.em);
    return this.org;
  }

  /** The contact values a version's clause 8 (both languages) does not name as the settings hold them. */
  async ofSections(sections: readonly PolicySectionData[]): Promise<ContactDrift[]> {
    return contactDrift(inquiriesClause(sections), contactDetails(await this.organisation()));
  }

  /** The same for the version in force. */
  async ofPolicyInForce(): Promise<ContactDrift[]> {
    return this.ofSections((await currentPolicy(this.em)).sections);
  }
}

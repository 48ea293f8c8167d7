import { Entity, Property } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity.js';

/** The organisation whose policy Steward runs, with the secretariat that answers inquiries (clause 8). */
@Entity()
export class Organisation extends BaseEntity<'version'> {
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 200 })
  nameJa!: string;

  @Property({ type: 'string', length: 200 })
  secretariatName!: string;

  @Property({ type: 'text' })
  postalAddress!: string;

  @Property({ type: 'string', length: 40 })
  telephone!: string;

  @Property({ type: 'string', length: 40 })
  fax!: string;

  @Property({ type: 'string', length: 254 })
  email!: string;

  @Property({ type: 'integer', version: true })
  version: number = 1;
}

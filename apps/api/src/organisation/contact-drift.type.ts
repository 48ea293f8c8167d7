import { CONTACT_FIELDS, type ContactField, type PolicyLanguage } from '@steward/policy-core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { PolicyLanguageEnum } from '../policy/policy-change.type.js';

export const ContactFieldEnum = Object.fromEntries(CONTACT_FIELDS.map((f) => [f, f])) as {
  [F in ContactField]: F;
};
registerEnumType(ContactFieldEnum, {
  name: 'ContactField',
  description: "A part of the secretariat's contact that clause 8 of the policy names.",
  valuesConfig: {
    secretariatName: { description: "The secretariat's name (per language)." },
    postalAddress: { description: 'The postal address (per language).' },
    telephone: { description: 'The telephone number, after its label (TEL, 電話 …).' },
    fax: { description: 'The fax number, after its label (FAX, ファクス …).' },
    email: { description: 'The e-mail address.' },
  },
});

@ObjectType('ContactDrift', {
  description:
    "A contact value the policy's clause 8 does not name as the organisation settings hold it (policy-core's contactDrift).",
})
export class ContactDriftType {
  @Field(() => ContactFieldEnum, { description: 'Which contact value differs.' }) field!: ContactField;
  @Field(() => PolicyLanguageEnum, { description: "The language of clause 8's text that differs." })
  language!: PolicyLanguage;
  @Field(() => String, { description: 'The value in the organisation settings.' }) current!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'What the text names instead (a labelled number, an e-mail address); null for a name or address, or when the text names none.',
  })
  published!: string | null;
}

import { isProviderMail, STAFF_MAIL_KINDS, mayOptOutOfMail, wantsMail, type MailKind } from '@steward/policy-core';
import type { AppConfig } from '../config.js';
import type { AppDeps } from '../context.js';
import type { Language } from '../i18n/language.js';
import type { Organisation } from '../organisation/organisation.entity.js';
import { MailMessage } from './mail-message.entity.js';
import { mailPath, renderMail, renderProviderMail, type MailParams, type RenderedMail } from './mail-templates.js';
import type { MailDeliveryType, MailPreferenceType, OutboxMailType } from './mail.type.js';

/** The seal context of a mail's secret (an invitation's token): bound to its row. */
export function mailSecretContext(id: string): string {
  return `mail_message:${id}`;
}

/** The organisation's name in the mail's language. */
export function organisationNameIn(organisation: Organisation, language: Language): string {
  return language === 'ja' ? organisation.nameJa || organisation.name : organisation.name;
}

/** What a provider's mail shows as its recipient in the outbox: their reference, never their address. */
export function providerMailLabel(reference: string): string {
  return `provider:${reference}`;
}

/** What a provider's mail seals until it is sent: their address and the free text it quotes. */
export interface ProviderMailSecret {
  address: string;
  measures: string | null;
}

/** The secretariat's contact in `language` (clause 8; an empty Japanese value reads the English one). */
function secretariatContact(organisation: Organisation, language: Language): string {
  const ja = language === 'ja';
  return [
    (ja && organisation.secretariatNameJa) || organisation.secretariatName,
    (ja && organisation.postalAddressJa) || organisation.postalAddress,
    organisation.telephone && `TEL ${organisation.telephone}`,
    organisation.email,
  ]
    .filter((v) => v && v.trim() !== '')
    .join(' / ');
}

/** Where links in a mail point: STEWARD_PUBLIC_URL, else the server's own address (fine on one machine). */
export function mailBaseUrl(config: AppConfig): string {
  return config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
}

/**
 * The mail as it is sent: rendered in its language, its link on the public base URL, an invitation's
 * token unsealed (here only: the one place a mail's secret is read).
 */
export function presentMailForDelivery(
  mail: MailMessage,
  organisation: Organisation,
  deps: AppDeps,
): RenderedMail & { to: string } {
  const params = JSON.parse(mail.params) as MailParams;
  const secret = mail.secretSealed ? deps.cipher.decrypt(mail.secretSealed, mailSecretContext(mail.id)) : null;
  const base = mailBaseUrl(deps.config);
  if (isProviderMail(mail.kind)) {
    // A provider's notice: to the address sealed with it, with the secretariat's contact as it is now.
    const sealed = JSON.parse(secret ?? '{}') as Partial<ProviderMailSecret>;
    return {
      to: sealed.address ?? '',
      ...renderProviderMail(
        {
          kind: mail.kind,
          language: mail.language,
          organisation: organisationNameIn(organisation, mail.language),
          timeZone: organisation.timeZone,
          params,
        },
        { measures: sealed.measures ?? null, contact: secretariatContact(organisation, mail.language) },
        base + mailPath(mail.kind, params, null),
      ),
    };
  }
  const name = mail.recipient?.displayName ?? String(params.name ?? mail.toAddress);
  const rendered = renderMail(
    {
      kind: mail.kind,
      language: mail.language,
      organisation: organisationNameIn(organisation, mail.language),
      timeZone: organisation.timeZone,
      params,
    },
    name,
    base + mailPath(mail.kind, params, secret),
    `${base}/account`,
  );
  return { to: mail.toAddress, ...rendered };
}

/** A mail as owners see it in the outbox: no link, no secret, no body. `recipient` must be loaded. */
export function presentOutboxMail(mail: MailMessage): OutboxMailType {
  return {
    id: mail.id,
    kind: mail.kind,
    to: mail.toAddress,
    recipientName: mail.recipient?.displayName ?? null,
    subject: mail.subject,
    status: mail.status,
    attempts: mail.attempts,
    errorCode: mail.errorCode,
    createdAt: mail.createdAt,
    sentAt: mail.sentAt,
  };
}

/** Every kind of mail with whether the member gets it and may turn it off. */
export function presentMailPreferences(optedOut: readonly MailKind[]): MailPreferenceType[] {
  return STAFF_MAIL_KINDS.map((kind) => ({
    kind,
    enabled: wantsMail(kind, optedOut),
    optional: mayOptOutOfMail(kind),
  }));
}

/** How mail is sent, without the server's address or credentials. */
export function presentMailDelivery(config: AppConfig): MailDeliveryType {
  return { configured: config.smtp !== null, from: config.mailFrom };
}

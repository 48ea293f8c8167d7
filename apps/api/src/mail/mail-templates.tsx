import { mayOptOutOfMail, type Language, type MailKind, type MessageKey } from '@steward/policy-core';
import { renderToStaticMarkup } from 'react-dom/server';
import { formatIcu, formatMessage } from '../i18n/messages.js';
import { formatDay } from '../public-site/site-messages.js';
import en from './locales/en.json' with { type: 'json' };
import ja from './locales/ja.json' with { type: 'json' };

// The mails' ja/en catalogues (locales/*.json, the same keys in both: mail.test.ts) and the one
// renderer of a mail's subject, plain text and simple HTML. React escapes every value in the HTML.

export type MailKey = keyof typeof en;
const CATALOGUES: Readonly<Record<Language, Readonly<Record<MailKey, string>>>> = {
  en,
  ja: ja satisfies Record<MailKey, string>,
};

/**
 * What a mail's template is given (kept as the mail's `params`, JSON): ids, titles, references,
 * instants (`*On`, ISO, shown as a day in the organisation's zone) and vocabulary values (`requestKind`,
 * `role`, worded in the mail's language) — never a provider's personal value.
 */
export type MailParams = Readonly<Record<string, string | number>>;

/** Where a mail's button leads (after the public base URL); an invitation's link carries its one-time token. */
export function mailPath(kind: MailKind, params: MailParams, secret: string | null): string {
  switch (kind) {
    case 'APPROVAL_WAITING':
      return `/exceptions/${params.exceptionId}`;
    case 'REQUEST_DUE_SOON':
    case 'REQUEST_OVERDUE':
      return `/requests/${params.requestId}`;
    case 'INQUIRY_RECEIVED':
      return `/inquiries/${params.inquiryId}`;
    case 'INCIDENT_REPORT_DUE_SOON':
    case 'INCIDENT_REPORT_OVERDUE':
      return `/incidents/${params.incidentId}`;
    case 'STAFF_INVITATION':
      // The token after `#`, as the admin's own link: it reaches no server log.
      return `/invitation#${secret ?? ''}`;
    case 'PASSWORD_RESET':
      return '/login';
  }
}

export interface MailContext {
  kind: MailKind;
  language: Language;
  organisation: string;
  timeZone: string;
  params: MailParams;
}

function t(language: Language, key: MailKey, params: Record<string, string | number>): string {
  return formatIcu(language, `mail:${key}`, CATALOGUES[language][key], params);
}

/** The params as the catalogue reads them: instants as days, vocabulary values as labels, the organisation's name. */
function wordedParams(m: MailContext): Record<string, string | number> {
  const out: Record<string, string | number> = { organisation: m.organisation };
  for (const [key, value] of Object.entries(m.params)) {
    if (key.endsWith('On') && typeof value === 'string') out[key] = formatDay(m.language, m.timeZone, new Date(value));
    else if (key === 'requestKind') out.kind = formatMessage(m.language, `requestKind.${value}` as MessageKey);
    else if (key === 'role') out.role = formatMessage(m.language, `role.${value}` as MessageKey);
    else if (key === 'reportKind') out.report = formatMessage(m.language, `incidentReportKind.${value}` as MessageKey);
    else out[key] = value;
  }
  return out;
}

export function mailSubject(m: MailContext): string {
  return t(m.language, `${m.kind}.subject`, wordedParams(m));
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The whole mail for `recipientName`, its button leading to `link` and its footer to `accountLink`. */
export function renderMail(m: MailContext, recipientName: string, link: string, accountLink: string): RenderedMail {
  const params = wordedParams(m);
  const greeting = t(m.language, 'greeting', { name: recipientName });
  const body = t(m.language, `${m.kind}.body`, params);
  const action = t(m.language, `${m.kind}.action`, params);
  const footer = mayOptOutOfMail(m.kind)
    ? t(m.language, 'footer.optional', {
        ...params,
        kind: formatMessage(m.language, `mailKind.${m.kind}`),
        accountLink,
      })
    : t(m.language, 'footer.security', params);
  const text = `${greeting}\n\n${body}\n\n${action}: ${link}\n\n-- \n${footer}\n`;
  const html =
    '<!doctype html>' +
    renderToStaticMarkup(
      <html lang={m.language}>
        <body style={{ fontFamily: 'sans-serif', lineHeight: 1.6, color: '#1a1b1e' }}>
          <p>{greeting}</p>
          <p>{body}</p>
          <p>
            <a href={link}>{action}</a>
          </p>
          <hr />
          <p style={{ fontSize: '0.85em', color: '#495057' }}>{footer}</p>
        </body>
      </html>,
    );
  return { subject: mailSubject(m), text, html };
}

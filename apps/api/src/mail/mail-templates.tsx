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
    case 'INCIDENT_NOTICE':
      // A provider has no account: the public privacy page, with the contact and the forms.
      return '/privacy';
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
    else if (key === 'incidentKind') out.kind = formatMessage(m.language, `incidentKind.${value}` as MessageKey);
    else if (key === 'categories')
      out.categories = String(value)
        .split(',')
        .filter((c) => c !== '')
        .map((c) => formatMessage(m.language, `dataCategory.${c}` as MessageKey))
        .join(m.language === 'ja' ? '、' : ', ');
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

/**
 * A mail to a provider (INCIDENT_NOTICE): no greeting by name (the name is not kept with the mail),
 * what happened and which data, what was done (`measures`, quoted as the staff wrote it), the
 * secretariat's contact, and the public privacy page; no opt-out footer (the notice is the law's).
 */
export function renderProviderMail(
  m: MailContext,
  details: { measures: string | null; contact: string },
  link: string,
): RenderedMail {
  const params: Record<string, string | number> = { ...wordedParams(m), contact: details.contact };
  params.categories ||= t(m.language, 'INCIDENT_NOTICE.noCategories', params);
  const greeting = t(m.language, 'greeting.provider', params);
  const measures = details.measures
    ? `${t(m.language, 'INCIDENT_NOTICE.measures', params)}\n${details.measures}`
    : `${t(m.language, 'INCIDENT_NOTICE.measures', params)} ${t(m.language, 'INCIDENT_NOTICE.measuresPending', params)}`;
  const paragraphs = [
    t(m.language, `${m.kind}.body`, params),
    t(m.language, 'INCIDENT_NOTICE.data', params),
    measures,
    t(m.language, 'INCIDENT_NOTICE.contact', params),
  ];
  const action = t(m.language, `${m.kind}.action`, params);
  const footer = t(m.language, 'footer.provider', params);
  const text = `${greeting}\n\n${paragraphs.join('\n\n')}\n\n${action}: ${link}\n\n-- \n${footer}\n`;
  const html =
    '<!doctype html>' +
    renderToStaticMarkup(
      <html lang={m.language}>
        <body style={{ fontFamily: 'sans-serif', lineHeight: 1.6, color: '#1a1b1e' }}>
          <p>{greeting}</p>
          {paragraphs.map((p, i) => (
            <p key={i} style={{ whiteSpace: 'pre-line' }}>
              {p}
            </p>
          ))}
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

import {
  INQUIRY_LIMITS,
  LANGUAGES,
  REQUEST_KINDS,
  REQUEST_LIMITS,
  TREE_HEAD_MAX_LENGTH,
  type Language,
} from '@steward/policy-core';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { PublicPolicyType } from '../policy/policy-change.type.js';
import type { SiteText } from './site-messages.js';
import { SITE_CSS } from './site-style.js';

// The public pages (/privacy, /privacy/inquiry, /privacy/request, /privacy/ledger) as small components rendered to
// static HTML: React escapes every value, so stored and submitted text never becomes markup.

export const POLICY_PATH = '/privacy';
export const INQUIRY_PATH = '/privacy/inquiry';
export const REQUEST_PATH = '/privacy/request';
/** "Verify our records": the latest signed tree head and how a provider checks their package (verify-page.tsx). */
export const VERIFY_PATH = '/privacy/ledger';
export type SitePath = typeof POLICY_PATH | typeof INQUIRY_PATH | typeof REQUEST_PATH | typeof VERIFY_PATH;

const LANGUAGE_NAMES: Record<Language, 'site.japanese' | 'site.english'> = { ja: 'site.japanese', en: 'site.english' };

/** A path of the site in a language: what links, form actions and the language switch point at. */
export function hrefOf(path: SitePath, language: Language): string {
  return `${path}?lang=${language}`;
}

export interface Frame {
  text: SiteText;
  organisationName: string;
  path: SitePath;
  /** The page's own title (the <title> adds the organisation). */
  title: string;
  /** Absolute base for canonical and alternate links (STEWARD_PUBLIC_URL), or '' for root-relative ones. */
  baseUrl: string;
  /** Answers to a form: not for search engines. */
  noindex?: boolean;
}

/** A whole page, with its doctype. */
export function renderPage(frame: Frame, body: ReactNode): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(<Page frame={frame}>{body}</Page>)}`;
}

function Page({ frame, children }: { frame: Frame; children: ReactNode }) {
  const { text, path, baseUrl } = frame;
  const { t, language } = text;
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* No icon of its own: an empty one, so browsers do not ask for /favicon.ico. */}
        <link rel="icon" href="data:," />
        <title>{t('site.pageTitle', { page: frame.title, organisation: frame.organisationName })}</title>
        {frame.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="canonical" href={`${baseUrl}${hrefOf(path, language)}`} />
        <link rel="alternate" hrefLang="ja" href={`${baseUrl}${hrefOf(path, 'ja')}`} />
        <link rel="alternate" hrefLang="en" href={`${baseUrl}${hrefOf(path, 'en')}`} />
        <link rel="alternate" hrefLang="x-default" href={`${baseUrl}${path}`} />
        <style>{SITE_CSS}</style>
      </head>
      <body>
        <a className="skip" href="#content">
          {t('site.skipToContent')}
        </a>
        <header className="site">
          <a className="org" href={hrefOf(POLICY_PATH, language)}>
            {frame.organisationName}
          </a>
          <nav className="languages" aria-label={t('site.language')}>
            <ul>
              {LANGUAGES.map((l) => (
                <li key={l}>
                  <a href={hrefOf(path, l)} hrefLang={l} lang={l} aria-current={l === language ? 'page' : undefined}>
                    {t(LANGUAGE_NAMES[l])}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="content">{children}</main>
        <footer className="site">
          <p>{frame.organisationName}</p>
        </footer>
      </body>
    </html>
  );
}

/** Body text: paragraphs at blank lines, line breaks kept inside them. */
function Paragraphs({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i} className="pre">
          {p}
        </p>
      ))}
    </>
  );
}

/** The privacy page: every clause of the version in force, the disclaimer, the secretariat, the forms and the change log. */
export function PolicyPage({ text, policy }: { text: SiteText; policy: PublicPolicyType }) {
  const { t, language } = text;
  const s = policy.secretariat;
  return (
    <>
      <h1>{t('policy.title')}</h1>
      <p className="meta">
        <span>{t('policy.version', { number: policy.number })}</span>
        {' · '}
        <span>{t('policy.inForceSince', { date: text.date(policy.publishedAt) })}</span>
      </p>
      {policy.sections.map((section) => (
        <section
          key={section.clause}
          id={`clause-${section.number}`}
          aria-labelledby={`clause-${section.number}-title`}
        >
          <h2 id={`clause-${section.number}-title`}>
            {t('policy.clauseHeading', { number: section.number, title: section.title })}
          </h2>
          <Paragraphs text={section.body} />
        </section>
      ))}
      {policy.websiteUse ? (
        <aside className="panel" aria-labelledby="website-use">
          <h2 id="website-use">{t('policy.websiteUse')}</h2>
          <Paragraphs text={policy.websiteUse.body} />
        </aside>
      ) : null}
      <section className="panel" aria-labelledby="contact">
        <h2 id="contact">{t('policy.contact')}</h2>
        <address>
          <p>
            <strong>{s.name}</strong>
          </p>
          <p className="pre">{s.postalAddress}</p>
          <dl className="contact">
            {s.officeHours ? (
              <>
                <dt>{t('policy.officeHours')}</dt>
                <dd className="pre">{s.officeHours}</dd>
              </>
            ) : null}
            {s.telephone ? (
              <>
                <dt>{t('policy.telephone')}</dt>
                <dd>
                  <a href={`tel:${s.telephone.replace(/[^+\d]/g, '')}`}>{s.telephone}</a>
                </dd>
              </>
            ) : null}
            {s.fax ? (
              <>
                <dt>{t('policy.fax')}</dt>
                <dd>{s.fax}</dd>
              </>
            ) : null}
            {s.email ? (
              <>
                <dt>{t('policy.email')}</dt>
                <dd>
                  <a href={`mailto:${s.email}`}>{s.email}</a>
                </dd>
              </>
            ) : null}
          </dl>
        </address>
      </section>
      <section className="no-print" aria-labelledby="forms">
        <h2 id="forms">{t('policy.forms')}</h2>
        <ul className="links">
          <li>
            <a href={hrefOf(REQUEST_PATH, language)}>{t('policy.requestLink')}</a>
          </li>
          <li>
            <a href={hrefOf(INQUIRY_PATH, language)}>{t('policy.inquiryLink')}</a>
          </li>
          <li>
            <a href={hrefOf(VERIFY_PATH, language)}>{t('policy.verifyLink')}</a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="change-log">
        <h2 id="change-log">{t('policy.changeLog')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('policy.changeLogVersion')}</th>
              <th scope="col">{t('policy.changeLogDate')}</th>
              <th scope="col">{t('policy.changeLogSummary')}</th>
            </tr>
          </thead>
          <tbody>
            {policy.changeLog.map((entry) => (
              <tr key={entry.number}>
                <th scope="row">{t('policy.version', { number: entry.number })}</th>
                <td>
                  <time dateTime={entry.publishedAt.toISOString()}>{text.date(entry.publishedAt)}</time>
                </td>
                <td
                  className="summary"
                  lang={entry.changeSummaryLanguage === language ? undefined : entry.changeSummaryLanguage}
                >
                  {entry.changeSummary}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p className="meta hash">{t('policy.contentHash', { hash: policy.contentHash })}</p>
    </>
  );
}

/** Field name → the message shown beside it (in the page's language). */
export type FieldErrors = Readonly<Record<string, string>>;

export interface FormState<F extends string> {
  values: Readonly<Record<F, string>>;
  errors: FieldErrors;
}

function ErrorSummary({ text, errors, order }: { text: SiteText; errors: FieldErrors; order: readonly string[] }) {
  const fields = [...order.filter((f) => errors[f]), ...Object.keys(errors).filter((f) => !order.includes(f))];
  if (!fields.length) return null;
  return (
    <div className="alert" role="alert" aria-labelledby="error-summary">
      <h2 id="error-summary">{text.t('form.errorSummaryTitle', { count: fields.length })}</h2>
      <ul>
        {fields.map((f) => (
          <li key={f}>{order.includes(f) ? <a href={`#field-${f}`}>{errors[f]}</a> : errors[f]}</li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  text: SiteText;
  name: string;
  label: string;
  value: string;
  error: string | undefined;
  required?: boolean;
  hint?: string;
  maxLength?: number;
  type?: 'text' | 'email';
  rows?: number;
  autoComplete?: string;
}

/** One labelled input or textarea with its hint and its error, tied together for assistive technology. */
function Field(props: FieldProps) {
  const { text, name, error, hint } = props;
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    required: props.required,
    maxLength: props.maxLength,
    autoComplete: props.autoComplete,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {props.label} {text.t(props.required ? 'form.required' : 'form.optional')}
      </label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="error" id={`${id}-error`}>
          {text.t('form.fieldError', { message: error })}
        </span>
      ) : null}
      {props.rows ? (
        <textarea {...common} rows={props.rows} defaultValue={props.value} />
      ) : (
        <input {...common} type={props.type ?? 'text'} defaultValue={props.value} />
      )}
    </div>
  );
}

/** Each field's name, value and error, for `<Field {...field.email} … />`. */
function fieldProps<F extends string>(
  text: SiteText,
  form: FormState<F>,
  names: readonly F[],
): Record<F, Pick<FieldProps, 'text' | 'name' | 'value' | 'error'>> {
  const props: Partial<Record<F, Pick<FieldProps, 'text' | 'name' | 'value' | 'error'>>> = {};
  for (const name of names) props[name] = { text, name, value: form.values[name], error: form.errors[name] };
  return props as Record<F, Pick<FieldProps, 'text' | 'name' | 'value' | 'error'>>;
}

/** A problem with the whole submission (too many, unreadable): shown above the form. */
export interface FormProblem {
  title: string;
  body: string;
}

function Problem({ problem }: { problem: FormProblem | null }) {
  if (!problem) return null;
  return (
    <div className="alert" role="alert" aria-labelledby="form-problem">
      <h2 id="form-problem">{problem.title}</h2>
      <p>{problem.body}</p>
    </div>
  );
}

export const INQUIRY_FIELDS = ['name', 'email', 'postalAddress', 'subject', 'message'] as const;
export type InquiryField = (typeof INQUIRY_FIELDS)[number];

export function InquiryPage({
  text,
  form,
  problem = null,
}: {
  text: SiteText;
  form: FormState<InquiryField>;
  problem?: FormProblem | null;
}) {
  const { t, language } = text;
  const field = fieldProps(text, form, INQUIRY_FIELDS);
  return (
    <>
      <h1>{t('inquiry.title')}</h1>
      <p>{t('inquiry.intro')}</p>
      <Problem problem={problem} />
      <ErrorSummary text={text} errors={form.errors} order={INQUIRY_FIELDS} />
      <form method="post" action={hrefOf(INQUIRY_PATH, language)} aria-labelledby="inquiry-form-title">
        <h2 id="inquiry-form-title" className="no-print">
          {t('inquiry.title')}
        </h2>
        <Field {...field.name} label={t('inquiry.name')} maxLength={INQUIRY_LIMITS.name} autoComplete="name" />
        <Field
          {...field.email}
          label={t('inquiry.email')}
          type="email"
          maxLength={INQUIRY_LIMITS.email}
          autoComplete="email"
        />
        <Field
          {...field.postalAddress}
          label={t('inquiry.postalAddress')}
          rows={3}
          maxLength={INQUIRY_LIMITS.postalAddress}
          autoComplete="street-address"
        />
        <Field {...field.subject} label={t('inquiry.subject')} required maxLength={INQUIRY_LIMITS.subject} />
        <Field {...field.message} label={t('inquiry.message')} required rows={8} maxLength={INQUIRY_LIMITS.message} />
        <button type="submit">{t('inquiry.send')}</button>
      </form>
      <p className="no-print">
        <a href={hrefOf(POLICY_PATH, language)}>{t('site.backToPolicy')}</a>
      </p>
    </>
  );
}

export function InquiryReceivedPage({ text, reference }: { text: SiteText; reference: string }) {
  const { t, language } = text;
  return (
    <>
      <h1>{t('inquiry.title')}</h1>
      <div className="alert ok" role="status" aria-labelledby="received">
        <h2 id="received">{t('inquiry.receivedTitle')}</h2>
        <p>
          {t('form.referenceLabel')}{' '}
          <span className="reference" data-testid="inquiry-reference">
            {reference}
          </span>
        </p>
        <p>{t('inquiry.keepReference')}</p>
      </div>
      <p>
        <a href={hrefOf(POLICY_PATH, language)}>{t('site.backToPolicy')}</a>
      </p>
    </>
  );
}

export const REQUEST_FIELDS = [
  'kind',
  'requesterName',
  'contact',
  'details',
  'cookieConsentIds',
  'earlierHead',
] as const;
export type RequestField = (typeof REQUEST_FIELDS)[number];

export function RequestPage({
  text,
  form,
  problem = null,
}: {
  text: SiteText;
  form: FormState<RequestField>;
  problem?: FormProblem | null;
}) {
  const { t, language } = text;
  const field = fieldProps(text, form, REQUEST_FIELDS);
  const kindError = form.errors['kind'];
  return (
    <>
      <h1>{t('request.title')}</h1>
      <p>{t('request.intro')}</p>
      <Problem problem={problem} />
      <ErrorSummary text={text} errors={form.errors} order={REQUEST_FIELDS} />
      <form method="post" action={hrefOf(REQUEST_PATH, language)} aria-label={t('request.form')}>
        <fieldset
          id="field-kind"
          aria-describedby={kindError ? 'field-kind-error' : undefined}
          aria-invalid={kindError ? true : undefined}
        >
          <legend>
            {t('request.kind')} {t('form.required')}
          </legend>
          {kindError ? (
            <span className="error" id="field-kind-error">
              {t('form.fieldError', { message: kindError })}
            </span>
          ) : null}
          {REQUEST_KINDS.map((kind) => (
            <div className="choice" key={kind}>
              <input
                type="radio"
                id={`kind-${kind}`}
                name="kind"
                value={kind}
                required
                defaultChecked={form.values.kind === kind}
                aria-describedby={`kind-${kind}-hint`}
              />
              <label htmlFor={`kind-${kind}`}>
                <strong>{text.core(`requestKind.${kind}`)}</strong>
                <span className="hint" id={`kind-${kind}-hint`}>
                  {t(`request.kindHelp.${kind}`)}
                </span>
              </label>
            </div>
          ))}
        </fieldset>
        <Field
          {...field.requesterName}
          label={t('request.name')}
          required
          maxLength={REQUEST_LIMITS.requesterName}
          autoComplete="name"
        />
        <Field
          {...field.contact}
          label={t('request.contact')}
          hint={t('request.contactHelp')}
          required
          maxLength={REQUEST_LIMITS.contact}
        />
        <Field
          {...field.details}
          label={t('request.details')}
          hint={t('request.detailsHelp')}
          rows={6}
          maxLength={REQUEST_LIMITS.details}
        />
        <Field {...field.cookieConsentIds} label={t('request.cookieIds')} hint={t('request.cookieIdsHelp')} />
        <Field
          {...field.earlierHead}
          label={t('request.earlierHead')}
          hint={t('request.earlierHeadHelp')}
          rows={6}
          maxLength={TREE_HEAD_MAX_LENGTH}
        />
        <p className="hint">
          <a href={hrefOf(VERIFY_PATH, language)}>{t('request.earlierHeadMore')}</a>
        </p>
        <button type="submit">{t('request.send')}</button>
      </form>
      <p className="no-print">
        <a href={hrefOf(POLICY_PATH, language)}>{t('site.backToPolicy')}</a>
      </p>
    </>
  );
}

export function RequestReceivedPage({ text, reference, dueAt }: { text: SiteText; reference: string; dueAt: Date }) {
  const { t, language } = text;
  return (
    <>
      <h1>{t('request.title')}</h1>
      <div className="alert ok" role="status" aria-labelledby="received">
        <h2 id="received">{t('request.receivedTitle')}</h2>
        <p>
          {t('form.referenceLabel')}{' '}
          <span className="reference" data-testid="request-reference">
            {reference}
          </span>
        </p>
        <p>
          <time dateTime={dueAt.toISOString()}>{t('request.dueBy', { date: text.date(dueAt) })}</time>
        </p>
        <p>{t('request.keepReference')}</p>
        <p>{t('request.confirmIdentity')}</p>
      </div>
      <p>
        <a href={hrefOf(POLICY_PATH, language)}>{t('site.backToPolicy')}</a>
      </p>
    </>
  );
}

/** A page that only says what went wrong (a refused submission, an unreadable form, a server error). */
export function MessagePage({ text, problem }: { text: SiteText; problem: FormProblem }) {
  return (
    <>
      <h1>{problem.title}</h1>
      <p>{problem.body}</p>
      <ul className="links">
        <li>
          <a href={hrefOf(POLICY_PATH, text.language)}>{text.t('site.backToPolicy')}</a>
        </li>
        <li>
          <a href={hrefOf(REQUEST_PATH, text.language)}>{text.t('policy.requestLink')}</a>
        </li>
        <li>
          <a href={hrefOf(INQUIRY_PATH, text.language)}>{text.t('policy.inquiryLink')}</a>
        </li>
      </ul>
    </>
  );
}

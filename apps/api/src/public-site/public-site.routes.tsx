import type { SqlEntityManager } from '@mikro-orm/knex';
import type { MikroORM } from '@mikro-orm/core';
import {
  forbiddenCharacterIssue,
  textFor,
  treeHeadFromStatement,
  type Issue,
  type Language,
  type MessageKey,
  type TextKind,
} from '@steward/policy-core';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { ReactNode } from 'react';
import { BadInputError, DomainError } from '../common/errors.js';
import { RateLimitedError, type RateLimitRule, type RateLimits } from '../common/rate-limit.js';
import type { AppDeps } from '../context.js';
import { noteErrorCode, traceOf } from '../http/request-log.js';
import { INQUIRY_SUBMIT_RULE, InquiryService } from '../inquiries/inquiry.service.js';
import type { Organisation } from '../organisation/organisation.entity.js';
import { LedgerTreeService } from '../ledger/ledger-tree.service.js';
import { loadOrganisation } from '../organisation/organisation.service.js';
import { presentPublicPolicy } from '../policy/policy.presenter.js';
import { currentPolicy } from '../policy/policy-text.js';
import { PolicyService } from '../policy/policy.service.js';
import { RequestIntakeService, SUBMIT_RULE } from '../requests/request-intake.service.js';
import {
  INQUIRY_FIELDS,
  INQUIRY_PATH,
  InquiryPage,
  InquiryReceivedPage,
  MessagePage,
  POLICY_PATH,
  PolicyPage,
  REQUEST_FIELDS,
  REQUEST_PATH,
  RequestPage,
  RequestReceivedPage,
  VERIFY_PATH,
  renderPage,
  type FieldErrors,
  type FormProblem,
  type FormState,
  type SitePath,
} from './pages.js';
import { askedLanguage, pageLanguage, siteText, type SiteKey, type SiteText } from './site-messages.js';
import { TREE_HEAD_JSON_PATH, VerifyPage, type PublishedHead } from './verify-page.js';

export const PUBLIC_SITE_PATHS: readonly SitePath[] = [POLICY_PATH, INQUIRY_PATH, REQUEST_PATH, VERIFY_PATH];

export interface PublicSiteOptions {
  orm: MikroORM;
  deps: AppDeps;
  /** The same budgets the anonymous GraphQL mutations spend (one object per server). */
  rateLimits: RateLimits;
  /** The largest form body read (the same limit as /graphql's JSON). */
  bodyLimitBytes: number;
}

/** What a page needs of the request: the organisation, the language chosen and its texts. */
interface PageContext {
  em: SqlEntityManager;
  org: Organisation;
  text: SiteText;
  organisationName: string;
}

type Handler = (req: Request, res: Response, page: PageContext) => Promise<void>;

/** One public form: its fields, budget and service, and the pages it answers with. */
interface FormRoute<F extends string, T> {
  path: SitePath;
  title: SiteKey;
  fields: readonly F[];
  /** The fields that may span lines (TAB, LF, CRLF); every other one is a single line. */
  multiLine: Partial<Record<F, TextKind>>;
  /** The per-address budget its service spends (the GraphQL mutation's `rateLimitedBy`). */
  rule: RateLimitRule;
  form(text: SiteText, state: FormState<F>, problem: FormProblem | null): ReactNode;
  submit(em: SqlEntityManager, values: Record<F, string>, address: string): Promise<T>;
  received(text: SiteText, value: T): { title: string; page: ReactNode };
  /** This form's own wording of an issue, where policy-core's `issue.<CODE>` says too little. */
  wording?(text: SiteText, issue: Issue): string | null;
}

/**
 * The public pages, server-rendered (ARCHITECTURE.md, "Public pages"): GET /privacy, GET and
 * POST /privacy/inquiry and /privacy/request, and GET /privacy/ledger ("Verify our records") with
 * its JSON twin /privacy/ledger/tree-head.json. A POST is an anonymous
 * `application/x-www-form-urlencoded` form handled by the same services as the GraphQL mutations
 * `submitInquiry` and `submitProviderRequest` — same per-address budgets, same validation — after
 * the same input boundary (no control or invisible characters). They read no cookie and no
 * Authorization header: a form posted from another site acts with no one's authority (no CSRF token
 * needed), exactly as an anonymous GraphQL call would.
 */
export function publicSiteRouter(options: PublicSiteOptions): Router {
  const { orm, deps, rateLimits } = options;
  const router = express.Router({ caseSensitive: true });
  const form = express.urlencoded({ extended: false, limit: options.bodyLimitBytes, parameterLimit: 50 });
  const baseUrl = deps.config.publicUrl ?? '';

  const page =
    (handler: Handler) =>
    async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      try {
        const trace = traceOf(res);
        if (trace) trace.route = 'public-site';
        const em = orm.em.fork() as SqlEntityManager;
        const org = await loadOrganisation(em);
        const language = pageLanguage(req, org.defaultLanguage);
        res.locals['siteLanguage'] = language;
        res.locals['siteOrganisation'] = organisationNameOf(org, language);
        if (!askedLanguage(req)) res.vary('Accept-Language');
        res.setHeader('Cache-Control', req.method === 'GET' || req.method === 'HEAD' ? 'no-cache' : 'no-store');
        await handler(req, res, {
          em,
          org,
          text: siteText(language, org.timeZone),
          organisationName: organisationNameOf(org, language),
        });
      } catch (err) {
        next(err);
      }
    };

  const send = (res: Response, status: number, html: string) => {
    res.status(status).type('html').send(html);
  };
  const frame = (ctx: PageContext, path: SitePath, title: string, noindex = false) => ({
    text: ctx.text,
    organisationName: ctx.organisationName,
    path,
    title,
    baseUrl,
    noindex,
  });
  const clientAddress = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

  router.get(
    POLICY_PATH,
    page(async (_req, res, ctx) => {
      const [version, changeLog] = await Promise.all([
        currentPolicy(ctx.em),
        new PolicyService(ctx.em, null, deps).changeLog(),
      ]);
      const policy = presentPublicPolicy(version, changeLog, ctx.org, ctx.text.language);
      const html = renderPage(
        frame(ctx, POLICY_PATH, ctx.text.t('policy.title')),
        <PolicyPage text={ctx.text} policy={policy} />,
      );
      send(res, 200, html);
    }),
  );

  /** GET shows a form; POST hands it to its service and answers the receipt, or the form again with what to correct. */
  function serveForm<F extends string, T>(route: FormRoute<F, T>): void {
    const formPage = (
      ctx: PageContext,
      res: Response,
      status: number,
      state: FormState<F>,
      problem: FormProblem | null = null,
    ) =>
      send(
        res,
        status,
        renderPage(
          frame(ctx, route.path, ctx.text.t(route.title), status !== 200),
          route.form(ctx.text, state, problem),
        ),
      );
    const empty = () => ({ values: emptyValues(route.fields), errors: {} });

    router.get(
      route.path,
      page(async (_req, res, ctx) => formPage(ctx, res, 200, empty())),
    );
    router.post(
      route.path,
      form,
      page(async (req, res, ctx) => {
        const values = fieldsOf(req.body, route.fields);
        if (values === null) return formPage(ctx, res, 415, empty(), unreadable(ctx.text));
        const address = clientAddress(req);
        const outcome = await submitForm(rateLimits, route.rule, address, boundaryIssues(values, route.multiLine), () =>
          route.submit(ctx.em, values, address),
        );
        if (outcome.kind === 'done') {
          const received = route.received(ctx.text, outcome.value);
          return send(res, 200, renderPage(frame(ctx, route.path, received.title, true), received.page));
        }
        if (outcome.kind === 'too-many') {
          noteErrorCode(res, 'TOO_MANY_REQUESTS');
          res.setHeader('Retry-After', String(outcome.retryAfterSeconds));
          return formPage(ctx, res, 429, { values, errors: {} }, tooMany(ctx.text, outcome.retryAfterSeconds));
        }
        noteErrorCode(res, 'BAD_USER_INPUT');
        const override = route.wording ?? (() => null);
        formPage(ctx, res, 422, {
          values,
          errors: fieldErrors(ctx.text, outcome.issues, (i) => override(ctx.text, i)),
        });
      }),
    );
  }

  // The inquiry form (clause 8): the service of `submitInquiry`.
  serveForm({
    path: INQUIRY_PATH,
    title: 'inquiry.title',
    fields: INQUIRY_FIELDS,
    multiLine: { postalAddress: 'multi-line', message: 'multi-line' },
    rule: INQUIRY_SUBMIT_RULE,
    form: (text, state, problem) => <InquiryPage text={text} form={state} problem={problem} />,
    submit: (em, values, address) =>
      new InquiryService(em, null, deps).submit(
        {
          name: values.name || null,
          email: values.email || null,
          postalAddress: values.postalAddress || null,
          subject: values.subject,
          message: values.message,
        },
        rateLimits,
        address,
      ),
    received: (text, receipt) => ({
      title: text.t('inquiry.receivedTitle'),
      page: <InquiryReceivedPage text={text} reference={receipt.reference} />,
    }),
    // policy-core's "give an e-mail or a postal address" is a REQUIRED on `email`: said in full here.
    wording: (text, issue) =>
      issue.field === 'email' && issue.code === 'REQUIRED' ? text.t('inquiry.contactRequired') : null,
  });

  // The provider request form (clause 4): the service of `submitProviderRequest`.
  serveForm({
    path: REQUEST_PATH,
    title: 'request.title',
    fields: REQUEST_FIELDS,
    multiLine: { details: 'multi-line', earlierHead: 'multi-line' },
    rule: SUBMIT_RULE,
    form: (text, state, problem) => <RequestPage text={text} form={state} problem={problem} />,
    submit: (em, values, address) =>
      new RequestIntakeService(em, null, deps).submit(
        {
          kind: values.kind,
          requesterName: values.requesterName,
          contact: values.contact,
          details: values.details || null,
          cookieConsentIds: values.cookieConsentIds.split(/[\s,]+/).filter(Boolean),
          earlierHead: values.earlierHead || null,
        },
        address,
        (rule, address) => rateLimits.consumeAddress(rule, address),
      ),
    received: (text, receipt) => ({
      title: text.t('request.receivedTitle'),
      page: <RequestReceivedPage text={text} reference={receipt.reference} dueAt={receipt.dueAt} />,
    }),
    // A refused head says what to copy instead, not just "not valid".
    wording: (text, issue) =>
      issue.field === 'earlierHead' && EARLIER_HEAD_WORDING.has(issue.code)
        ? text.t(`request.earlierHeadErrors.${issue.code}` as SiteKey)
        : null,
  });

  // "Verify our records": the newest signed tree head, its key, and how a provider checks a package.
  router.get(
    VERIFY_PATH,
    page(async (_req, res, ctx) => {
      const published = await latestHead(ctx.em);
      const html = renderPage(
        frame(ctx, VERIFY_PATH, ctx.text.t('verify.title')),
        <VerifyPage text={ctx.text} published={published} publicKey={deps.cipher.checkpointPublicKeyRaw} />,
      );
      send(res, 200, html);
    }),
  );

  // The same head for programs keeping copies (witnesses): the head JSON of the wire format and the key.
  router.get(TREE_HEAD_JSON_PATH, async (_req: Request, res: Response, next: NextFunction) => {
    try {
      const trace = traceOf(res);
      if (trace) trace.route = 'public-site';
      const published = await latestHead(orm.em.fork() as SqlEntityManager);
      // A head is public and changes at most every checkpoint: a minute's caching, then revalidate (ETag).
      res.setHeader('Cache-Control', 'public, max-age=60, must-revalidate');
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.status(200).json({ head: published?.head ?? null, publicKey: deps.cipher.checkpointPublicKeyRaw });
    } catch (err) {
      next(err);
    }
  });

  /** The newest signed tree head, rebuilt from the statement it signed (v1 or v2); null before the first. */
  async function latestHead(em: SqlEntityManager): Promise<PublishedHead | null> {
    const page = await new LedgerTreeService(em, deps).heads(1, null);
    const node = page.edges[0]?.node;
    const head = node ? treeHeadFromStatement(node.statement, node.signature) : null;
    return node && head ? { head, statement: node.statement } : null;
  }

  // Anything else under /privacy/ is not a page of the admin either: a page that says so, with the way back.
  router.get(
    '/privacy/{*rest}',
    page(async (_req, res, ctx) => {
      noteErrorCode(res, 'NOT_FOUND');
      const problem = { title: ctx.text.t('site.notFoundTitle'), body: ctx.text.t('site.notFoundBody') };
      send(
        res,
        404,
        renderPage(frame(ctx, POLICY_PATH, problem.title, true), <MessagePage text={ctx.text} problem={problem} />),
      );
    }),
  );

  // An oversized or unreadable body, or a failure: a page in the visitor's language, never JSON or a stack.
  router.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    // Nothing to show yet (no published policy, no organisation): not a failure of the server.
    const notFound = err instanceof DomainError && err.code === 'NOT_FOUND';
    const status = notFound ? 404 : ((err as { status?: number }).status ?? 500);
    const language: Language = (res.locals['siteLanguage'] as Language | undefined) ?? pageLanguage(req, 'ja');
    const text = siteText(language, 'UTC');
    let problem: FormProblem;
    if (notFound) {
      noteErrorCode(res, 'NOT_FOUND');
      problem = { title: text.t('site.notPublishedTitle'), body: text.t('site.notPublishedBody') };
    } else if (status === 413) {
      noteErrorCode(res, 'PAYLOAD_TOO_LARGE');
      problem = { title: text.t('form.unreadableTitle'), body: text.t('form.tooLarge') };
    } else if (status >= 400 && status < 500) {
      noteErrorCode(res, 'BAD_REQUEST');
      problem = unreadable(text);
    } else {
      deps.log.error('Public page failed', err);
      noteErrorCode(res, 'INTERNAL_SERVER_ERROR');
      problem = { title: text.t('site.errorTitle'), body: text.t('site.errorBody') };
    }
    const path = PUBLIC_SITE_PATHS.find((p) => p === req.path) ?? POLICY_PATH;
    res.setHeader('Cache-Control', 'no-store');
    send(
      res,
      status >= 400 && status < 600 ? status : 500,
      renderPage(
        {
          text,
          organisationName: (res.locals['siteOrganisation'] as string | undefined) ?? req.hostname,
          path,
          title: problem.title,
          baseUrl,
          noindex: true,
        },
        <MessagePage text={text} problem={problem} />,
      ),
    );
  });
  return router;
}

/** The codes of the earlier head's check (ledger/earlier-head.ts) the request form words itself. */
const EARLIER_HEAD_WORDING = new Set<string>(['INVALID_FORMAT', 'TOO_LONG', 'BAD_SIGNATURE', 'AHEAD_OF_LEDGER']);

function organisationNameOf(org: Organisation, language: Language): string {
  return textFor({ ja: org.nameJa, en: org.name }, language).text;
}

function emptyValues<F extends string>(names: readonly F[]): Record<F, string> {
  return Object.fromEntries(names.map((n) => [n, ''])) as Record<F, string>;
}

/**
 * The form's fields as strings ('' when absent); null when the body was not a form
 * (another content type: express.urlencoded leaves it unread). A field sent twice counts once, its first value.
 */
export function fieldsOf<F extends string>(body: unknown, names: readonly F[]): Record<F, string> | null {
  if (body === undefined || body === null || typeof body !== 'object') return null;
  const values = emptyValues(names);
  for (const name of names) {
    const raw: unknown = Object.hasOwn(body, name) ? (body as Record<string, unknown>)[name] : undefined;
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value === 'string') values[name] = value;
  }
  return values;
}

/** The input boundary of /graphql (common/input-boundary.ts) for a form: every field single-line unless said otherwise. */
function boundaryIssues<F extends string>(values: Record<F, string>, multiLine: Partial<Record<F, TextKind>>): Issue[] {
  const issues: Issue[] = [];
  for (const name of Object.keys(values) as F[]) {
    const found = forbiddenCharacterIssue(name, values[name], multiLine[name] ?? 'single-line');
    if (found) issues.push(found);
  }
  return issues;
}

type Outcome<T> =
  | { kind: 'done'; value: T }
  | { kind: 'refused'; issues: readonly Issue[] }
  | { kind: 'too-many'; retryAfterSeconds: number };

/**
 * Runs a form's service call, or — when the boundary refused a field — spends the same budget the
 * GraphQL input boundary spends for a refused public call (`rateLimitedBy`) and refuses with nothing stored.
 */
async function submitForm<T>(
  rateLimits: RateLimits,
  rule: RateLimitRule,
  address: string,
  boundary: readonly Issue[],
  submit: () => Promise<T>,
): Promise<Outcome<T>> {
  try {
    if (boundary.length) {
      await rateLimits.consumeAddress(rule, address);
      throw new BadInputError(boundary, '');
    }
    return { kind: 'done', value: await submit() };
  } catch (err) {
    if (err instanceof RateLimitedError)
      return { kind: 'too-many', retryAfterSeconds: Number(err.extensions['retryAfterSeconds']) || 60 };
    if (err instanceof DomainError && err.code === 'BAD_USER_INPUT')
      return { kind: 'refused', issues: (err.extensions['issues'] as Issue[] | undefined) ?? [] };
    throw err;
  }
}

/**
 * Each field's first issue in the page's language: policy-core's `issue.<CODE>` message with the
 * issue's params, unless `override` words it for this form. `input.cookieConsentIds[2]` is the field `cookieConsentIds`.
 */
function fieldErrors(
  text: SiteText,
  issues: readonly Issue[],
  override: (issue: Issue) => string | null = () => null,
): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.field.replace(/^input\./, '').replace(/\[\d+\]$/, '');
    const named = { ...issue, field };
    errors[field] ??= override(named) ?? text.core(`issue.${issue.code}` as MessageKey, issue.params);
  }
  return errors;
}

function tooMany(text: SiteText, retryAfterSeconds: number): FormProblem {
  return {
    title: text.t('form.tooManyTitle'),
    body: text.t('form.tooMany', { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) }),
  };
}

function unreadable(text: SiteText): FormProblem {
  return { title: text.t('form.unreadableTitle'), body: text.t('form.unreadable') };
}

import type { SignedTreeHead } from '@steward/policy-core';
import { hrefOf, REQUEST_PATH, POLICY_PATH } from './pages.js';
import type { SiteText } from './site-messages.js';

/** The machine-readable twin of the page: `{ head, publicKey }`, for anyone keeping copies (a witness). */
export const TREE_HEAD_JSON_PATH = '/privacy/ledger/tree-head.json';

/** What the page shows of the newest signed tree head. */
export interface PublishedHead {
  head: SignedTreeHead;
  /** The exact text signed (UTF-8). */
  statement: string;
}

/**
 * "Verify our records" (/privacy/ledger): the newest signed tree head with the key that checks it,
 * and — for a provider with a disclosure package — what the head is, how to check a package offline
 * with @steward/verify, what a verified package proves and what it cannot, and how to hand the head
 * in with the next request. `published` null: no head signed yet.
 */
export function VerifyPage({
  text,
  published,
  publicKey,
}: {
  text: SiteText;
  published: PublishedHead | null;
  publicKey: string;
}) {
  const { t, language } = text;
  const command = `npx @steward/verify disclosure.json --public-key ${publicKey}`;
  return (
    <>
      <h1>{t('verify.title')}</h1>
      <p>{t('verify.intro')}</p>

      <section className="panel" aria-labelledby="latest-head">
        <h2 id="latest-head">{t('verify.latestHead')}</h2>
        {published ? <HeadDetails text={text} published={published} /> : <p>{t('verify.noHead')}</p>}
        <dl className="contact">
          <dt>{t('verify.publicKey')}</dt>
          <dd>
            <code className="hash" data-testid="public-key">
              {publicKey}
            </code>
          </dd>
        </dl>
        <p className="meta">
          {t('verify.machineReadable')} <a href={TREE_HEAD_JSON_PATH}>{TREE_HEAD_JSON_PATH}</a>
        </p>
      </section>

      <section aria-labelledby="what-head">
        <h2 id="what-head">{t('verify.whatTitle')}</h2>
        <p>{t('verify.what')}</p>
        <p>{t('verify.witness')}</p>
      </section>

      <section aria-labelledby="check-package">
        <h2 id="check-package">{t('verify.checkTitle')}</h2>
        <p>{t('verify.check')}</p>
        <pre className="code">
          <code data-testid="verify-command">{command}</code>
        </pre>
        <p>{t('verify.checkOffline')}</p>
      </section>

      <section aria-labelledby="proves">
        <h2 id="proves">{t('verify.provesTitle')}</h2>
        <ul>
          <li>{t('verify.provesComplete')}</li>
          <li>{t('verify.provesConsistent')}</li>
          <li>{t('verify.provesRestore')}</li>
        </ul>
        <h2 id="not-proves">{t('verify.notProvesTitle')}</h2>
        <ul>
          <li>{t('verify.notProvesUnnamed')}</li>
          <li>{t('verify.notProvesUnrecorded')}</li>
        </ul>
      </section>

      <section aria-labelledby="next-request">
        <h2 id="next-request">{t('verify.nextTitle')}</h2>
        <p>{t('verify.next')}</p>
        <p>
          <a href={hrefOf(REQUEST_PATH, language)}>{t('policy.requestLink')}</a>
        </p>
      </section>

      <p className="no-print">
        <a href={hrefOf(POLICY_PATH, language)}>{t('site.backToPolicy')}</a>
      </p>
    </>
  );
}

function HeadDetails({ text, published }: { text: SiteText; published: PublishedHead }) {
  const { t } = text;
  const { head, statement } = published;
  const signedAt = new Date(head.timestamp);
  return (
    <dl className="contact" data-testid="latest-head">
      <dt>{t('verify.treeSize')}</dt>
      <dd data-testid="tree-size">
        {t('verify.entries', { count: head.treeSize, formatted: text.count(head.treeSize) })}
      </dd>
      <dt>{t('verify.signedAt')}</dt>
      <dd>
        <time dateTime={head.timestamp}>{text.dateTime(signedAt)}</time>
      </dd>
      <dt>{t('verify.rootHash')}</dt>
      <dd>
        <code className="hash">{head.rootHash}</code>
      </dd>
      {head.version === 2 ? (
        <>
          <dt>{t('verify.providerMap')}</dt>
          <dd>
            {t('verify.providerMapSize', {
              count: head.providerMapSize ?? 0,
              formatted: text.count(head.providerMapSize ?? 0),
            })}{' '}
            <code className="hash">{head.providerMapRoot}</code>
          </dd>
        </>
      ) : null}
      <dt>{t('verify.statement')}</dt>
      <dd>
        <pre className="code">
          <code data-testid="statement">{statement}</code>
        </pre>
      </dd>
      <dt>{t('verify.signature')}</dt>
      <dd>
        <code className="hash" data-testid="signature">
          {head.signature}
        </code>
      </dd>
    </dl>
  );
}

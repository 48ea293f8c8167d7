// Steward's embeddable cookie banner: dependency-free, built to one minified script served at
// /cookie-banner/v1/banner.js. Usage on a site's pages:
//   <script src="https://steward.example.org/cookie-banner/v1/banner.js" data-site="SITE_KEY" data-locale="ja" defer></script>
//   <script type="text/plain" data-cookie-category="analytics">…runs only once analytics is accepted…</script>
//   <a href="#" data-cookie-settings>Cookie settings</a>   (or window.StewardCookies.open())

import {
  MAX_ATTEMPTS,
  cookieExpiries,
  cookieNames,
  newUuid,
  refusedItems,
  retryDelay,
  type Failure,
} from './banner-rules.js';

type Category = 'STRICTLY_NECESSARY' | 'FUNCTIONAL' | 'ANALYTICS' | 'MARKETING';
type Choice = Record<Category, boolean>;

interface BannerData {
  siteKey: string;
  locale: 'en' | 'ja';
  title: string;
  text: string;
  policyVersion: number;
  honoursGpc: boolean;
  categories: { category: Category; label: string; description: string; required: boolean }[];
  declarations: {
    name: string;
    domain: string;
    category: Category;
    vendor: string;
    purpose: string;
    durationDays: number | null;
    storageKind: string;
  }[];
}

interface Stored {
  /** Receipt (consent event) id. */
  r: string;
  c: Choice;
  /** Expires at (epoch ms). */
  x: number;
  w?: boolean;
}

const CATEGORIES: Category[] = ['STRICTLY_NECESSARY', 'FUNCTIONAL', 'ANALYTICS', 'MARKETING'];
const GPC_OFF: Category[] = ['ANALYTICS', 'MARKETING'];

const TEXT = {
  en: {
    accept: 'Accept all',
    reject: 'Reject all',
    settings: 'Settings',
    save: 'Save choices',
    withdraw: 'Withdraw consent',
    close: 'Close',
    always: 'Always on',
    gpc: 'Your browser sends Global Privacy Control: this category stays off.',
    id: 'Your consent id (quote it in a disclosure request):',
    cookies: 'Cookies and storage',
    session: 'session',
    days: (n: number) => `${n} days`,
    failed: 'Your choice could not be saved. Please try again.',
    reload: 'Your choice has been saved. Scripts already running on this page stop only when you reload it.',
    reloadNow: 'Reload page',
    kinds: {
      COOKIE: 'cookie',
      LOCAL_STORAGE: 'local storage',
      SESSION_STORAGE: 'session storage',
      INDEXED_DB: 'IndexedDB',
      PIXEL: 'pixel',
    } as Record<string, string>,
  },
  ja: {
    accept: 'すべて許可',
    reject: 'すべて拒否',
    settings: '設定',
    save: '選択を保存',
    withdraw: '同意を撤回',
    close: '閉じる',
    always: '常に有効',
    gpc: 'ブラウザーがグローバル・プライバシー・コントロールを送信しているため、この種類は無効のままです。',
    id: '同意ID（開示のご請求の際にお知らせください）:',
    cookies: 'クッキーとストレージ',
    session: 'セッション',
    days: (n: number) => `${n}日`,
    failed: '選択を保存できませんでした。もう一度お試しください。',
    reload: '選択を保存しました。このページで既に動作しているスクリプトは、ページを再読み込みするまで停止しません。',
    reloadNow: 'ページを再読み込み',
    kinds: {
      COOKIE: 'クッキー',
      LOCAL_STORAGE: 'ローカルストレージ',
      SESSION_STORAGE: 'セッションストレージ',
      INDEXED_DB: 'IndexedDB',
      PIXEL: 'ピクセル',
    } as Record<string, string>,
  },
};

const QUERY_BANNER =
  'query($k:String!,$l:String!){cookieBanner(siteKey:$k,locale:$l){siteKey locale title text policyVersion honoursGpc categories{category label description required} declarations{name domain category vendor purpose durationDays storageKind}}}';
const QUERY_STATUS =
  'query($k:String!,$v:String!){cookieConsent(siteKey:$k,visitorId:$v){receiptId choices{category accepted} expiresAt expired action}}';
const RECEIPT = '{receiptId choices{category accepted} expiresAt action}';
const MUTATION_RECORD = `mutation($i:RecordCookieConsentInput!){r:recordCookieConsent(input:$i)${RECEIPT}}`;
const MUTATION_WITHDRAW = `mutation($i:WithdrawCookieConsentInput!){r:withdrawCookieConsent(input:$i)${RECEIPT}}`;

type Receipt = {
  receiptId: string;
  choices: { category: Category; accepted: boolean }[];
  expiresAt: string;
  expired?: boolean;
  action: string;
};

(function main() {
  const script = document.currentScript as HTMLScriptElement | null;
  const siteKey = script?.dataset.site;
  if (!script || !siteKey) return;
  const endpoint = new URL('/graphql', script.src).href;
  const lang: 'en' | 'ja' = (script.dataset.locale ?? navigator.language ?? 'en').toLowerCase().startsWith('ja')
    ? 'ja'
    : 'en';
  const t = TEXT[lang];
  const gpc = (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  const storeKey = `steward_cookie_consent:${siteKey}`;
  const visitorKey = 'steward_cookie_visitor';

  const storage = {
    get<T>(key: string): T | null {
      try {
        const raw = localStorage.getItem(key);
        return raw ? (JSON.parse(raw) as T) : null;
      } catch {
        return null;
      }
    },
    set(key: string, value: unknown): void {
      try {
        localStorage.setItem(key, JSON.stringify(value));
      } catch {
        /* storage refused: the choice still applies to this page */
      }
    },
  };

  // crypto.randomUUID exists only in secure contexts; on a plain-http page the id is built from getRandomValues.
  const uuid = () => newUuid(crypto);
  let visitorId = storage.get<string>(visitorKey);
  if (typeof visitorId !== 'string' || !/^[0-9a-f-]{36}$/.test(visitorId)) {
    visitorId = uuid();
    storage.set(visitorKey, visitorId);
  }
  const vid = visitorId;

  let stored = storage.get<Stored>(storeKey);
  let data: BannerData | null = null;
  let root: HTMLElement | null = null;
  let opener: Element | null = null;
  /** Categories whose scripts this page has been allowed to run (they keep running until a reload). */
  const applied = new Set<Category>();

  /** One GraphQL request; throws a Failure (no answer, the HTTP status, the error's code). */
  async function gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    let res: Response;
    try {
      res = await fetch(endpoint, {
        method: 'POST',
        mode: 'cors',
        credentials: 'omit',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw { status: null } satisfies Failure;
    }
    const body = (await res.json().catch(() => null)) as {
      data?: T;
      errors?: { extensions?: { code?: string; retryAfterSeconds?: number } }[];
    } | null;
    if (body?.data && !body.errors?.length) return body.data;
    const ext = body?.errors?.[0]?.extensions;
    throw { status: res.status, code: ext?.code, retryAfterSeconds: ext?.retryAfterSeconds } satisfies Failure;
  }

  function toChoice(list: Receipt['choices']): Choice {
    const c = { STRICTLY_NECESSARY: true, FUNCTIONAL: false, ANALYTICS: false, MARKETING: false };
    for (const e of list) c[e.category] = e.accepted;
    return c;
  }

  function current(): Choice | null {
    return stored && stored.x > Date.now() ? stored.c : null;
  }

  /** Runs the tagged scripts of every accepted category (each once). */
  function activate(choice: Choice): void {
    for (const c of CATEGORIES) if (choice[c]) applied.add(c);
    document
      .querySelectorAll<HTMLScriptElement>('script[type="text/plain"][data-cookie-category]')
      .forEach((tagged) => {
        const category = (tagged.dataset.cookieCategory ?? '').toUpperCase().replace(/-/g, '_') as Category;
        if (!choice[category]) return;
        const live = document.createElement('script');
        for (const attr of Array.from(tagged.attributes))
          if (attr.name !== 'type') live.setAttribute(attr.name, attr.value);
        live.setAttribute('data-cookie-activated', '');
        live.text = tagged.text;
        tagged.replaceWith(live);
      });
    document.dispatchEvent(new CustomEvent('steward:cookie-consent', { detail: { ...choice } }));
  }

  function remember(receipt: Receipt): void {
    stored = {
      r: receipt.receiptId,
      c: toChoice(receipt.choices),
      x: Date.parse(receipt.expiresAt),
      w: receipt.action === 'WITHDRAW',
    };
    storage.set(storeKey, stored);
  }

  /**
   * Removes what the page itself can remove of the cookies and storage items declared for refused
   * categories: its cookies (on this host and the declared domain) and its local and session
   * storage. HttpOnly and third-party cookies are beyond a page's reach.
   */
  function forget(choice: Choice): void {
    if (!data) return;
    for (const { name, domain } of refusedItems(data.declarations, choice, 'COOKIE', cookieNames(document.cookie))) {
      for (const expiry of cookieExpiries(name, domain, location.hostname, location.pathname)) document.cookie = expiry;
    }
    for (const [kind, area] of [
      ['LOCAL_STORAGE', () => localStorage],
      ['SESSION_STORAGE', () => sessionStorage],
    ] as const) {
      try {
        const store = area();
        for (const { name } of refusedItems(data.declarations, choice, kind, Object.keys(store)))
          store.removeItem(name);
      } catch {
        /* storage not available to this page */
      }
    }
  }

  /**
   * Stores the choice (retrying only what a retry can fix: no answer, a server error, a rate limit)
   * and applies it. Answers whether scripts of a category now refused already ran on this page
   * (they stop only on a reload).
   */
  async function send(kind: 'record' | 'withdraw', choice: Choice): Promise<boolean> {
    if (!data) return false;
    const input: Record<string, unknown> = {
      siteKey,
      visitorId: vid,
      idempotencyKey: uuid(),
      policyVersion: data.policyVersion,
      gpc,
    };
    if (kind === 'record') input.choices = CATEGORIES.map((category) => ({ category, accepted: choice[category] }));
    // The same idempotency key on every attempt: a retry after a lost answer stores nothing new.
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try {
        const out = await gql<{ r: Receipt }>(kind === 'record' ? MUTATION_RECORD : MUTATION_WITHDRAW, { i: input });
        remember(out.r);
        const now = stored!.c;
        const stale = CATEGORIES.some((c) => applied.has(c) && !now[c]);
        forget(now);
        activate(now);
        return stale;
      } catch (err) {
        const wait = retryDelay(err as Failure, attempt, Math.random());
        if (wait === null) throw err;
        await new Promise((r) => setTimeout(r, wait));
      }
    }
    return false;
  }

  function el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attrs: Record<string, string> = {},
    ...children: (Node | string)[]
  ): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    node.append(...children);
    return node;
  }

  function close(): void {
    root?.remove();
    root = null;
    if (opener instanceof HTMLElement) opener.focus();
  }

  function focusables(): HTMLElement[] {
    return root
      ? Array.from(root.querySelectorAll<HTMLElement>('button,input:not([disabled]),summary,[tabindex="0"]'))
      : [];
  }

  function render(showSettings: boolean): void {
    if (!data) return;
    root?.remove();
    const d = data;
    const gpcBlocks = gpc && d.honoursGpc;
    const now = current() ?? { STRICTLY_NECESSARY: true, FUNCTIONAL: false, ANALYTICS: false, MARKETING: false };
    const status = el('p', { class: 'stw-status', role: 'status', 'aria-live': 'polite' });
    const boxes = new Map<Category, HTMLInputElement>();

    const act = (kind: 'record' | 'withdraw', choice: Choice) => async () => {
      for (const b of root?.querySelectorAll('button') ?? []) b.setAttribute('disabled', '');
      try {
        if (!(await send(kind, choice))) return close();
        // Saved, but scripts of a category now refused already run here: say so, offer the reload.
        status.className = 'stw-status stw-done';
        status.textContent = t.reload;
        const again = button(t.reloadNow, 'stw-main', () => location.reload());
        buttons.replaceChildren(again, button(t.close, 'stw-sub', close));
        again.focus();
      } catch {
        status.textContent = t.failed;
        for (const b of root?.querySelectorAll('button') ?? []) b.removeAttribute('disabled');
      }
    };
    const all = (on: boolean): Choice => ({
      STRICTLY_NECESSARY: true,
      FUNCTIONAL: on,
      ANALYTICS: on && !gpcBlocks,
      MARKETING: on && !gpcBlocks,
    });
    const button = (label: string, cls: string, onClick: () => void) => {
      const b = el('button', { type: 'button', class: `stw-btn ${cls}` }, label);
      b.addEventListener('click', onClick);
      return b;
    };

    const dialog = el(
      'div',
      {
        class: 'stw-dialog',
        role: 'dialog',
        'aria-modal': 'true',
        'aria-labelledby': 'stw-title',
        'aria-describedby': 'stw-text',
        lang: d.locale,
      },
      el('h2', { id: 'stw-title' }, d.title),
      el('p', { id: 'stw-text' }, d.text),
    );

    if (showSettings) {
      const list = el('div', { class: 'stw-cats' });
      for (const c of d.categories) {
        const off = gpcBlocks && GPC_OFF.includes(c.category);
        const box = el('input', {
          type: 'checkbox',
          id: `stw-${c.category}`,
          'data-category': c.category.toLowerCase(),
        });
        box.checked = c.required || (!off && now[c.category]);
        box.disabled = c.required || off;
        boxes.set(c.category, box);
        const decls = d.declarations.filter((x) => x.category === c.category);
        const table = decls.length
          ? el(
              'details',
              {},
              el('summary', {}, `${t.cookies} (${decls.length})`),
              el(
                'ul',
                {},
                ...decls.map((x) =>
                  el(
                    'li',
                    {},
                    el('code', {}, x.name),
                    ` — ${x.vendor}, ${x.domain}, ${t.kinds[x.storageKind] ?? x.storageKind}, ${x.durationDays === null ? t.session : t.days(x.durationDays)}: ${x.purpose}`,
                  ),
                ),
              ),
            )
          : '';
        list.append(
          el(
            'div',
            { class: 'stw-cat' },
            el(
              'label',
              { for: box.id },
              box,
              ` ${c.label}`,
              c.required ? el('span', { class: 'stw-note' }, ` (${t.always})`) : '',
            ),
            el('p', {}, c.description),
            off ? el('p', { class: 'stw-note' }, t.gpc) : '',
            table,
          ),
        );
      }
      dialog.append(list, el('p', { class: 'stw-note' }, t.id, ' ', el('code', { 'data-visitor-id': '' }, vid)));
    }

    const buttons = el(
      'div',
      { class: 'stw-buttons' },
      button(t.reject, 'stw-main', act('record', all(false))),
      button(t.accept, 'stw-main', act('record', all(true))),
    );
    if (showSettings) {
      buttons.append(
        button(t.save, 'stw-main', () => {
          const choice = all(false);
          for (const [category, box] of boxes) choice[category] = box.checked;
          void act('record', choice)();
        }),
      );
      if (stored && !stored.w) buttons.append(button(t.withdraw, 'stw-sub', act('withdraw', all(false))));
    } else {
      buttons.append(button(t.settings, 'stw-sub', () => render(true)));
    }
    buttons.append(button(t.close, 'stw-sub', close));
    dialog.append(buttons, status);

    root = el('div', { class: 'stw-root' }, el('style', {}, CSS), dialog);
    root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        close();
      } else if (e.key === 'Tab') {
        const items = focusables();
        const first = items[0];
        const last = items[items.length - 1];
        if (!first || !last) return;
        if (e.shiftKey && document.activeElement === first) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && document.activeElement === last) {
          e.preventDefault();
          first.focus();
        }
      }
    });
    document.body.append(root);
    (root.querySelector<HTMLElement>(showSettings ? 'input:not([disabled])' : '.stw-main') ?? focusables()[0])?.focus();
  }

  async function open(settings = true): Promise<void> {
    opener = document.activeElement;
    data ??= await gql<{ cookieBanner: BannerData }>(QUERY_BANNER, { k: siteKey, l: lang }).then((r) => r.cookieBanner);
    render(settings);
  }

  async function start(): Promise<void> {
    let choice = current();
    if (!choice && stored === null) {
      // No local record (cleared storage, or another page of a site that stored it elsewhere): ask the server.
      const s = await gql<{ cookieConsent: Receipt | null }>(QUERY_STATUS, { k: siteKey, v: vid })
        .then((r) => r.cookieConsent)
        .catch(() => null);
      if (s && !s.expired) {
        remember(s);
        choice = stored!.c;
      }
    }
    if (choice) activate(choice);
    else await open(false);
  }

  document.addEventListener('click', (e) => {
    const target = (e.target as Element | null)?.closest?.('[data-cookie-settings]');
    if (!target) return;
    e.preventDefault();
    void open(true);
  });

  (window as unknown as { StewardCookies: unknown }).StewardCookies = {
    open: () => open(true),
    withdraw: async () => {
      data ??= await gql<{ cookieBanner: BannerData }>(QUERY_BANNER, { k: siteKey, l: lang }).then(
        (r) => r.cookieBanner,
      );
      await send('withdraw', { STRICTLY_NECESSARY: true, FUNCTIONAL: false, ANALYTICS: false, MARKETING: false });
    },
    choice: () => current(),
    visitorId: vid,
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start());
  else void start();
})();

const CSS = `.stw-root{position:fixed;inset:0;z-index:2147483000;display:flex;align-items:flex-end;justify-content:center;background:rgba(0,0,0,.35);font:15px/1.5 system-ui,sans-serif;color:#1a1a1a}
.stw-dialog{background:#fff;max-width:44rem;width:100%;max-height:90vh;overflow:auto;margin:0 0 1rem;padding:1.25rem;border-radius:.5rem;box-shadow:0 4px 24px rgba(0,0,0,.3)}
.stw-dialog h2{font-size:1.15rem;margin:0 0 .5rem}.stw-dialog p{margin:.25rem 0 .75rem;white-space:pre-line}
.stw-buttons{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.75rem}
.stw-btn{font:inherit;padding:.55rem 1.1rem;border-radius:.35rem;cursor:pointer;border:2px solid #1d4ed8}
.stw-main{background:#1d4ed8;color:#fff;font-weight:600;min-width:9rem}.stw-sub{background:#fff;color:#1d4ed8}
.stw-btn:focus-visible,.stw-dialog input:focus-visible,.stw-dialog summary:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.stw-btn[disabled]{opacity:.6;cursor:wait}.stw-cat{border-top:1px solid #ddd;padding:.5rem 0}.stw-cat label{font-weight:600}
.stw-note{font-size:.85rem;color:#555}.stw-cat ul{margin:.25rem 0;padding-left:1.25rem;font-size:.85rem}.stw-status{min-height:1em;color:#b91c1c}.stw-done{color:inherit}`;

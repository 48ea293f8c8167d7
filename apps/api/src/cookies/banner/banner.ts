// Steward's embeddable cookie banner: no runtime dependencies, built to one minified script served at
// /cookie-banner/v1/banner.js. Usage on a site's pages:
//   <script src="https://steward.example.org/cookie-banner/v1/banner.js" data-site="SITE_KEY" data-locale="ja" defer></script>
//   <script type="text/plain" data-cookie-category="analytics">…runs only once analytics is accepted…</script>
//   <a href="#" data-cookie-settings>Cookie settings</a>   (or window.StewardCookies.open())
//
// This file wires the parts: banner-transport.ts (the GraphQL calls), banner-state.ts (the visitor's
// choice and what it runs or deletes), banner-view.ts (the dialog), banner-rules.ts (page-free rules).

import { COOKIE_CATEGORIES, type CookieChoice, defaultCookieChoice, type GpcSignal } from '@steward/policy-core';
import { bannerLocale, newUuid } from './banner-rules.js';
import { createConsentState } from './banner-state.js';
import { TEXTS } from './banner-texts.js';
import { createTransport, type BannerData, type Receipt } from './banner-transport.js';
import { renderDialog, type Dialog } from './banner-view.js';

/** Starts the banner for the site the script tag names. */
function mount(script: HTMLScriptElement, siteKey: string): void {
  const locale = bannerLocale(script.dataset.locale, navigator.language);
  const gpc = (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  const transport = createTransport(new URL('/graphql', script.src).href);
  const state = createConsentState(siteKey);
  let data: BannerData | null = null;
  let dialog: Dialog | null = null;
  let opener: Element | null = null;

  const load = async (): Promise<BannerData> => (data ??= await transport.banner(siteKey, locale));
  const signal = (d: BannerData): GpcSignal => ({ gpc, honoursGpc: d.honoursGpc });

  /**
   * Stores a choice or a withdrawal (transport retries what a retry can fix) and applies it. Answers
   * whether scripts of a category now refused already ran on this page.
   */
  async function save(choice: CookieChoice | 'withdraw'): Promise<boolean> {
    const d = await load();
    const input = {
      siteKey,
      visitorId: state.visitorId,
      idempotencyKey: newUuid(crypto),
      policyVersion: d.policyVersion,
      gpc,
    };
    const receipt: Receipt =
      choice === 'withdraw'
        ? await transport.withdraw(input)
        : await transport.record({
            ...input,
            choices: COOKIE_CATEGORIES.map((category) => ({ category, accepted: choice[category] })),
          });
    return state.apply(state.remember(receipt), d.declarations);
  }

  function close(): void {
    dialog?.root.remove();
    dialog = null;
    if (opener instanceof HTMLElement) opener.focus();
  }

  async function act(choice: CookieChoice | 'withdraw'): Promise<void> {
    const shown = dialog;
    shown?.busy(true);
    try {
      if (await save(choice)) shown?.savedNeedsReload(() => location.reload());
      else close();
    } catch {
      shown?.failed();
    }
  }

  function show(d: BannerData, settings: boolean): void {
    dialog?.root.remove();
    const shown = renderDialog({
      data: d,
      t: TEXTS[locale],
      settings,
      choice: state.choice() ?? defaultCookieChoice(signal(d)),
      signal: signal(d),
      visitorId: state.visitorId,
      canWithdraw: state.canWithdraw(),
      onChoose: (choice) => void act(choice),
      onWithdraw: () => void act('withdraw'),
      onSettings: () => show(d, true),
      onClose: close,
    });
    dialog = shown;
    document.body.append(shown.root);
    shown.focus();
  }

  async function open(settings: boolean): Promise<void> {
    opener = document.activeElement;
    show(await load(), settings);
  }

  async function start(): Promise<void> {
    let choice = state.choice();
    if (!choice && !state.hasRecord()) {
      // No local record (cleared storage, or another page of a site that stored it elsewhere): ask the server.
      const current = await transport.consent(siteKey, state.visitorId);
      if (current && !current.expired) choice = state.remember(current);
    }
    if (choice) state.run(choice);
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
    withdraw: async () => void (await save('withdraw')),
    choice: () => state.choice(),
    visitorId: state.visitorId,
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start());
  else void start();
}

const script = document.currentScript as HTMLScriptElement | null;
if (script?.dataset.site) mount(script, script.dataset.site);

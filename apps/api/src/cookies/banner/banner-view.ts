// The banner's dialog, built from small components over plain DOM: the site's texts, the buttons
// (Reject all as prominent as Accept all) and, in the settings, each category with its declared
// cookies. It only reports what the visitor asks for; banner.ts decides what happens.

import {
  acceptAllCookieChoice,
  defaultCookieChoice,
  gpcForcesOff,
  type CookieCategory,
  type CookieChoice,
  type GpcSignal,
} from '@steward/policy-core';
import type { Texts } from './banner-texts.js';
import type { BannerData } from './banner-transport.js';

export interface DialogProps {
  data: BannerData;
  t: Texts;
  /** The settings (categories, declarations, consent id) rather than the first question. */
  settings: boolean;
  /** The choice the settings start from. */
  choice: CookieChoice;
  signal: GpcSignal;
  visitorId: string;
  canWithdraw: boolean;
  onChoose(choice: CookieChoice): void;
  onWithdraw(): void;
  onSettings(): void;
  onClose(): void;
}

export interface Dialog {
  root: HTMLElement;
  /** Disables the buttons while a choice is saved (and enables them again). */
  busy(on: boolean): void;
  failed(): void;
  /** Saved, but scripts of a category now refused already run here: says so and offers the reload. */
  savedNeedsReload(onReload: () => void): void;
}

type Category = BannerData['categories'][number];
type Declaration = BannerData['declarations'][number];

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

function button(label: string, main: boolean, onClick: () => void): HTMLButtonElement {
  const b = el('button', { type: 'button', class: `stw-btn ${main ? 'stw-main' : 'stw-sub'}` }, label);
  b.addEventListener('click', onClick);
  return b;
}

function declarationLine(x: Declaration, t: Texts): HTMLLIElement {
  const kind = t.kinds[x.storageKind] ?? x.storageKind;
  const lifetime = x.durationDays === null ? t.session : t.days(x.durationDays);
  return el('li', {}, el('code', {}, x.name), ` — ${x.vendor}, ${x.domain}, ${kind}, ${lifetime}: ${x.purpose}`);
}

function declarationList(declarations: readonly Declaration[], t: Texts): HTMLElement | string {
  if (!declarations.length) return '';
  return el(
    'details',
    {},
    el('summary', {}, `${t.cookies} (${declarations.length})`),
    el('ul', {}, ...declarations.map((x) => declarationLine(x, t))),
  );
}

/** One category: its checkbox (fixed on when required, off when GPC forces it), texts and declarations. */
function categoryRow(c: Category, p: DialogProps): { row: HTMLElement; box: HTMLInputElement } {
  const off = gpcForcesOff(c.category, p.signal);
  const box = el('input', { type: 'checkbox', id: `stw-${c.category}`, 'data-category': c.category.toLowerCase() });
  box.checked = c.required || (!off && p.choice[c.category]);
  box.disabled = c.required || off;
  const always = c.required ? el('span', { class: 'stw-note' }, ` (${p.t.always})`) : '';
  const row = el(
    'div',
    { class: 'stw-cat' },
    el('label', { for: box.id }, box, ` ${c.label}`, always),
    el('p', {}, c.description),
    off ? el('p', { class: 'stw-note' }, p.t.gpc) : '',
    declarationList(
      p.data.declarations.filter((x) => x.category === c.category),
      p.t,
    ),
  );
  return { row, box };
}

/** The settings: every category, then the consent id to quote. Answers the choice the boxes make. */
function settingsSection(p: DialogProps): { section: HTMLElement[]; chosen: () => CookieChoice } {
  const rows = p.data.categories.map((c) => ({ category: c.category, ...categoryRow(c, p) }));
  const chosen = () => {
    const choice: Record<CookieCategory, boolean> = { ...defaultCookieChoice(p.signal) };
    for (const { category, box } of rows) choice[category] = box.checked;
    return choice;
  };
  const id = el('p', { class: 'stw-note' }, p.t.id, ' ', el('code', { 'data-visitor-id': '' }, p.visitorId));
  return { section: [el('div', { class: 'stw-cats' }, ...rows.map((r) => r.row)), id], chosen };
}

function buttonRow(p: DialogProps, chosen: (() => CookieChoice) | null): HTMLElement {
  const { t } = p;
  const buttons = el(
    'div',
    { class: 'stw-buttons' },
    button(t.reject, true, () => p.onChoose(defaultCookieChoice(p.signal))),
    button(t.accept, true, () => p.onChoose(acceptAllCookieChoice(p.signal))),
  );
  if (chosen) {
    buttons.append(button(t.save, true, () => p.onChoose(chosen())));
    if (p.canWithdraw) buttons.append(button(t.withdraw, false, p.onWithdraw));
  } else {
    buttons.append(button(t.settings, false, p.onSettings));
  }
  buttons.append(button(t.close, false, p.onClose));
  return buttons;
}

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('button,input:not([disabled]),summary,[tabindex="0"]'));
}

/** Esc closes; Tab and Shift+Tab stay inside the dialog. */
function trapKeys(root: HTMLElement, onClose: () => void): void {
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = focusables(root);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    const edge = e.shiftKey ? first : last;
    if (document.activeElement === edge) {
      e.preventDefault();
      (e.shiftKey ? last : first).focus();
    }
  });
}

/** Builds the dialog (not yet in the page); `focus()` it once appended. */
export function renderDialog(p: DialogProps): Dialog & { focus(): void } {
  const { data: d, t } = p;
  const status = el('p', { class: 'stw-status', role: 'status', 'aria-live': 'polite' });
  const settings = p.settings ? settingsSection(p) : null;
  const buttons = buttonRow(p, settings?.chosen ?? null);
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
    ...(settings?.section ?? []),
    buttons,
    status,
  );
  const root = el('div', { class: 'stw-root' }, el('style', {}, CSS), dialog);
  trapKeys(root, p.onClose);
  const busy = (on: boolean) => {
    for (const b of root.querySelectorAll('button')) b.toggleAttribute('disabled', on);
  };
  return {
    root,
    busy,
    failed() {
      status.textContent = t.failed;
      busy(false);
    },
    savedNeedsReload(onReload) {
      status.className = 'stw-status stw-done';
      status.textContent = t.reload;
      const again = button(t.reloadNow, true, onReload);
      buttons.replaceChildren(again, button(t.close, false, p.onClose));
      again.focus();
    },
    focus() {
      (
        root.querySelector<HTMLElement>(p.settings ? 'input:not([disabled])' : '.stw-main') ?? focusables(root)[0]
      )?.focus();
    },
  };
}

const CSS = `.stw-root{position:fixed;inset:0;z-index:2147483000;display:flex;align-items:flex-end;justify-content:center;background:rgba(0,0,0,.35);font:15px/1.5 system-ui,sans-serif;color:#1a1a1a}
.stw-dialog{background:#fff;max-width:44rem;width:100%;max-height:90vh;overflow:auto;margin:0 0 1rem;padding:1.25rem;border-radius:.5rem;box-shadow:0 4px 24px rgba(0,0,0,.3)}
.stw-dialog h2{font-size:1.15rem;margin:0 0 .5rem}.stw-dialog p{margin:.25rem 0 .75rem;white-space:pre-line}
.stw-buttons{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.75rem}
.stw-btn{font:inherit;padding:.55rem 1.1rem;border-radius:.35rem;cursor:pointer;border:2px solid #1d4ed8}
.stw-main{background:#1d4ed8;color:#fff;font-weight:600;min-width:9rem}.stw-sub{background:#fff;color:#1d4ed8}
.stw-btn:focus-visible,.stw-dialog input:focus-visible,.stw-dialog summary:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.stw-btn[disabled]{opacity:.6;cursor:wait}.stw-cat{border-top:1px solid #ddd;padding:.5rem 0}.stw-cat label{font-weight:600}
.stw-note{font-size:.85rem;color:#555}.stw-cat ul{margin:.25rem 0;padding-left:1.25rem;font-size:.85rem}.stw-status{min-height:1em;color:#b91c1c}.stw-done{color:inherit}`;

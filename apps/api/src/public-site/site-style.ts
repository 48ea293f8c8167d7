/**
 * The public pages' one stylesheet, inlined in each page's <head> (the CSP allows inline styles;
 * one request per page, nothing to cache-bust). Readable line length, a Japanese font stack,
 * visible focus, contrast above 4.5:1, and a print layout without the navigation and forms.
 */
export const SITE_CSS = `
:root { color-scheme: light; --text: #1b1b1f; --muted: #4a4a55; --line: #c9c9d2; --link: #0b4fa8; --error: #a4161a; --ok: #0f5132; --panel: #f5f6f8; }
* { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0; color: var(--text); background: #fff; line-height: 1.8;
  font-family: system-ui, -apple-system, "Segoe UI", "Hiragino Kaku Gothic ProN", "Hiragino Sans", "Noto Sans JP", "Noto Sans CJK JP", "Yu Gothic UI", "Yu Gothic", Meiryo, sans-serif; }
:lang(en) body, body:lang(en) { line-height: 1.6; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:focus-visible, input:focus-visible, textarea:focus-visible, button:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; top: 0; background: #fff; padding: 0.5rem 1rem; }
.skip:focus { left: 0.5rem; z-index: 1; }
header.site, main, footer.site { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
header.site { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; justify-content: space-between; align-items: baseline; padding-top: 1rem; padding-bottom: 0.75rem; border-bottom: 1px solid var(--line); }
header.site .org { font-weight: 700; font-size: 1.05rem; color: var(--text); text-decoration: none; }
nav.languages ul { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; }
nav.languages a[aria-current] { font-weight: 700; color: var(--text); text-decoration: none; }
main { padding-top: 1rem; padding-bottom: 2rem; }
h1 { font-size: 1.6rem; line-height: 1.4; margin: 0.5rem 0 0.25rem; }
h2 { font-size: 1.15rem; line-height: 1.5; margin: 1.75rem 0 0.5rem; }
p { margin: 0 0 0.75rem; }
.meta { color: var(--muted); font-size: 0.95rem; margin-bottom: 1rem; }
.pre { white-space: pre-line; }
.hash { overflow-wrap: anywhere; font-size: 0.85rem; }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem; margin: 1.5rem 0; }
.panel h2 { margin-top: 0; }
address { font-style: normal; }
dl.contact { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0 0; }
dl.contact dt { color: var(--muted); }
dl.contact dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.5rem; border-bottom: 1px solid var(--line); }
th { font-weight: 600; }
td.summary { white-space: pre-line; }
ul.links { padding-left: 1.25rem; }
form { margin-top: 1rem; }
.field { margin: 0 0 1.1rem; }
.field label, fieldset legend { display: block; font-weight: 600; }
.hint { display: block; color: var(--muted); font-size: 0.92rem; }
.error { display: block; color: var(--error); font-weight: 600; }
input[type="text"], input[type="email"], textarea { display: block; width: 100%; max-width: 40rem; font: inherit; padding: 0.45rem 0.55rem; border: 1px solid #6b6b78; border-radius: 4px; }
[aria-invalid="true"] { border-color: var(--error); border-width: 2px; }
fieldset { border: 0; padding: 0; margin: 0 0 1.1rem; }
.choice { display: flex; gap: 0.5rem; align-items: flex-start; margin: 0.35rem 0; }
.choice input { margin-top: 0.45rem; }
.choice label { font-weight: 400; }
button { font: inherit; font-weight: 600; padding: 0.5rem 1.5rem; border: 0; border-radius: 4px; background: var(--link); color: #fff; cursor: pointer; }
.alert { border-left: 4px solid var(--error); background: #fdf0f0; padding: 0.75rem 1rem; margin: 1rem 0; }
.alert.ok { border-color: var(--ok); background: #edf7f1; }
.alert h2 { margin: 0 0 0.25rem; font-size: 1.05rem; }
pre.code { white-space: pre-wrap; overflow-wrap: anywhere; background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: 0.5rem 0.75rem; margin: 0.25rem 0 0.75rem; font-size: 0.85rem; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.reference { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-weight: 700; font-size: 1.15rem; }
footer.site { border-top: 1px solid var(--line); padding-top: 0.75rem; padding-bottom: 2rem; color: var(--muted); font-size: 0.9rem; }
@media print {
  .skip, nav.languages, .no-print { display: none !important; }
  body { font-size: 10.5pt; }
  header.site, main, footer.site { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .panel { border-color: #999; background: none; }
  h2 { break-after: avoid; }
  section, tr { break-inside: avoid; }
}
`;

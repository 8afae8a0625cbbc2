import { html, unsafeRaw, type HtmlValue, type SafeHtml } from './html.js';
import type { SessionInfo } from '../storage/users.js';

/** Styles and script are inline with a per-response CSP nonce: no asset routes, no CDN, nothing open without a session. */
export const STYLES = `
:root { --ink:#1b1f24; --muted:#57606a; --line:#d0d7de; --bg:#f6f8fa; --card:#fff; --brand:#0b2545; --accent:#13315c;
  --link:#0b5cad; --crit:#a40e26; --high:#c2410c; --med:#9a6700; --low:#57606a; --ok:#1a7f37; --focus:#ffbf47; }
* { box-sizing: border-box; }
html { font-size: 15px; }
body { margin:0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color:var(--ink); background:var(--bg); line-height:1.45; }
a { color: var(--link); }
a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus { outline: 3px solid var(--focus); outline-offset: 1px; }
.skip { position:absolute; left:-999px; } .skip:focus { left: 8px; top: 8px; background:#fff; padding:6px; z-index:10; }
header.top { background: var(--brand); color:#fff; display:flex; align-items:center; gap:24px; padding: 0 24px; min-height:52px; }
header.top .brand { font-weight:700; letter-spacing:.02em; color:#fff; text-decoration:none; font-size:1.1rem; }
header.top .brand small { font-weight:400; opacity:.8; margin-left:6px; }
header.top nav ul { list-style:none; display:flex; gap:4px; margin:0; padding:0; }
header.top nav a { color:#dbe7f5; text-decoration:none; padding:15px 10px; display:block; }
header.top nav a[aria-current="page"] { color:#fff; box-shadow: inset 0 -3px 0 #8ecae6; }
header.top .who { margin-left:auto; display:flex; gap:12px; align-items:center; font-size:.9rem; }
header.top .who form { margin:0; }
header.top .who button { background:transparent; color:#fff; border:1px solid #8aa4c8; border-radius:4px; padding:4px 10px; cursor:pointer; }
.banner { background:#fff8c5; border-bottom:1px solid #d4a72c; padding:6px 24px; font-size:.85rem; }
main { max-width: 1240px; margin: 0 auto; padding: 20px 24px 48px; }
.card > h2:first-child { margin-top: 0; }
h1 { font-size:1.5rem; margin: 4px 0 14px; } h2 { font-size:1.15rem; margin: 24px 0 10px; } h3 { font-size:1rem; margin: 16px 0 8px; }
.card { background:var(--card); border:1px solid var(--line); border-radius:6px; padding:16px; margin-bottom:16px; }
.grid { display:grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin-bottom:16px; }
.stat { background:var(--card); border:1px solid var(--line); border-radius:6px; padding:10px 14px; }
.stat .n { font-size:1.6rem; font-weight:700; display:block; } .stat .l { color:var(--muted); font-size:.85rem; }
table { width:100%; border-collapse:collapse; background:var(--card); }
th, td { text-align:left; padding:8px 10px; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-size:.8rem; text-transform:uppercase; letter-spacing:.03em; color:var(--muted); background:#f0f3f6; }
tbody tr:hover { background:#f8fafc; }
td time { white-space: nowrap; }
td.num, th.num { text-align:right; font-variant-numeric: tabular-nums; }
.table-wrap { border:1px solid var(--line); border-radius:6px; overflow:auto; }
.badge { display:inline-block; padding:1px 8px; border-radius:10px; font-size:.78rem; font-weight:600; border:1px solid transparent; white-space:nowrap; }
.sev-critical { background:#ffebe9; color:var(--crit); border-color:#ffcecb; }
.sev-high { background:#fff1e5; color:var(--high); border-color:#ffd8b5; }
.sev-medium { background:#fff8c5; color:var(--med); border-color:#eed888; }
.sev-low { background:#eaeef2; color:var(--low); border-color:#d0d7de; }
.st-new { background:#ddf4ff; color:#0550ae; } .st-acknowledged { background:#fbefff; color:#6639ba; }
.st-resolved { background:#dafbe1; color:var(--ok); } .st-false-positive, .st-accepted-risk { background:#eaeef2; color:var(--muted); }
.masked { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size:.9rem; }
.revealed { font-family: ui-monospace, monospace; background:#fff8c5; border:1px dashed #d4a72c; padding:8px; white-space:pre-wrap; }
mark { background:#ffd33d; padding:0 1px; }
.muted { color:var(--muted); }
.sr-only { position:absolute; width:1px; height:1px; padding:0; margin:-1px; overflow:hidden; clip:rect(0,0,0,0); white-space:nowrap; border:0; }
.stat .n.when { font-size:1.05rem; padding-top:8px; }
form.inline { display:flex; gap:6px; align-items:center; margin:0; } form.inline input[type=text] { min-width:120px; flex:1; } form.inline select { min-width:110px; } .small { font-size:.85rem; }
form.filters { display:flex; flex-wrap:wrap; gap:12px; align-items:flex-end; margin-bottom:14px; }
label { display:block; font-weight:600; font-size:.85rem; margin-bottom:3px; }
input[type=text], input[type=password], input[type=date], select, textarea { font: inherit; padding:6px 8px; border:1px solid #8c959f; border-radius:4px; background:#fff; min-width: 150px; }
textarea { width:100%; min-height:60px; }
button, .button { font: inherit; font-weight:600; padding:6px 14px; border-radius:4px; border:1px solid #1f2328; background:#f6f8fa; color:var(--ink); cursor:pointer; text-decoration:none; display:inline-block; }
button.primary, .button.primary { background: var(--accent); color:#fff; border-color: var(--accent); }
button.danger { background:#fff; color:var(--crit); border-color:var(--crit); }
.actions { display:grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap:12px; }
.actions form { border:1px solid var(--line); border-radius:6px; padding:12px; background:#fbfcfd; margin:0; }
.actions form p { margin: 0 0 8px; }
.flash { padding:10px 14px; border-radius:6px; margin-bottom:16px; border:1px solid; }
.flash.ok { background:#dafbe1; border-color:#4ac26b; } .flash.error { background:#ffebe9; border-color:#ff8182; }
ol.timeline { list-style:none; padding:0; margin:0; display:flex; flex-wrap:wrap; gap:0; }
ol.timeline li { flex:1 1 150px; position:relative; padding: 22px 8px 0 0; border-top:3px solid var(--line); }
ol.timeline li::before { content:""; position:absolute; top:-9px; left:0; width:14px; height:14px; border-radius:50%; background:#fff; border:3px solid var(--line); }
ol.timeline li.done { border-top-color: var(--accent); } ol.timeline li.done::before { background: var(--accent); border-color: var(--accent); }
ol.timeline .what { font-weight:600; display:block; } ol.timeline time, ol.timeline .when { font-size:.85rem; color:var(--muted); }
dl.facts { display:grid; grid-template-columns: 220px 1fr; gap: 6px 16px; margin:0; }
dl.facts dt { font-weight:600; color:var(--muted); } dl.facts dd { margin:0; }
.evidence img { max-width:100%; border:1px solid var(--line); border-radius:4px; }
.login { max-width: 380px; margin: 60px auto; }
.login input { width:100%; margin-bottom:12px; }
.chart svg { width:100%; height:auto; max-height:260px; }
.legend { display:flex; gap:16px; font-size:.85rem; } .legend .sw { display:inline-block; width:12px; height:12px; border-radius:2px; vertical-align:-1px; margin-right:4px; }
.sw-pages { background:#0b5cad; } .sw-findings { background:#c2410c; }
.checklist td:first-child { width: 45%; }
.state-done { color: var(--ok); font-weight:600; } .state-todo { color: var(--crit); font-weight:600; } .state-in-progress { color: var(--med); font-weight:600; }
.state-not-applicable { color: var(--muted); }
.draft { border-left:4px solid #d4a72c; background:#fffbe6; padding:8px 12px; }
.pill-row { display:flex; flex-wrap:wrap; gap:6px; }
@media print { header.top, .no-print, .banner { display:none !important; } body { background:#fff; } main { padding:0; } .card { border:none; padding:0; } }
`;

/** Small progressive enhancement: confirm destructive actions, auto-submit filter selects, select-all for the report. */
export const SCRIPT = `
document.addEventListener('change', function (e) {
  var t = e.target;
  if (t && t.matches && t.matches('form.filters select:not(.no-autosubmit)')) t.form.submit();
  if (t && t.id === 'select-all') document.querySelectorAll('input[name="ids"]').forEach(function (c) { c.checked = t.checked; });
});
document.addEventListener('submit', function (e) {
  var f = e.target;
  if (f && f.dataset && f.dataset.confirm && !window.confirm(f.dataset.confirm)) e.preventDefault();
});
document.querySelectorAll('form.filters button[type=submit]').forEach(function (b) { b.classList.add('js-optional'); });
`;

export type NavKey = 'incidents' | 'runs' | 'report' | 'audit' | 'none';

export interface PageContext {
  title: string;
  session: SessionInfo | null;
  csrf: string;
  nonce: { script: string; style: string };
  nav: NavKey;
  flash?: { kind: 'ok' | 'error'; text: string } | null;
}

export function page(ctx: PageContext, body: HtmlValue): SafeHtml {
  const navLink = (key: NavKey, href: string, label: string) =>
    html`<li><a href="${href}" ${ctx.nav === key ? unsafeRaw('aria-current="page"') : ''}>${label}</a></li>`;
  return html`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<link rel="icon" href="data:,">
<title>${ctx.title} · Leakwatch</title>
<style nonce="${ctx.nonce.style}">${unsafeRaw(STYLES)}</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top" role="banner">
  <a class="brand" href="/incidents">Leakwatch<small>information governance</small></a>
  ${ctx.session
    ? html`<nav aria-label="Main"><ul>
        ${navLink('incidents', '/incidents', 'Incidents')}
        ${navLink('runs', '/runs', 'Runs & health')}
        ${navLink('audit', '/audit', 'Audit log')}
      </ul></nav>
      <div class="who"><span>Signed in as <strong>${ctx.session.username}</strong> (${ctx.session.role})</span>
        <form method="post" action="/logout"><input type="hidden" name="_csrf" value="${ctx.csrf}"><button type="submit">Sign out</button></form>
      </div>`
    : ''}
</header>
<div class="banner" role="note">OFFICIAL-SENSITIVE: contains personal data. Reveal only what you need; every reveal is recorded.</div>
<main id="main" tabindex="-1">
${ctx.flash ? html`<div class="flash ${ctx.flash.kind}" role="${ctx.flash.kind === 'error' ? 'alert' : 'status'}">${ctx.flash.text}</div>` : ''}
${body}
</main>
<script nonce="${ctx.nonce.script}">${unsafeRaw(SCRIPT)}</script>
</body>
</html>`;
}

export const fmtTime = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-GB', { timeZone: 'Europe/London', day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
};

export const timeEl = (iso: string | null | undefined): SafeHtml => (iso ? html`<time datetime="${iso}">${fmtTime(iso)}</time>` : html`<span class="muted">—</span>`);

export function fmtDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${m % 60} min`;
  const d = Math.floor(h / 24);
  return `${d} days ${h % 24} h`;
}

export const severityBadge = (s: string): SafeHtml => html`<span class="badge sev-${s}">${s}</span>`;
export const statusBadge = (s: string): SafeHtml => html`<span class="badge st-${s}">${s.replace('-', ' ')}</span>`;

/** HTML templates reproducing police.uk / Single Online Home chrome. */
import { esc, FORCE_PREFIX, FORCE_NAME, type Hood, type Priority } from './model.js';

export interface LayoutOpts {
  title: string;
  crumbs: [string, string][]; // [label, href]; last is the current page
  main: string;
  head?: string;
  bodyEnd?: string;
  description?: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export function longDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
export function timeOf(iso: string): string {
  const [h, mi] = iso.slice(11, 16).split(':').map(Number);
  const hh = h % 12 === 0 ? 12 : h % 12;
  return `${hh}${mi ? ':' + String(mi).padStart(2, '0') : ''}${h < 12 ? 'am' : 'pm'}`;
}

export function layout(o: LayoutOpts): string {
  const crumbs = o.crumbs
    .map(([label, href], i) => (i === o.crumbs.length - 1 ? `<li aria-current="page">${esc(label)}</li>` : `<li><a href="${href}">${esc(label)}</a></li>`))
    .join('');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)} | police.uk</title>
<meta name="description" content="${esc(o.description ?? o.title + ' on police.uk, the website for policing in England, Wales and Northern Ireland.')}">
<link rel="stylesheet" href="/static/css/site.css">
<link rel="icon" href="/favicon.ico">
${o.head ?? ''}</head>
<body>
<a class="skip-link" href="#main-content">Skip to main content</a>
<div class="cookie-banner" id="cookie-banner" role="region" aria-label="Cookies on police.uk">
<h2>Cookies on police.uk</h2>
<p>We use some essential cookies to make this website work. We'd also like to set analytics cookies to understand how you use police.uk and to improve our services.</p>
<button type="button" class="button" data-cookie-action="accept">Accept analytics cookies</button>
<button type="button" class="button" data-cookie-action="reject">Reject analytics cookies</button>
<a href="/pu/about-police.uk/cookies/">Customise cookies</a>
</div>
<div class="quick-exit" id="quick-exit">
<p>Quickly exit this site by pressing the Escape key</p>
<a class="quick-exit__button" href="https://www.bbc.co.uk/weather" rel="nofollow">Leave this site</a>
</div>
<header class="site-header">
<a class="logo" href="/"><span class="visually-hidden">police.uk home</span>police.uk</a>
<nav class="primary-nav" aria-label="Main menu">
<ul>
<li><a href="/pu/report-it/">Report</a></li>
<li><a href="/pu/your-area/">Your area</a></li>
<li><a href="/pu/contact-us/">Contact us</a></li>
</ul>
</nav>
</header>
<div class="beta-banner"><strong class="tag">Beta</strong> This site is a beta. Your <a href="/pu/feedback/">feedback</a> will help us to improve it.</div>
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>${crumbs}</ol></nav>
<main id="main-content" class="main">
${o.main}
</main>
<footer class="site-footer">
<h2 class="visually-hidden">Support links</h2>
<ul>
<li><a href="/pu/about-police.uk/accessibility/">Accessibility</a></li>
<li><a href="/pu/about-police.uk/cookies/">Cookies</a></li>
<li><a href="/pu/about-police.uk/privacy-notice/">Privacy notice</a></li>
<li><a href="/pu/contact-us/">Contact us</a></li>
</ul>
<p>In an emergency call 999. For non-emergencies call 101 or report online.</p>
<p>&copy; Crown copyright. All content is available under the Open Government Licence v3.0, except where otherwise stated.</p>
</footer>
<script src="/static/js/site.js"></script>
${o.bodyEnd ?? ''}</body>
</html>
`;
}

export function crumbsFor(h?: Hood, ...rest: [string, string][]): [string, string][] {
  const c: [string, string][] = [['Home', '/'], ['Your area', '/pu/your-area/'], [FORCE_NAME, FORCE_PREFIX]];
  if (h) c.push([h.name, `${FORCE_PREFIX}${h.slug}/`]);
  return c.concat(rest);
}

export function hoodNav(h: Hood, current: string): string {
  const items: [string, string][] = [
    ['Overview', ''],
    ['About us', 'about-us/'],
    ['Priorities', 'priorities/'],
    ['Events', 'events/'],
    ['News', 'news/'],
    ['Contact us', 'contact-us/'],
  ];
  return `<nav class="local-nav" aria-label="${esc(h.name)}"><ul>${items
    .map(([l, sub]) => `<li${sub === current ? ' class="active"' : ''}><a href="${FORCE_PREFIX}${h.slug}/${sub}">${l}</a></li>`)
    .join('')}</ul></nav>`;
}

/** Same markup as the client renderer in /static/js/priorities.js. */
export function priorityHtml(p: Priority): string {
  return `<article class="priority">
<h3>Issue</h3>
<div class="priority-issue">${p.issue}</div>
<p class="priority-date">Date set: <time datetime="${p['issue-date']}">${longDate(p['issue-date'])}</time></p>
<h3>Action</h3>
<div class="priority-action">${p.action ?? '<p>No action has been recorded yet.</p>'}</div>
${p['action-date'] ? `<p class="priority-date">Last updated: <time datetime="${p['action-date']}">${longDate(p['action-date'])}</time></p>` : ''}
</article>`;
}

export const SITE_CSS = `body{font-family:Arial,sans-serif;margin:0;color:#0b0c0c}a{color:#1d70b8}.visually-hidden{position:absolute;left:-9999px}
.skip-link{position:absolute;left:-9999px}.cookie-banner{background:#f3f2f1;padding:1em}.cookie-banner.hidden{display:none}
.quick-exit{background:#d4351c;color:#fff;padding:.5em 1em;display:flex;justify-content:space-between}.quick-exit a{color:#fff;font-weight:bold}
.site-header{background:#0b0c0c;color:#fff;padding:1em}.site-header a{color:#fff}.primary-nav ul,.local-nav ul{list-style:none;display:flex;gap:1em;padding:0}
.beta-banner{padding:.5em 1em;border-bottom:1px solid #b1b4b6}.tag{background:#1d70b8;color:#fff;padding:0 .3em}
.breadcrumbs ol{list-style:none;display:flex;gap:.5em;padding:0 1em}.main{padding:1em;max-width:960px}
.priority{border-left:4px solid #1d70b8;padding-left:1em;margin-bottom:1.5em}.team-member{margin-bottom:1em}
.site-footer{background:#f3f2f1;padding:1em;margin-top:2em}.calendar td{border:1px solid #ccc;padding:.3em;vertical-align:top}`;

export const SITE_JS = `(function(){
  var banner=document.getElementById('cookie-banner');
  if(banner&&document.cookie.indexOf('cookie_consent=')!==-1){banner.className+=' hidden';}
  document.querySelectorAll('[data-cookie-action]').forEach(function(b){b.addEventListener('click',function(){
    document.cookie='cookie_consent='+b.getAttribute('data-cookie-action')+';path=/;max-age=31536000';banner.className+=' hidden';});});
  document.addEventListener('keydown',function(e){if(e.key==='Escape'){window.open('https://www.bbc.co.uk/weather','_newtab');window.location.replace('https://www.google.co.uk');}});
})();
`;

export const PRIORITIES_JS = `(function(){
  var el=document.getElementById('priorities-app');
  if(!el){return;}
  var api=el.getAttribute('data-api');
  var delay=parseInt(el.getAttribute('data-delay')||'200',10);
  var M=['January','February','March','April','May','June','July','August','September','October','November','December'];
  function d(iso){var p=iso.slice(0,10).split('-');return (+p[2])+' '+M[+p[1]-1]+' '+p[0];}
  function render(p){
    return '<article class="priority">\\n<h3>Issue</h3>\\n<div class="priority-issue">'+p.issue+'</div>\\n'+
      '<p class="priority-date">Date set: <time datetime="'+p['issue-date']+'">'+d(p['issue-date'])+'</time></p>\\n'+
      '<h3>Action</h3>\\n<div class="priority-action">'+(p.action||'<p>No action has been recorded yet.</p>')+'</div>\\n'+
      (p['action-date']?'<p class="priority-date">Last updated: <time datetime="'+p['action-date']+'">'+d(p['action-date'])+'</time></p>':'')+
      '</article>';
  }
  el.innerHTML='<p class="loading">Loading priorities&hellip;</p>';
  setTimeout(function(){
    fetch(api,{headers:{'Accept':'application/json'},credentials:'same-origin'})
      .then(function(r){if(!r.ok){throw new Error('HTTP '+r.status);}return r.json();})
      .then(function(list){
        el.innerHTML=list.length?list.map(render).join('\\n'):'<p>There are currently no priorities for this neighbourhood.</p>';
        el.setAttribute('data-state','loaded');
      })
      .catch(function(){el.innerHTML='<p>Sorry, priorities could not be loaded. Please try again later.</p>';el.setAttribute('data-state','error');});
  },delay);
})();
`;

export const TEAM_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180" viewBox="0 0 320 180"><rect width="320" height="180" fill="#1d70b8"/><text x="160" y="95" font-family="Arial" font-size="18" fill="#fff" text-anchor="middle">Safer Neighbourhood Team</text></svg>
`;

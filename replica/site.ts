/** Builds every static resource of the replica for one scenario (HTML pages, JSON API, assets, documents). */
import { esc, hoodPriorities, FORCE_PREFIX, FORCE_NAME, FORCE_ID, type Model, type Hood } from './model.js';
import { hash32 } from './rng.js';
import { layout, crumbsFor, hoodNav, priorityHtml, longDate, timeOf, SITE_CSS, SITE_JS, PRIORITIES_JS, TEAM_SVG } from './html.js';
import { hoodPath, apiPath, OTHER_PAGES, type Plan } from './scenarios.js';
import * as D from './documents.js';

export interface Resource {
  type: string;
  body: Buffer;
  /** Deterministic Last-Modified used when the server first serves this content. */
  since: number;
  delayMs?: number;
}

export interface SitemapEntry { path: string; group: 'force' | 'neighbourhoods-1' | 'neighbourhoods-2' | 'news' | 'site' }

export interface Site {
  scenario: string;
  resources: Map<string, Resource>;
  sitemap: SitemapEntry[];
  plan: Plan;
  model: Model;
}

export const BASE_LM = Date.UTC(2026, 8, 28, 9, 0, 0);
export const LEAK_LM = Date.UTC(2026, 9, 4, 2, 13, 0);
export const ADDON_LM = Date.UTC(2026, 9, 6, 14, 30, 0);

const HTML = 'text/html; charset=utf-8';
const JSON_T = 'application/json; charset=utf-8';

const docCache = new Map<string, Promise<Buffer>>();
function cachedDoc(key: string, make: () => Promise<Buffer>): Promise<Buffer> {
  let p = docCache.get(key);
  if (!p) {
    p = make();
    docCache.set(key, p);
    p.catch(() => docCache.delete(key));
  }
  return p;
}

export async function buildSite(m: Model, plan: Plan): Promise<Site> {
  const res = new Map<string, Resource>();
  const sitemap: SitemapEntry[] = [];
  const baseSince = (path: string): number => BASE_LM - (hash32(path) % 96) * 3600_000;
  const put = (path: string, type: string, body: string | Buffer, since?: number, extra: Partial<Resource> = {}): void => {
    res.set(path, { type, body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body, since: since ?? baseSince(path), ...extra });
  };
  const a = plan.parsed.addons;
  const leakHoods = new Set(plan.leaked ? m.cases.map((c) => c.hood) : []);
  const slowMs = (p: string): number | undefined => plan.slow.find((s) => s.path === p)?.ms;
  const page = (path: string, html: string, changed = false, group?: SitemapEntry['group']): void => {
    put(path, HTML, html, changed ? ADDON_LM : undefined, slowMs(path) ? { delayMs: slowMs(path) } : {});
    if (group) sitemap.push({ path, group });
  };
  const grp = (h: Hood): SitemapEntry['group'] => (h.idx < 17 ? 'neighbourhoods-1' : 'neighbourhoods-2');
  const hiddenOn = (url: string, kind: string): string | undefined => plan.hidden.find((x) => x.url === url && x.kind === kind)?.text;

  // ---- force page
  {
    const districts = [...new Set(m.hoods.map((h) => h.district))];
    let main = `<h1>${FORCE_NAME}</h1>
<p class="lead">Find your local Safer Neighbourhood Team, their priorities and upcoming events. Hertfordshire has 33 policing neighbourhoods, each led by a sergeant and made up of PCs and PCSOs.</p>
<form action="/pu/your-area/find-a-neighbourhood/" method="get" class="search"><label for="q">Find your neighbourhood</label><input id="q" name="q" type="search" placeholder="Postcode or place"><button type="submit">Search</button></form>
<h2>Neighbourhoods</h2>
${districts.map((d) => `<h3>${esc(d)}</h3>\n<ul class="neighbourhood-list">${m.hoods.filter((h) => h.district === d).map((h) => `<li><a href="${hoodPath(h)}">${esc(h.name)}</a></li>`).join('')}</ul>`).join('\n')}
<h2>Publications</h2>
<ul><li><a href="${m.forcePlan}">Police and Crime Plan summary 2026 (PDF, ${Math.round(((await cachedDoc(`${m.seed}:plan`, () => D.forcePlanPdf(m))).length / 1024) * 10) / 10} KB)</a></li></ul>
<p>Force website: <a href="https://www.herts.police.uk/" rel="external">www.herts.police.uk</a></p>`;
    if (plan.offScope.length) {
      main += `\n<section class="partners"><h2>Partner organisations and useful links</h2><ul>${plan.offScope
        .map((l) => `<li><a href="${esc(l.href)}">${esc(l.kind.replace(/-/g, ' '))}</a></li>`)
        .join('')}</ul></section>`;
    }
    if (plan.hostile.indexPages.length) main += `\n<p class="archive"><a href="${plan.hostile.indexPages[0]}">Archive and tools</a></p>`;
    page(FORCE_PREFIX, layout({ title: FORCE_NAME, crumbs: crumbsFor(), main }), plan.offScope.length > 0 || plan.hostile.indexPages.length > 0, 'force');
  }

  for (const h of m.hoods) {
    const P = (sub = ''): string => hoodPath(h, sub);
    const sgt = h.officers.find((o) => o.rank === 'Sgt')!;
    const title = (t: string): string => (t ? `${t} – ${h.name}` : `${h.name}`);

    // ---- overview
    {
      const js = plan.jsOnly.find((j) => j.hood === h);
      const hang = plan.hang.find((x) => x.hood === h);
      const markup = P() === plan.hidden.find((x) => x.kind === 'display-none')?.url;
      const hd = plan.hiddenDocs?.hood === h ? plan.hiddenDocs : undefined;
      let main = `<h1>${esc(h.name)}</h1>
${hoodNav(h, '')}
<section class="welcome"><p>${esc(h.description)}</p></section>
<section class="team-summary"><h2>Your neighbourhood team</h2><p>Your team is led by Sgt ${esc(sgt.name)}. <a href="${P('about-us/')}">Meet the team</a>.</p></section>
<section class="quick-links"><h2>In your area</h2><ul>
<li><a href="${P('priorities/')}">Our priorities</a></li>
<li><a href="${P('events/')}">Upcoming events and beat surgeries</a></li>
<li><a href="${P('news/')}">Latest news and appeals</a></li>
<li><a href="${P('contact-us/')}">Contact the team</a></li>
${hang ? `<li><a href="${hang.path}">Crime map</a></li>\n` : ''}</ul></section>
<section class="latest-news"><h2>Latest news</h2><ul>${h.news.map((n) => `<li><a href="${P(`news/${n.slug}/`)}">${esc(n.title)}</a> <time datetime="${n.date}">${longDate(n.date)}</time></li>`).join('')}</ul></section>`;
      if (h.newsletter) main += `\n<section class="downloads"><h2>Newsletter</h2><p><a href="${h.newsletter}">${esc(h.name)} newsletter – Autumn 2026 (PDF)</a></p></section>`;
      if (hd) main += `\n<section class="documents"><h2>Documents</h2><ul><li><a href="${hd.pdf}">Neighbourhood profile 2026 (PDF)</a></li><li><a href="${hd.xlsx}">ASB case review Q3 2026 (Excel)</a></li><li><a href="${hd.docx}">Community Safety Panel minutes, September 2026 (Word)</a></li></ul></section>`;
      if (js) main += `\n<section class="more"><h2>More from your team</h2><ul id="more-links"></ul></section>`;
      let head = '';
      let bodyEnd = '';
      if (markup) {
        const dn = hiddenOn(P(), 'display-none')!;
        const ns = hiddenOn(P(), 'noscript')!;
        const kw = hiddenOn(P(), 'meta')!;
        const js2 = hiddenOn(P(), 'json')!;
        head += `<meta name="keywords" content="${esc(kw)}">\n`;
        main += `\n<div class="case-notes" style="display:none">${esc(dn)}</div>\n<noscript><p>${esc(ns)}</p></noscript>`;
        bodyEnd += `<script id="__INITIAL_STATE__" type="application/json">${js2}</script>\n`;
      }
      if (js) {
        // Links assembled at runtime so they do not appear as literal URLs in the HTML source.
        const parts = js.path.split('/').filter(Boolean);
        bodyEnd += `<script>
document.addEventListener('DOMContentLoaded', function () {
  var segs = ${JSON.stringify(parts.map((s) => s.split('').reverse().join('')))}.map(function (s) { return s.split('').reverse().join(''); });
  setTimeout(function () {
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.href = '/' + segs.join('/') + '/';
    a.textContent = 'Crime prevention advice';
    li.appendChild(a);
    document.getElementById('more-links').appendChild(li);
  }, 300);
});
</script>
`;
      }
      page(P(), layout({ title: title(''), crumbs: crumbsFor(h), main, head, bodyEnd }), !!(js || hang || markup || hd), 'force');
    }

    // ---- about us
    {
      const markup = P('about-us/') === plan.hidden.find((x) => x.kind === 'alt')?.url;
      const members = h.officers
        .map((o) => `<li class="team-member"><h3>${o.rank} ${esc(o.name)}</h3><p class="rank">${{ Inspector: 'Inspector', Sgt: 'Sergeant', PC: 'Police Constable', PCSO: 'Police Community Support Officer' }[o.rank]}</p><p class="bio">${esc(o.bio)}</p></li>`)
        .join('\n');
      let main: string;
      if (markup) {
        const U = P('about-us/');
        main = `<h1>About us – ${esc(h.name)}</h1>
${hoodNav(h, 'about-us/')}
<p>We are your local Safer Neighbourhood Team. We work with residents, the council and partners to tackle the issues that matter most to you.</p>
<img class="team-photo" src="/static/img/team-photo.svg" width="320" height="180" alt="${esc(hiddenOn(U, 'alt')!)}">
<!-- ${hiddenOn(U, 'comment')!.replace(/--/g, '-')} -->
<section class="team" data-case-contact="${esc(hiddenOn(U, 'data-attribute')!)}"><h2>Meet the team</h2>
<ul class="team-list">
${members}
</ul></section>
<p><a class="contact-link" href="${P('contact-us/')}" title="${esc(hiddenOn(U, 'title')!)}">Contact the team</a></p>`;
      } else {
        main = `<h1>About us – ${esc(h.name)}</h1>
${hoodNav(h, 'about-us/')}
<p>We are your local Safer Neighbourhood Team. We work with residents, the council and partners to tackle the issues that matter most to you.</p>
<img class="team-photo" src="/static/img/team-photo.svg" width="320" height="180" alt="The ${esc(h.name)} Safer Neighbourhood Team">
<section class="team"><h2>Meet the team</h2>
<ul class="team-list">
${members}
</ul></section>
<p><a class="contact-link" href="${P('contact-us/')}">Contact the team</a></p>`;
      }
      page(P('about-us/'), layout({ title: title('About us'), crumbs: crumbsFor(h, ['About us', P('about-us/')]), main }), markup, grp(h));
    }

    // ---- priorities (+ API JSON)
    {
      const leaked = leakHoods.has(h.slug);
      const pri = hoodPriorities(m, h, leaked);
      const intro = `<h1>Our priorities – ${esc(h.name)}</h1>
${hoodNav(h, 'priorities/')}
<p>Every four months we set local priorities based on what residents tell us. Here is what we are working on and what we have done so far.</p>`;
      const hd = plan.hiddenDocs?.hood === h ? plan.hiddenDocs : undefined;
      const docs = [
        h.tracker ? `<li><a href="${h.tracker}">Priorities tracker 2026 (Excel spreadsheet)</a></li>` : '',
        hd ? `<li><a href="${hd.docx}">Community Safety Panel minutes, September 2026 (Word)</a></li>` : '',
      ].join('');
      const tail = `${docs ? `\n<section class="downloads"><h2>Downloads</h2><ul>${docs}</ul></section>` : ''}
<p>Tell us what matters to you: <a href="${P('news/')}">have your say</a> or come to one of our <a href="${P('events/')}">events</a>.</p>`;
      let main: string;
      let bodyEnd = '';
      if (h.client) {
        main = `${intro}
<section class="priorities" id="priorities"><h2>Current priorities</h2>
<div id="priorities-app" data-api="${apiPath(h)}" data-delay="200" aria-live="polite"></div>
<noscript><p>You need JavaScript turned on to see this neighbourhood's priorities.</p></noscript>
</section>${tail}`;
        bodyEnd = `<script src="/static/js/priorities.js" defer></script>\n`;
      } else {
        main = `${intro}
<section class="priorities" id="priorities"><h2>Current priorities</h2>
${pri.map(priorityHtml).join('\n')}
</section>${tail}`;
      }
      const changed = !!hd;
      put(P('priorities/'), HTML, layout({ title: title('Priorities'), crumbs: crumbsFor(h, ['Priorities', P('priorities/')]), main, bodyEnd }), leaked && !h.client ? LEAK_LM : changed ? ADDON_LM : undefined);
      sitemap.push({ path: P('priorities/'), group: grp(h) });
      put(apiPath(h), JSON_T, JSON.stringify(pri), leaked ? LEAK_LM : undefined, { delayMs: 150 });
    }

    // ---- events
    {
      const cal = plan.calendarHoods.includes(h);
      const main = `<h1>Events – ${esc(h.name)}</h1>
${hoodNav(h, 'events/')}
<p>Come along and meet your local officers at one of our beat surgeries and community events.</p>
<ul class="events">
${h.events
  .map(
    (e) => `<li class="event"><h2>${esc(e.title)}</h2>
<p class="event-when"><time datetime="${e.start_date}">${longDate(e.start_date)}, ${timeOf(e.start_date)}</time> to <time datetime="${e.end_date}">${timeOf(e.end_date)}</time></p>
<p class="event-where">${esc(e.address)}</p>
${e.description ? `<p>${esc(e.description)}</p>` : ''}</li>`,
  )
  .join('\n')}
</ul>${cal ? `\n<p><a href="${P('events/calendar/')}?month=2026-10">View the events calendar</a></p>` : ''}`;
      page(P('events/'), layout({ title: title('Events'), crumbs: crumbsFor(h, ['Events', P('events/')]), main }), cal, grp(h));
    }

    // ---- news
    {
      const main = `<h1>News – ${esc(h.name)}</h1>
${hoodNav(h, 'news/')}
<ul class="news-list">
${h.news.map((n) => `<li><h2><a href="${P(`news/${n.slug}/`)}">${esc(n.title)}</a></h2><p><time datetime="${n.date}">${longDate(n.date)}</time></p><p>${esc(n.summary)}</p></li>`).join('\n')}
</ul>${h.newsletter ? `\n<p>Read our latest <a href="${h.newsletter}">newsletter (PDF)</a>.</p>` : ''}`;
      page(P('news/'), layout({ title: title('News'), crumbs: crumbsFor(h, ['News', P('news/')]), main }), false, grp(h));
      for (const n of h.news) {
        const art = `<article class="news-article"><h1>${esc(n.title)}</h1>
<p class="published">Published <time datetime="${n.date}">${longDate(n.date)}</time></p>
${n.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</article>
<p><a href="${P('news/')}">More news from ${esc(h.name)}</a></p>`;
        page(P(`news/${n.slug}/`), layout({ title: n.title, crumbs: crumbsFor(h, ['News', P('news/')], [n.title, P(`news/${n.slug}/`)]), main: art }), false, 'news');
      }
    }

    // ---- contact us
    {
      const main = `<h1>Contact us – ${esc(h.name)}</h1>
${hoodNav(h, 'contact-us/')}
<section class="contact"><h2>Get in touch</h2>
<ul class="contact-details">
<li>In an emergency, or if a crime is in progress, always call <strong>999</strong>.</li>
<li>For non-emergencies call <strong>101</strong> or <a href="/pu/report-it/">report online</a>.</li>
<li>Deaf or speech-impaired: text 18001 101.</li>
<li>E-mail the team: <a href="mailto:${h.email}">${h.email}</a> (not monitored 24/7; do not use to report crime).</li>
<li>Station front counter: ${esc(h.station.name)}, ${esc(h.station.address)}. Telephone ${h.stationPhone} (office hours).</li>
</ul></section>`;
      page(P('contact-us/'), layout({ title: title('Contact us'), crumbs: crumbsFor(h, ['Contact us', P('contact-us/')]), main }), false, grp(h));
    }
  }

  // ---- add-on pages
  for (const j of plan.jsOnly) {
    const h = j.hood;
    const main = `<h1>Crime prevention advice – ${esc(h.name)}</h1>
<p>Simple steps to protect your home, vehicle and bike in ${esc(h.towns[0].town)}.</p>
<ul><li>Lock doors and windows, even when you are at home.</li><li>Use a steering lock and park in well-lit areas.</li><li>Register and mark your bike.</li></ul>
<p class="marker">js-only page for ${esc(h.slug)}</p>`;
    page(j.path, layout({ title: `Crime prevention – ${h.name}`, crumbs: crumbsFor(h, ['Crime prevention', j.path]), main }), true);
  }
  for (const s of plan.sitemapOnly) {
    const h = s.hood;
    const main = `<h1>Previous priorities – ${esc(h.name)}</h1>
<p>These priorities were set in 2025 and have now been closed.</p>
<ul><li>Reduce anti-social behaviour around ${esc(h.places[0])}. Closed December 2025.</li><li>Tackle speeding on ${esc(h.streets[1].name)}. Closed August 2025.</li></ul>
<p class="marker">sitemap-only page for ${esc(h.slug)}</p>`;
    page(s.path, layout({ title: `Previous priorities – ${h.name}`, crumbs: crumbsFor(h, ['Priorities', hoodPath(h, 'priorities/')], ['Archive', s.path]), main }), true, grp(h));
  }
  for (const hg of plan.hang) {
    const h = hg.hood;
    const main = `<h1>Crime map – ${esc(h.name)}</h1>
<p>Crime and anti-social behaviour reported in ${esc(h.name)} in August 2026.</p>
<div id="crime-map" class="map">Loading map&hellip;</div>
<p>Locations on the map are approximate to protect the privacy of victims.</p>`;
    const spin = `<script>
// crime map widget (broken build): never yields the main thread
(function render() { var n = 0; for (;;) { n = (n + 1) % 1000003; } })();
</script>
`;
    page(hg.path, layout({ title: `Crime map – ${h.name}`, crumbs: crumbsFor(h, ['Crime map', hg.path]), main, bodyEnd: spin }), true, grp(h));
  }

  // ---- site-wide pages (outside the start prefix)
  const other: Record<string, [string, string]> = {
    '/': ['police.uk', `<h1>police.uk</h1><p>Find out about crime and policing in your area.</p><p><a href="/pu/your-area/">Find your area</a></p><p><a href="/pu/report-it/">Report a crime or incident</a></p>`],
    '/pu/your-area/': ['Your area', `<h1>Your area</h1><p>Choose your police force.</p><ul><li><a href="${FORCE_PREFIX}">${FORCE_NAME}</a></li></ul>`],
    '/pu/report-it/': ['Report it', `<h1>Report it</h1><p>In an emergency call 999. You can report non-emergency crime online or by calling 101.</p>`],
    '/pu/contact-us/': ['Contact us', `<h1>Contact us</h1><p>police.uk cannot take reports of crime. Contact your local force on 101.</p>`],
    '/pu/about-police.uk/cookies/': ['Cookies', `<h1>Cookies</h1><p>We use essential cookies (sessionid, csrftoken, cookie_consent) and, with your consent, analytics cookies (_ga, _gat).</p><h2>Customise cookies</h2><form><label><input type="checkbox" name="analytics"> Analytics cookies</label><button type="button">Save cookie settings</button></form>`],
    '/pu/about-police.uk/accessibility/': ['Accessibility', `<h1>Accessibility statement</h1><p>We want as many people as possible to be able to use this website.</p>`],
    '/pu/about-police.uk/privacy-notice/': ['Privacy notice', `<h1>Privacy notice</h1><p>How police.uk uses personal information.</p>`],
    '/pu/feedback/': ['Feedback', `<h1>Give feedback</h1><p>This site is a beta. Tell us what you think.</p>`],
  };
  for (const p of OTHER_PAGES) {
    const [t, main] = other[p];
    const crumbs: [string, string][] = p === '/' ? [['Home', '/']] : [['Home', '/'], [t, p]];
    page(p, layout({ title: t, crumbs, main }), false, 'site');
  }

  // ---- data.police.uk-style API
  put(`/api/${FORCE_ID}/neighbourhoods`, JSON_T, JSON.stringify(m.hoods.map((h) => ({ id: h.id, name: h.name }))));
  for (const h of m.hoods) {
    put(
      `/api/${FORCE_ID}/${h.id}`,
      JSON_T,
      JSON.stringify({
        id: h.id,
        name: h.name,
        url_force: `https://www.herts.police.uk/area/your-area/${h.slug}/`,
        contact_details: { telephone: '101', email: h.email },
        links: [],
        centre: { latitude: null, longitude: null },
        locations: [{ name: h.station.name, type: 'station', address: h.station.address.replace(/ [A-Z0-9]+ [0-9][A-Z]{2}$/, ''), postcode: h.station.address.match(/[A-Z0-9]+ [0-9][A-Z]{2}$/)?.[0] ?? null, latitude: null, longitude: null, description: null }],
        description: `<p>${esc(h.description)}</p>`,
        population: '0',
      }),
    );
    put(`/api/${FORCE_ID}/${h.id}/people`, JSON_T, JSON.stringify(h.officers.map((o) => ({ name: o.name, rank: o.rank, bio: `<p>${esc(o.bio)}</p>`, contact_details: {} }))));
    put(`/api/${FORCE_ID}/${h.id}/events`, JSON_T, JSON.stringify(h.events.map((e) => ({ ...e, contact_details: {} }))));
  }

  // ---- static assets
  put('/static/css/site.css', 'text/css; charset=utf-8', SITE_CSS, BASE_LM);
  put('/static/js/site.js', 'text/javascript; charset=utf-8', SITE_JS, BASE_LM);
  put('/static/js/priorities.js', 'text/javascript; charset=utf-8', PRIORITIES_JS, BASE_LM);
  put('/static/img/team-photo.svg', 'image/svg+xml', TEAM_SVG, BASE_LM);
  put('/favicon.ico', 'image/svg+xml', TEAM_SVG, BASE_LM);

  // ---- documents
  const PDF = 'application/pdf';
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  const docs: Promise<void>[] = [];
  const doc = (path: string, type: string, key: string, make: () => Promise<Buffer>, since?: number): void => {
    docs.push(cachedDoc(`${m.seed}:${key}`, make).then((b) => put(path, type, b, since ?? D.DOC_DATE.getTime())));
  };
  doc(m.forcePlan, PDF, 'plan', () => D.forcePlanPdf(m));
  for (const h of m.hoods) {
    if (h.newsletter) doc(h.newsletter, PDF, `nl:${h.slug}`, () => D.newsletterPdf(h));
    if (h.tracker) doc(h.tracker, XLSX, `tr:${h.slug}`, () => D.trackerXlsx(h));
  }
  if (plan.hiddenDocs) {
    const hd = plan.hiddenDocs;
    doc(hd.xlsx, XLSX, 'hidden-xlsx', () => D.hiddenXlsx(plan), ADDON_LM);
    doc(hd.docx, DOCX, 'hidden-docx', () => D.hiddenDocx(plan), ADDON_LM);
    doc(hd.pdf, PDF, 'hidden-pdf', () => D.hiddenPdf(plan), ADDON_LM);
  }
  await Promise.all(docs);
  void a;
  return { scenario: plan.parsed.name, resources: res, sitemap, plan, model: m };
}

// ---------------------------------------------------------------------------
// Calendar trap: endless months, filters and day views. Deterministic from the query string.

export function calendarPage(h: Hood, query: URLSearchParams): string {
  const base = hoodPath(h, 'events/calendar/');
  let month = query.get('month') ?? '2026-10';
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) month = '2026-10';
  const type = ['all', 'meeting', 'other'].includes(query.get('type') ?? '') ? query.get('type')! : 'all';
  const view = query.get('view') === 'list' ? 'list' : 'grid';
  const day = query.get('day');
  const [y, mo] = month.split('-').map(Number);
  const shift = (k: number): string => {
    const d = new Date(Date.UTC(y, mo - 1 + k, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  };
  const q = (o: Record<string, string>): string => `${base}?${new URLSearchParams({ month, type, view, ...o }).toString()}`;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const evs = h.events.filter((e) => e.start_date.startsWith(month) && (type === 'all' || e.type === type));
  const cells: string[] = [];
  for (let d = 1; d <= days; d++) {
    const dd = String(d).padStart(2, '0');
    const on = evs.filter((e) => e.start_date.slice(8, 10) === dd);
    cells.push(`<td><a href="${esc(q({ day: dd }))}">${d}</a>${on.map((e) => `<br><span class="event">${esc(e.title)}</span>`).join('')}</td>`);
  }
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 7) rows.push(`<tr>${cells.slice(i, i + 7).join('')}</tr>`);
  const main = `<h1>Events calendar – ${esc(h.name)}</h1>
<p class="calendar-nav"><a rel="prev" href="${esc(q({ month: shift(-1) }))}">Previous month</a> | <strong>${month}</strong> | <a rel="next" href="${esc(q({ month: shift(1) }))}">Next month</a> | <a href="${esc(q({ month: shift(12) }))}">Next year</a></p>
<p class="filters">Show: ${['all', 'meeting', 'other'].map((t) => `<a href="${esc(q({ type: t }))}">${t}</a>`).join(' ')} | View: <a href="${esc(q({ view: 'grid' }))}">grid</a> <a href="${esc(q({ view: 'list' }))}">list</a> | Sort: <a href="${esc(q({ sort: 'asc' }))}">oldest first</a> <a href="${esc(q({ sort: 'desc' }))}">newest first</a></p>
${day ? `<p>Selected day: ${esc(day)}</p>` : ''}
${view === 'grid' ? `<table class="calendar"><tbody>${rows.join('\n')}</tbody></table>` : `<ul>${evs.map((e) => `<li>${esc(e.title)} – ${longDate(e.start_date)}</li>`).join('') || '<li>No events this month.</li>'}</ul>`}
<p><a href="${hoodPath(h, 'events/')}">Back to events</a></p>`;
  return layout({ title: `Events calendar – ${h.name}`, crumbs: crumbsFor(h, ['Events', hoodPath(h, 'events/')], ['Calendar', base]), main });
}

export function searchPage(m: Model, q: string): string {
  const needle = q.trim().toLowerCase();
  const up = q.trim().toUpperCase();
  const hits = needle
    ? m.hoods.filter((h) => h.name.toLowerCase().includes(needle) || h.towns.some((t) => t.town.toLowerCase().includes(needle) || t.outward.some((o) => up === o || up.startsWith(o + ' '))))
    : [];
  const main = `<h1>Find a neighbourhood</h1>
<form action="/pu/your-area/find-a-neighbourhood/" method="get"><label for="q">Postcode or place</label><input id="q" name="q" type="search" value="${esc(q)}"><button type="submit">Search</button></form>
${needle ? `<h2>${hits.length} result${hits.length === 1 ? '' : 's'} for "${esc(q)}"</h2><ul>${hits.map((h) => `<li><a href="${hoodPath(h)}">${esc(h.name)}</a> – ${FORCE_NAME}</li>`).join('')}</ul>` : ''}`;
  return layout({ title: 'Find a neighbourhood', crumbs: [['Home', '/'], ['Your area', '/pu/your-area/'], ['Find a neighbourhood', '/pu/your-area/find-a-neighbourhood/']], main });
}

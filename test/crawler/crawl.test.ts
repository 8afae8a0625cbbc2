import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '../../core/logger.js';
import { crawl, DEFAULT_CRAWL_OPTIONS, type CrawlInput } from '../../crawler/index.js';
import { collect, html, MemoryState, startSite, type TestSite } from './helpers.js';
import { makePdf, makeXlsx, makeZipBomb } from './fixtures.js';

let site: TestSite;
let throttledOnce = false;
let apiVersion = 1;

const P = '/pu/force/';
before(async () => {
  const xlsx = await makeXlsx();
  const pdf = await makePdf();
  const bomb = await makeZipBomb();
  site = await startSite({
    '/robots.txt': { type: 'text/plain', body: `User-agent: *\nDisallow: ${P}private/\nSitemap: /sitemap_index.xml\n` },
    '/sitemap_index.xml': async (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${site.origin}/sm-pages.xml</loc></sitemap></sitemapindex>`);
    },
    '/sm-pages.xml': async (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${site.origin}${P}orphan/</loc><lastmod>2026-11-01</lastmod></url><url><loc>${site.origin}/pu/other-force/</loc></url></urlset>`);
    },
    [P]: html(`<main><h1>Force</h1><ul>
      <li><a href="${P}hood/">Hood</a></li><li><a href="${P}private/">Private</a></li>
      <li><a href="https://elsewhere.example/x">Elsewhere</a></li><li><a href="mailto:x@example.org">Mail</a></li><li><a href="ftp://ftp.example.org/a.csv">FTP</a></li>
      <li><a href="${P}go/intranet/">Intranet</a></li><li><a href="${P}go/old/">Old</a></li>
      <li><a href="${P}events/calendar/?month=2026-01">Calendar</a></li>
      <li><a href="${P}busy/">Busy</a></li>
      <li><a href="/SysSiteAssets/review.xlsx">Review</a></li><li><a href="/SysSiteAssets/profile.pdf">Profile</a></li>
      <li><a href="/SysSiteAssets/broken.pdf">Broken</a></li><li><a href="/SysSiteAssets/bomb.xlsx">Bomb</a></li>
      <li><a href="/SysSiteAssets/photo.jpg">Photo</a></li>
    </ul></main>`),
    [`${P}hood/`]: html(`<main><p>Hood page</p><ul id="more"></ul><div id="pri"></div></main><script>
      document.addEventListener('DOMContentLoaded', function(){ setTimeout(function(){
        var a = document.createElement('a'); a.href = '${P}hood/' + ['js','only'].join('-') + '/'; a.textContent = 'JS link';
        document.getElementById('more').appendChild(a);
        fetch('/api/hood').then(function(r){return r.json()}).then(function(d){ document.getElementById('pri').textContent = d.issue; });
      }, 250); });</script>`),
    '/api/hood': async (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ issue: apiVersion === 1 ? 'Parking on Elm Road' : 'Harassment of Araminta Goodbody at 6 Birch Close, AL1 2CD' }));
    },
    [`${P}hood/js-only/`]: html('<main><p>Reached only through a JavaScript link</p></main>'),
    [`${P}orphan/`]: html('<main><p>Orphan listed only in the sitemap</p></main>'),
    [`${P}private/`]: html('<main><p>Disallowed by robots</p></main>'),
    [`${P}go/intranet/`]: async (_q, res) => {
      res.writeHead(302, { location: 'http://10.0.0.1/intranet/' });
      res.end();
    },
    [`${P}go/old/`]: async (_q, res) => {
      res.writeHead(301, { location: '/pu/elsewhere/' });
      res.end();
    },
    [`${P}events/calendar/`]: async (_q, res, url) => {
      const [y, m] = (url.searchParams.get('month') ?? '2026-01').split('-').map(Number);
      const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(html(`<main><table class="calendar"><tr><td>${y}-${m}</td></tr></table><a href="?month=${next}">Next month</a></main>`));
    },
    [`${P}busy/`]: async (_q, res) => {
      if (!throttledOnce) {
        throttledOnce = true;
        res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain' });
        res.end('slow down');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(html('<main><p>Busy page served after backing off</p></main>'));
    },
    '/SysSiteAssets/review.xlsx': { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: xlsx, headers: { etag: '"x1"' } },
    '/SysSiteAssets/profile.pdf': { type: 'application/pdf', body: pdf, headers: { etag: '"p1"' } },
    '/SysSiteAssets/broken.pdf': { type: 'application/pdf', body: Buffer.from('%PDF-1.4\n1 0 obj garbage\n%%EOF') },
    '/SysSiteAssets/bomb.xlsx': { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: bomb },
  });
  // 304 for documents when the validator matches.
  for (const [path, etag] of [['/SysSiteAssets/review.xlsx', '"x1"'], ['/SysSiteAssets/profile.pdf', '"p1"']] as const) {
    const r = site.routes[path] as { type: string; body: Buffer };
    site.routes[path] = async (req, res) => {
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': r.type, etag });
      res.end(r.body);
    };
  }
});

after(async () => {
  await site.close();
});

const options = (extra: Partial<CrawlInput> = {}): CrawlInput => ({
  ...DEFAULT_CRAWL_OPTIONS,
  startUrls: [`${site.origin}${P}`],
  logger: silentLogger,
  ratePerSecond: 0,
  concurrency: 3,
  pageTimeoutMs: 20_000,
  sweepTimeoutMs: 240_000,
  maxCalendarVariants: 5,
  userAgent: 'Leakwatch/test (+mailto:ig-team@example.invalid)',
  ...extra,
});

test('a full crawl: JS links, sitemap-only pages, robots, scope, SSRF, traps, backoff, documents; the crawl survives bad documents', async () => {
  const c = collect();
  const summary = await crawl(options(), c.handler);
  assert.equal(summary.complete, true);
  // Discovery
  assert.ok(c.resource(`${P}hood/js-only/`), 'link inserted by JavaScript was followed');
  assert.ok(c.resource(`${P}orphan/`), 'page listed only in the sitemap was crawled');
  const hood = c.resource(`${P}hood/`);
  assert.ok(hood.resource.blocks.some((b) => b.text.includes('Parking on Elm Road') && b.kind !== 'json'), 'client-rendered text');
  assert.ok(hood.resource.blocks.some((b) => b.location.startsWith('xhr:/api/hood')));
  // Skips, with reasons
  const skip = (urlPart: string) => c.skipped().find((s) => s.url.includes(urlPart));
  assert.equal(skip(`${P}private/`)?.reason, 'robots');
  assert.equal(skip('elsewhere.example')?.reason, 'scope');
  assert.equal(skip('ftp://')?.reason, 'scheme');
  assert.equal(skip(`${P}go/intranet/`)?.reason, 'private-address');
  assert.match(skip(`${P}go/intranet/`)!.detail!, /10\.0\.0\.1/);
  assert.equal(skip(`${P}go/old/`)?.reason, 'scope');
  assert.equal(skip('photo.jpg')?.reason, 'unsupported-type');
  assert.equal(skip('/pu/other-force/'), undefined, 'other forces in the sitemap are ignored quietly');
  assert.ok(c.skipped().some((s) => s.reason === 'trap' && /calendar/.test(s.detail ?? '')), 'calendar trap detected');
  assert.ok(c.resources().filter((r) => r.resource.url.includes('calendar')).length <= 5);
  assert.equal(site.hits.get(`${P}private/`) ?? 0, 0, 'robots-disallowed page never requested');
  // Politeness
  assert.ok(c.resource(`${P}busy/`)?.resource.blocks.some((b) => b.text.includes('served after backing off')));
  const busy = site.log.filter((l) => l.path === `${P}busy/`);
  assert.equal(busy.length, 2);
  assert.ok(busy[1].at - busy[0].at >= 900, 'waited for Retry-After before retrying');
  assert.match(String(site.log[0].headers['user-agent']), /^Leakwatch\/test .*mailto:/);
  // Documents
  const review = c.resource('/SysSiteAssets/review.xlsx');
  assert.equal(review.resource.kind, 'document');
  assert.ok(review.resource.blocks.some((b) => b.location === 'Lookup!A2:C2'), 'very hidden sheet read');
  assert.ok(c.resource('/SysSiteAssets/profile.pdf').resource.blocks.some((b) => b.location === 'page 2'));
  const broken = c.errors().find((e) => e.url.endsWith('broken.pdf'));
  assert.match(broken!.message, /document refused \(broken\)/);
  const bomb = c.errors().find((e) => e.url.endsWith('bomb.xlsx'));
  assert.match(bomb!.message, /zip-bomb/);
  assert.equal(summary.documents, 2);
  assert.ok(summary.skipped.robots! >= 1 && summary.skipped['private-address']! >= 1);
  for (const r of c.resources()) assert.match(r.resource.contentHash, /^[0-9a-f]{64}$/);
});

test('page cap: the sweep stops admitting URLs and says so', async () => {
  const c = collect();
  const summary = await crawl(options({ maxPages: 3, useSitemaps: false }), c.handler);
  assert.ok(summary.pages + summary.documents + summary.errors <= 3);
  assert.ok(summary.pages >= 1);
  assert.ok(c.skipped().some((s) => s.reason === 'cap-pages'));
});

test('incremental: a no-change sweep re-renders nothing; a change in client-loaded JSON is caught; resume continues the frontier', async () => {
  const state = new MemoryState();
  apiVersion = 1;
  const first = collect();
  await crawl(options({ state, runId: 1 }), first.handler);
  assert.ok(first.resources().every((r) => !r.unchanged));
  assert.equal(state.frontierPending(1).length, 0, 'every frontier entry was finished');

  const second = collect();
  const s2 = await crawl(options({ state, runId: 2 }), second.handler);
  const pages = second.resources();
  assert.ok(pages.length >= 6);
  assert.ok(pages.every((r) => r.unchanged), `unchanged: ${pages.filter((r) => !r.unchanged).map((r) => r.resource.url)}`);
  assert.ok(pages.every((r) => r.resource.blocks.length === 0));
  assert.equal(s2.unchanged, pages.length);
  assert.equal(second.resource('/SysSiteAssets/review.xlsx').resource.status, 304, 'documents revalidated with ETag');
  assert.ok(second.resource(`${P}hood/js-only/`), 'JS-inserted links are remembered for unchanged pages');

  apiVersion = 2; // the HTML shell is identical; only the JSON it loads changes (the 2014 failure mode)
  const third = collect();
  await crawl(options({ state, runId: 3 }), third.handler);
  const hood = third.resource(`${P}hood/`);
  assert.equal(hood.unchanged, false);
  assert.ok(hood.resource.blocks.some((b) => b.text.includes('Araminta Goodbody')));
  assert.equal(third.resource(`${P}orphan/`).unchanged, true);

  // Resume: run 4 was interrupted with two URLs still pending; only those are visited.
  state.frontierPush(4, [
    { url: `${site.origin}${P}orphan/`, depth: 1, priority: 5 },
    { url: `${site.origin}${P}hood/js-only/`, depth: 2, priority: 5 },
  ]);
  const fourth = collect();
  await crawl(options({ state, runId: 4, useSitemaps: false }), fourth.handler);
  const visited = fourth.resources().map((r) => new URL(r.resource.url).pathname).sort();
  assert.deepEqual(visited, [`${P}hood/js-only/`, `${P}orphan/`]);
  assert.equal(state.frontierPending(4).length, 0);
});

test('hot mode re-checks start pages, priorities/news/events and hub pages, not the rest', async () => {
  site.routes[`${P}hood/priorities/`] = html('<main><article class="priority">Issue: speeding</article></main>');
  site.routes[`${P}hood/about-us/`] = html('<main><p>Team</p></main>');
  site.routes[`${P}hood/`] = html(`<main><a href="${P}hood/priorities/">Priorities</a><a href="${P}hood/about-us/">About</a></main>`);
  const c = collect();
  await crawl(options({ mode: 'hot', useSitemaps: false }), c.handler);
  assert.ok(c.resource(P));
  assert.ok(c.resource(`${P}hood/`), 'hub page at depth 1');
  assert.ok(c.resource(`${P}hood/priorities/`));
  assert.equal(c.resource(`${P}hood/about-us/`), undefined);
});

test('the watchdog stops a sweep and reports it incomplete', async () => {
  const c = collect();
  const summary = await crawl(options({ sweepTimeoutMs: 1, useSitemaps: false }), c.handler);
  assert.equal(summary.complete, false);
});

test('a stop while visits wait for the host\'s turn returns promptly, instead of waiting on fetches it cancelled', { timeout: 60_000 }, async () => {
  const ac = new AbortController();
  let resources = 0;
  // Two requests a second for three visitors: after the first page, visits queue for their turn.
  const summary = await crawl(options({ signal: ac.signal, ratePerSecond: 2, useSitemaps: false }), (ev) => {
    if (ev.type === 'resource' && ++resources === 2) ac.abort();
  });
  assert.equal(summary.complete, false);
  assert.ok(summary.pages >= 2 && summary.pages <= 5, `pages in flight at the stop finish, nothing new starts (${summary.pages})`);
});

test('an abort signal stops a sweep gracefully', async () => {
  const ac = new AbortController();
  ac.abort();
  const summary = await crawl(options({ signal: ac.signal }), () => {});
  assert.equal(summary.complete, false);
  assert.equal(summary.pages, 0);
});

test('robots.txt changing mid-sweep: the new rules apply from the next read, to URLs already queued too', async () => {
  const R = '/pu/force/partners/';
  let restricted = false;
  const pages = Array.from({ length: 5 }, (_, i) => `${R}briefing-${i}/`);
  const own = await startSite({
    '/robots.txt': async (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(restricted ? `User-agent: *\nDisallow: ${R}\n` : 'User-agent: *\nAllow: /\n');
    },
    [R]: html(`<main><h1>Partners</h1><ul>${pages.map((p) => `<li><a href="${p}">${p}</a></li>`).join('')}</ul></main>`),
    ...Object.fromEntries(pages.map((p, i) => [p, async (_q: unknown, res: import('node:http').ServerResponse) => {
      if (i === 0) restricted = true; // the site owner changes robots.txt while we are reading the first briefing
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(html(`<p>Briefing ${i}</p>`));
    }])),
  });
  try {
    const c = collect();
    await crawl({ ...DEFAULT_CRAWL_OPTIONS, startUrls: [`${own.origin}${R}`], logger: silentLogger, concurrency: 1, ratePerSecond: 0, useSitemaps: false, userAgent: 'Leakwatch/test', robotsMaxAgeMs: 0 }, c.handler);
    const fetched = pages.filter((p) => own.hits.get(p));
    assert.deepEqual(fetched, [pages[0]], 'only the briefing read before the change was fetched');
    const robotsSkips = c.skipped().filter((s) => s.reason === 'robots').map((s) => new URL(s.url).pathname).sort();
    assert.deepEqual(robotsSkips, pages.slice(1), 'the queued briefings were skipped for robots, with a reason');
  } finally {
    await own.close();
  }
});

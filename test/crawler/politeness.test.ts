import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelayMs, calendarTemplate, HostLimiter, parseRetryAfter, parseRobots, robotsAgent, TrapGuard } from '../../crawler/politeness.js';

const UA = 'Leakwatch/0.1 (+mailto:ig@example.org)';

test('robots.txt: our group, disallow/allow, Crawl-delay, sitemaps; missing file allows all', () => {
  assert.equal(robotsAgent(UA), 'Leakwatch');
  const r = parseRobots('https://x.test/robots.txt', 'User-agent: *\nDisallow: /private/\n\nUser-agent: Leakwatch\nDisallow: /pu/secret/\nAllow: /pu/\nCrawl-delay: 2\n\nSitemap: https://x.test/sitemap.xml\n', UA);
  assert.equal(r.isAllowed('https://x.test/pu/a/'), true);
  assert.equal(r.isAllowed('https://x.test/pu/secret/x/'), false);
  assert.equal(r.crawlDelayMs, 2000);
  assert.deepEqual(r.sitemaps, ['https://x.test/sitemap.xml']);
  const star = parseRobots('https://x.test/robots.txt', 'User-agent: *\nDisallow: /private/\n', UA);
  assert.equal(star.isAllowed('https://x.test/private/a'), false);
  assert.equal(star.crawlDelayMs, undefined);
  assert.equal(parseRobots('https://x.test/robots.txt', undefined, UA).isAllowed('https://x.test/anything'), true);
});

test('Retry-After: seconds and HTTP dates, capped; exponential fallback', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  assert.equal(parseRetryAfter('3', now), 3000);
  assert.equal(parseRetryAfter('Fri, 27 Nov 2026 12:00:10 GMT', now), 10_000);
  assert.equal(parseRetryAfter('86400', now), 120_000);
  assert.equal(parseRetryAfter('soon', now), undefined);
  assert.equal(parseRetryAfter(null, now), undefined);
  assert.equal(backoffDelayMs(1, '2', now), 2000);
  assert.equal(backoffDelayMs(1, null, now), 1000);
  assert.equal(backoffDelayMs(3, null, now), 4000);
});

test('trap guards: depth, page cap, pages per path, query explosion, calendar', () => {
  const g = new TrapGuard({ maxDepth: 3, maxPages: 100, maxPagesPerPath: 5, maxQueryVariants: 3, maxCalendarVariants: 4 });
  assert.equal(g.admit('https://x.test/a/', 4)?.reason, 'cap-depth');
  assert.equal(g.admit('https://x.test/a/', 1), undefined);
  for (let i = 0; i < 4; i++) assert.equal(g.admit(`https://x.test/list/item-${i}/`, 1), undefined);
  assert.equal(g.admit('https://x.test/list/item-4/', 1), undefined);
  assert.equal(g.admit('https://x.test/list/item-5/', 1)?.reason, 'cap-path');
  for (let i = 0; i < 3; i++) assert.equal(g.admit(`https://x.test/search/?q=${i}`, 1), undefined);
  const q = g.admit('https://x.test/search/?q=99', 1);
  assert.equal(q?.reason, 'trap');
  assert.match(q!.detail, /query/);
  const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
  const results = months.map((m) => g.admit(`https://x.test/events/calendar/${m}/`, 2));
  assert.deepEqual(results.slice(0, 4), [undefined, undefined, undefined, undefined]);
  assert.equal(results[4]?.reason, 'trap');
  assert.match(results[4]!.detail, /calendar/);
  assert.equal(calendarTemplate('https://x.test/cal/?month=2026-05'), calendarTemplate('https://x.test/cal/?month=2027-01'));
  assert.equal(calendarTemplate('https://x.test/about-us/'), undefined);
  const capped = new TrapGuard({ maxDepth: 9, maxPages: 2, maxPagesPerPath: 99, maxQueryVariants: 99, maxCalendarVariants: 99 });
  assert.equal(capped.admit('https://x.test/1/', 0), undefined);
  assert.equal(capped.admit('https://x.test/2/', 0), undefined);
  assert.equal(capped.admit('https://x.test/3/', 0)?.reason, 'cap-pages');
});

test('HostLimiter: a paused host holds later requests until the pause ends', async () => {
  const limiter = new HostLimiter({ ratePerSecond: 0, concurrency: 2 });
  const order: string[] = [];
  limiter.pauseHost('a.test', 400);
  const pausedAt = Date.now();
  let ranAfter = 0;
  const other = limiter.run('b.test', async () => order.push('b'));
  const held = limiter.run('a.test', async () => {
    ranAfter = Date.now() - pausedAt;
    order.push('a');
  });
  await Promise.all([other, held]);
  assert.deepEqual(order, ['b', 'a']); // another host is not held back
  assert.ok(ranAfter >= 390, `ran after ${ranAfter} ms`); // lower bound only: the pause was honoured
});

test('HostLimiter: aborting the signal rejects the calls still waiting for a turn, and none of them runs', async () => {
  const limiter = new HostLimiter({ ratePerSecond: 0, concurrency: 1 });
  const stop = new AbortController();
  let release!: () => void;
  const ran: string[] = [];
  const running = limiter.run('a.test', () => new Promise<void>((r) => { release = r; }), stop.signal);
  const waiting = [1, 2].map((n) => limiter.run('a.test', async () => void ran.push(`waiting ${n}`), stop.signal));
  await new Promise((r) => setImmediate(r));
  stop.abort(new Error('stopped by signal'));
  // A visit awaiting a queued fetch must hear of the stop, not wait forever (the sweep used to hang here).
  for (const w of waiting) await assert.rejects(w, /stopped by signal/);
  // The fetch in flight is aborted by the same signal in the crawler; its caller hears the same reason.
  await assert.rejects(running, /stopped by signal/);
  release();
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(ran, []);
});

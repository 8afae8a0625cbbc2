import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runSweep } from '../../sweep/index.js';
import { LeakwatchStore } from '../../storage/index.js';
import type { CrawlEvent } from '../../crawler/index.js';
import { silentLogger } from '../../core/logger.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * A sweep over a real HTTP site with a real SQLite file, where one page's detection runs past its
 * deadline: that page is recorded as an error and read afresh next time, while the sweep completes,
 * the leak on the ordinary page is stored, and unchanged pages stay unchanged.
 */
const LEAK = 'Victim: Mrs Adaeze Okafor, 14 Ringlet Road, Hemel Hempstead HP2 7QX. Perpetrator: Darren Kowalski, 16 Ringlet Road. Nature: repeated noise nuisance and verbal abuse.';
// 8 MB of case-dense prose in 1,500 paragraphs (under the 10 MB page cap): far more than 250 ms of detection at any speed measured
const BIG_PARAGRAPH = `${LEAK} Reported by Ms Wei Chen of 3 Peacock Court, Tring HP23 5DE on 01632 960123. `.repeat(22);
const page = (title: string, body: string) => `<!doctype html><html><head><title>${title}</title></head><body><main>${body}</main></body></html>`;

test('a page past its detection deadline is an error the next sweep reads again; the sweep completes and keeps the other page\'s leak', { timeout: 180_000 }, async () => {
  const pages: Record<string, string> = {
    '/': page('Home', '<p>Our neighbourhood pages.</p><a href="/priorities/">Priorities</a> <a href="/huge/">Archive</a>'),
    '/priorities/': page('Priorities', `<div class="priority"><p>${LEAK}</p></div>`),
    '/huge/': page('Archive', `<p>${BIG_PARAGRAPH}</p>`.repeat(1_500)),
  };
  const server = createServer((req, res) => {
    const body = pages[req.url ?? ''];
    if (req.url === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tmp = tempDir('leakwatch-deadline-');
  const dbPath = join(tmp.dir, 'deadline.db');
  const store = LeakwatchStore.open(dbPath);
  const sweep = async () => {
    const events: CrawlEvent[] = [];
    const result = await runSweep({
      target: 'local', startUrls: [origin + '/'], mode: 'full', store, logger: silentLogger, evidence: false,
      crawl: { concurrency: 2, ratePerSecond: 50, maxPages: 10, useSitemaps: false, renderPolicy: 'scripted' } as never,
      detection: { deadlineMs: 250, deadlinePerMegabyteMs: 0 },
      onEvent: (e) => events.push(e),
    });
    const resourceEvent = (path: string) => events.find((e): e is Extract<CrawlEvent, { type: 'resource' }> => e.type === 'resource' && e.resource.url === origin + path);
    return { result, resourceEvent };
  };
  try {
    const first = await sweep();
    assert.equal(first.result.complete, true);
    assert.ok(first.result.report.run.errors >= 1, `errors counted: ${first.result.report.run.errors}`);
    assert.ok(first.result.report.findings.some((f) => f.url === origin + '/priorities/' && f.severity === 'critical'), 'the ordinary page\'s leak is found');
    assert.ok(!first.result.report.findings.some((f) => f.url === origin + '/huge/'), 'nothing half-detected from the stopped page');

    const db = new Database(dbPath, { readonly: true });
    const fetchRow = (runId: number, path: string) => db.prepare('SELECT ok, error FROM fetches WHERE run_id = ? AND url = ?').get(runId, origin + path) as { ok: number; error: string | null };
    const huge1 = fetchRow(first.result.report.run.id, '/huge/');
    assert.equal(huge1.ok, 0);
    assert.match(huge1.error ?? '', /\/huge\/: detection did not finish within 250 ms/);
    assert.equal(fetchRow(first.result.report.run.id, '/priorities/').ok, 1);
    assert.equal(store.getPageState(origin + '/huge/')?.contentHash ?? null, null, 'no content hash kept for a page that was not detected');
    assert.ok(store.getPageState(origin + '/priorities/')?.contentHash, 'the detected page keeps its hash');
    assert.ok(store.listIncidents({}).length > 0, 'incidents recorded for the leak');

    const second = await sweep();
    assert.equal(second.result.complete, true);
    assert.equal(second.resourceEvent('/priorities/')?.unchanged, true, 'a detected page that did not change is proved unchanged');
    assert.equal(second.resourceEvent('/huge/')?.unchanged, false, 'the stopped page is read and detected again');
    assert.match(fetchRow(second.result.report.run.id, '/huge/').error ?? '', /detection did not finish/);
    assert.ok(second.result.report.findings.some((f) => f.url === origin + '/priorities/' && f.severity === 'critical'), 'the open leak is still reported');
    db.close();
  } finally {
    store.close();
    await new Promise<void>((r) => server.close(() => r()));
    tmp.cleanup();
  }
});

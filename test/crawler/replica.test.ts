import { test } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '../../core/logger.js';
import { crawl, DEFAULT_CRAWL_OPTIONS } from '../../crawler/index.js';
import { startReplica, scenarioTruth } from '../../replica/index.js';
import { collect } from './helpers.js';

/**
 * End to end against the police.uk replica: the 2014 leak plus every crawler add-on scenario
 * (hidden documents, JS-only links, sitemap-only pages, hidden markup, a calendar trap, 429s,
 * a slow page, a hanging page, off-scope links and redirects) in one sweep.
 */
const SCENARIO = 'herts-2014+hidden-documents+js-links+sitemap-only+hidden-markup+calendar-trap+throttle+slow+hang+off-scope';

test('replica: every page and document reached, every case record and hidden item extracted, traps and off-scope refused', { timeout: 900_000 }, async () => {
  const replica = await startReplica({ port: 0, scenario: SCENARIO });
  const truth = scenarioTruth(SCENARIO);
  const c = collect();
  try {
    const summary = await crawl(
      { ...DEFAULT_CRAWL_OPTIONS, startUrls: [replica.startUrl], logger: silentLogger, concurrency: 4, ratePerSecond: 0, pageTimeoutMs: 15_000, sweepTimeoutMs: 840_000, userAgent: 'Leakwatch/test (+mailto:ig-team@example.invalid)' },
      c.handler,
    );
    assert.equal(summary.complete, true);
    // Every page carries script; pages whose exact scripts and template were seen to add nothing are read from markup.
    console.log(`replica crawl: ${summary.pages} pages, rendering ${JSON.stringify(summary.rendering)}, ${(summary.durationMs / 1000).toFixed(1)} s`);
    assert.ok(summary.rendering && summary.rendering.readFromMarkup > 0, 'learned rendering read some pages from markup');
    const byPath = new Map(c.resources().map((r) => [new URL(r.resource.url).pathname, r.resource]));
    const text = (p: string) => (byPath.get(p)?.blocks ?? []).map((b) => b.text).join('\n');

    const missingPages = truth.pages.filter((p) => !byPath.has(p));
    assert.deepEqual(missingPages, [], 'every replica page reached (incl. JS-only, sitemap-only and the hanging page)');
    const missingDocs = truth.documents.filter((p) => !byPath.has(p));
    assert.deepEqual(missingDocs, []);

    assert.equal(truth.caseRecords.length, 61);
    for (const rec of truth.caseRecords) {
      const t = text(rec.url);
      for (const person of rec.people) assert.ok(t.includes(person.name), `${rec.id} (${rec.renderedBy}-rendered): ${person.role} missing`);
      if (rec.renderedBy === 'client') {
        // Rendered into the DOM by the page's own script, not only seen in the captured JSON.
        const rendered = byPath.get(rec.url)!.blocks.filter((b) => b.kind === 'priority').map((b) => b.text).join('\n');
        assert.ok(rec.people.every((p) => rendered.includes(p.name)), `${rec.id}: not among the rendered priority blocks`);
      }
    }
    for (const item of truth.hiddenItems) {
      const t = text(item.url);
      for (const name of item.people) assert.ok(t.includes(name), `${item.kind} at ${item.url} (${item.location}) missing`);
    }
    // Traps: calendar pages are capped, never crawled without bound.
    for (const trap of truth.trapPaths) {
      const visited = c.resources().filter((r) => new URL(r.resource.url).pathname.startsWith(trap)).length;
      assert.ok(visited <= DEFAULT_CRAWL_OPTIONS.maxPages && visited <= 30, `${trap}: ${visited} pages`);
    }
    assert.ok(c.skipped().some((s) => s.reason === 'trap'));
    // Off-scope links and redirects are refused, with reasons.
    const skip = (part: string) => c.skipped().find((s) => s.url.includes(part) || (s.detail ?? '').includes(part));
    assert.equal(skip('go/intranet/')?.reason, 'private-address');
    assert.equal(skip('go/partner-portal/')?.reason, 'private-address');
    assert.equal(skip('old-neighbourhood-pages/')?.reason, 'scope');
    assert.equal(skip('ftp://')?.reason, 'scheme');
    assert.equal(skip('www.hertfordshire.gov.uk')?.reason, 'scope');
    // Throttled paths were fetched after backing off; the hanging page fell back to its markup.
    for (const p of truth.throttledPaths) assert.ok(byPath.get(p)?.status === 200, `${p} fetched after 429`);
    for (const p of truth.hangPaths) assert.ok(c.errors().some((e) => e.url.endsWith(p) && /rendering failed/.test(e.message)));
  } finally {
    await replica.close();
  }
});

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/logger.js';
import { describeError } from '../core/errors.js';
import { crawl, DEFAULT_CRAWL_OPTIONS } from '../crawler/index.js';
import { detectBlocks } from '../detectors/index.js';
import type { TextBlock } from '../core/types.js';

/**
 * The canary proves, every cycle, that the pipeline can still see a leak: a synthetic
 * priorities page is served on loopback and goes through the real crawler (fetch, Chromium
 * render, the client-side fetch of its JSON, extraction) and the real detectors. If a
 * Chromium upgrade, a broken extractor or a detector regression would blind the monitor,
 * this fails and alerts instead of reporting a false all-clear.
 *
 * Everything below is invented (an Ofcom drama number, a made-up street).
 */
const CANARY_RECORD = {
  issue: '<p>Victim: Mrs Olivia Featherstone, 221 Kestrel Road, Hitchin SG5 1ZZ, tel 07700 900999. ' +
    'Perpetrator: Mr Ryan Hollis of 223 Kestrel Road. Nature: harassment and criminal damage.</p>',
  'issue-date': '2014-10-04T00:00:00',
  action: null,
  'action-date': null,
};

const CANARY_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Canary priorities</title></head>
<body><main><h1>Our priorities</h1><section id="priorities" data-state="loading"></section></main>
<script>
setTimeout(() => fetch('/canary/priorities.json').then((r) => r.json()).then((items) => {
  const root = document.getElementById('priorities');
  for (const item of items) { const div = document.createElement('div'); div.className = 'priority'; div.innerHTML = item.issue; root.appendChild(div); }
  root.dataset.state = 'loaded';
}), 100);
</script></body></html>`;

export interface CanaryResult { ok: boolean; detail: string; durationMs: number }

export async function runCanary(opts: { logger: Logger; chromiumPath?: string; timeoutMs?: number }): Promise<CanaryResult> {
  const started = Date.now();
  const server = createServer((req, res) => {
    if (req.url === '/canary/') { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(CANARY_PAGE); return; }
    if (req.url === '/canary/priorities.json') { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify([CANARY_RECORD])); return; }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/canary/`;
  const blocks: TextBlock[] = [];
  try {
    await crawl(
      {
        ...DEFAULT_CRAWL_OPTIONS,
        startUrls: [url], mode: 'full', maxPages: 2, concurrency: 1, ratePerSecond: 50,
        pageTimeoutMs: opts.timeoutMs ?? 20_000, sweepTimeoutMs: opts.timeoutMs ?? 30_000,
        logger: opts.logger.child({ component: 'canary' }),
        ...(opts.chromiumPath ? { chromiumPath: opts.chromiumPath } : {}),
      },
      (event) => {
        if (event.type === 'resource' && event.resource.url.startsWith(url)) blocks.push(...event.resource.blocks);
      },
    );
    const findings = detectBlocks(blocks, { recordIdPrefix: 'canary' }).flatMap((r) => r.findings);
    const caseRecord = findings.some((f) => f.severity === 'critical' && f.entity === 'PERSON' && f.recordId);
    const durationMs = Date.now() - started;
    if (!caseRecord) {
      return { ok: false, durationMs, detail: `the canary leak was not detected (${blocks.length} blocks extracted, ${findings.length} findings): rendering, extraction or detection is broken` };
    }
    return { ok: true, durationMs, detail: `canary case record detected (${findings.length} findings)` };
  } catch (err) {
    return { ok: false, durationMs: Date.now() - started, detail: `the canary crawl failed: ${describeError(err)}` };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

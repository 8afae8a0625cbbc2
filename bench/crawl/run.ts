/**
 * npm run bench:crawl — full sweep of the replica: Leakwatch vs Crawlee 3.x PlaywrightCrawler, side by
 * side in one run, same Chromium, same concurrency, both extracting text; then a no-change incremental
 * sweep. Peak RSS is the sum over this process tree (Node + every Chromium process), sampled from /proc.
 *
 * Env: BENCH_CONCURRENCY (default 4), BENCH_SCENARIO (default herts-2014), BENCH_SKIP_CRAWLEE=1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scenarioTruth } from '../../replica/index.js';
import { crawl, DEFAULT_CRAWL_OPTIONS, findChromium, CHROMIUM_ARGS } from '../../crawler/index.js';
import type { CrawlStateStore, FrontierEntry, PageState, CrawlSummary, RenderPolicy } from '../../crawler/index.js';
import { createLogger } from '../../core/logger.js';
import { spawn } from 'node:child_process';
import { excludedPids, startRssSampler } from './proc.js';

const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);
const scenario = process.env.BENCH_SCENARIO ?? 'herts-2014';
const chromiumPath = findChromium();
if (!chromiumPath) {
  console.error('No Chromium found: apt-get install -y chromium (as root), or set LEAKWATCH_CHROMIUM.');
  process.exit(2);
}
const logger = createLogger({ level: process.env.LEAKWATCH_LOG_LEVEL ?? 'warn', pretty: false });

class MemoryState implements CrawlStateStore {
  pages = new Map<string, PageState>();
  frontier = new Map<string, { e: FrontierEntry; done: boolean }>();
  getPageState = (url: string) => this.pages.get(url);
  savePageState = (s: PageState) => void this.pages.set(s.url, s);
  forgetPageContent = (url: string) => void this.pages.delete(url);
  frontierPending = (runId: number) => [...this.frontier.entries()].filter(([k, v]) => k.startsWith(`${runId} `) && !v.done).map(([, v]) => v.e);
  frontierPush = (runId: number, entries: FrontierEntry[]) => entries.forEach((e) => this.frontier.set(`${runId} ${e.url}`, { e, done: false }));
  frontierDone = (runId: number, url: string) => {
    const f = this.frontier.get(`${runId} ${url}`);
    if (f) f.done = true;
  };
}

interface Result {
  name: string;
  pages: number;
  documents: number;
  seconds: number;
  pagesPerSecond: number;
  peakRssMb: number;
  peakPssMb: number;
  clientRecordsCaught: number;
  clientRecordsTotal: number;
  pagesReached: number;
  pagesTotal: number;
  note?: string;
}

const truth = scenarioTruth(scenario);
const clientRecords = truth.caseRecords.filter((c) => c.renderedBy === 'client');
const mb = (b: number) => Math.round(b / 1048576);

function score(textByPath: Map<string, string>): { caught: number; reached: number } {
  let caught = 0;
  for (const c of clientRecords) {
    const t = textByPath.get(c.url) ?? '';
    if (c.people.every((p) => t.includes(p.name))) caught++;
  }
  const reached = truth.pages.filter((p) => textByPath.has(p)).length;
  return { caught, reached };
}

/**
 * The replica in its own process, left out of the memory figures: it is the website being crawled,
 * and in-process it added its own few hundred MB to whichever crawler was measured.
 */
async function startReplicaProcess(name: string): Promise<{ startUrl: string; close(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'replica', '--port', '0', '--scenario', name], { stdio: ['ignore', 'pipe', 'inherit'] });
  excludedPids.add(child.pid!);
  const startUrl = await new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = / at (http:\/\/\S+)/.exec(out);
      if (m) ok(m[1]);
    });
    child.once('exit', (code) => fail(new Error(`replica exited (${code}) before listening`)));
  });
  return {
    startUrl,
    close: () => new Promise<void>((ok) => {
      child.once('exit', () => ok());
      child.kill('SIGTERM');
    }),
  };
}

async function runLeakwatch(startUrl: string, state: MemoryState, runId: number, name: string, renderPolicy: RenderPolicy = 'learn'): Promise<{ result: Result; summary: CrawlSummary }> {
  const textByPath = new Map<string, string>();
  const rss = startRssSampler();
  const t0 = performance.now();
  const summary = await crawl(
    {
      ...DEFAULT_CRAWL_OPTIONS, startUrls: [startUrl], logger, concurrency, ratePerSecond: 0, maxPages: 5000,
      userAgent: 'Leakwatch/bench (+mailto:bench@example.invalid)', chromiumPath, state, runId, renderPolicy,
    },
    (ev) => {
      if (ev.type !== 'resource') return;
      const path = new URL(ev.resource.url).pathname;
      // On an unchanged page the earlier text stands (the sweep reuses earlier findings).
      const prev = textByPath.get(path) ?? '';
      textByPath.set(path, ev.unchanged ? prevText.get(path) ?? prev : ev.resource.blocks.map((b) => b.text).join('\n'));
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  const peak = rss.stop();
  for (const [k, v] of textByPath) prevText.set(k, v);
  const { caught, reached } = score(textByPath);
  return {
    summary,
    result: {
      name, pages: summary.pages, documents: summary.documents, seconds, pagesPerSecond: summary.pages / seconds, peakRssMb: mb(peak.rss), peakPssMb: mb(peak.pss),
      clientRecordsCaught: caught, clientRecordsTotal: clientRecords.length, pagesReached: reached, pagesTotal: truth.pages.length,
      note: `${summary.unchanged} unchanged, ${summary.errors} errors; rendered ${summary.rendering?.rendered ?? 0}, read from markup ${summary.rendering?.readFromMarkup ?? 0} (render: ${renderPolicy})`,
    },
  };
}
const prevText = new Map<string, string>();

async function runCrawlee(startUrl: string): Promise<Result> {
  const storage = mkdtempSync(join(tmpdir(), 'crawlee-bench-'));
  process.env.CRAWLEE_STORAGE_DIR = storage;
  process.env.CRAWLEE_LOG_LEVEL = 'ERROR';
  const { PlaywrightCrawler, Configuration, log } = await import('crawlee');
  const { chromium } = await import('playwright');
  log.setLevel(log.LEVELS.ERROR);
  const prefix = new URL(startUrl).pathname;
  const origin = new URL(startUrl).origin;
  const textByPath = new Map<string, string>();
  const config = new Configuration({ persistStorage: false, purgeOnStart: true, storageClientOptions: { localDataDirectory: storage } });
  const crawler = new PlaywrightCrawler(
    {
      minConcurrency: concurrency,
      maxConcurrency: concurrency,
      maxRequestsPerCrawl: 5000,
      maxRequestRetries: 2,
      requestHandlerTimeoutSecs: 60,
      navigationTimeoutSecs: 30,
      useSessionPool: false,
      respectRobotsTxtFile: true,
      headless: true,
      launchContext: { launcher: chromium, launchOptions: { executablePath: chromiumPath, args: CHROMIUM_ARGS } },
      browserPoolOptions: { useFingerprints: false },
      async requestHandler({ page, request, enqueueLinks }) {
        // Without waiting for the network to go idle, client-rendered priorities are missed.
        await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
        const text = await page.innerText('body').catch(() => '');
        textByPath.set(new URL(request.loadedUrl ?? request.url).pathname, text);
        await enqueueLinks({
          strategy: 'same-origin',
          globs: [`${origin}${prefix}**`],
          exclude: [/\.(pdf|docx?|xlsx?|ods|csv|txt|zip)(\?|$)/i],
        });
      },
    },
    config,
  );
  const rss = startRssSampler();
  const t0 = performance.now();
  const stats = await crawler.run([startUrl]);
  const seconds = (performance.now() - t0) / 1000;
  const peak = rss.stop();
  await crawler.teardown?.().catch(() => {});
  rmSync(storage, { recursive: true, force: true });
  const { caught, reached } = score(textByPath);
  return {
    name: 'Crawlee 3 PlaywrightCrawler (networkidle)', pages: stats.requestsFinished, documents: 0, seconds,
    pagesPerSecond: stats.requestsFinished / seconds, peakRssMb: mb(peak.rss), peakPssMb: mb(peak.pss), clientRecordsCaught: caught, clientRecordsTotal: clientRecords.length,
    pagesReached: reached, pagesTotal: truth.pages.length, note: `${stats.requestsFailed} failed; documents not fetched (Crawlee renders pages only)`,
  };
}

const replica = await startReplicaProcess(scenario);
console.error(`replica ${scenario} at ${replica.startUrl}; concurrency ${concurrency}; Chromium ${chromiumPath}`);
const results: Result[] = [];
try {
  const state = new MemoryState();
  const full = await runLeakwatch(replica.startUrl, state, 1, 'Leakwatch full sweep');
  results.push(full.result);
  console.error('leakwatch full done');
  const noChange = await runLeakwatch(replica.startUrl, state, 2, 'Leakwatch no-change sweep');
  results.push(noChange.result);
  console.error('leakwatch no-change done');
  // The same crawler rendering every page that carries script: what learning which scripts matter buys.
  const scripted = process.env.BENCH_SKIP_SCRIPTED ? undefined : await runLeakwatch(replica.startUrl, new MemoryState(), 1, 'Leakwatch full sweep, render every scripted page', 'scripted');
  if (scripted) results.push(scripted.result);
  if (!process.env.BENCH_SKIP_CRAWLEE) {
    results.push(await runCrawlee(replica.startUrl));
    console.error('crawlee done');
  }

  console.log(`\nCrawl benchmark — replica "${scenario}", ${truth.pages.length} pages + ${truth.documents.length} documents, concurrency ${concurrency}\n`);
  console.log('| run | pages | docs | seconds | pages/s | peak RSS sum (MB) | peak PSS (MB) | client-rendered records caught | pages reached | notes |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(`| ${r.name} | ${r.pages} | ${r.documents} | ${r.seconds.toFixed(1)} | ${r.pagesPerSecond.toFixed(2)} | ${r.peakRssMb} | ${r.peakPssMb} | ${r.clientRecordsCaught}/${r.clientRecordsTotal} | ${r.pagesReached}/${r.pagesTotal} | ${r.note ?? ''} |`);
  }
  const crawlee = results.find((r) => r.name.startsWith('Crawlee'));
  const lw = full.result;
  console.log('');
  if (crawlee) console.log(`Leakwatch / Crawlee pages/s: ${(lw.pagesPerSecond / crawlee.pagesPerSecond).toFixed(2)}× (target ≥ 2×)`);
  if (crawlee && scripted) console.log(`Leakwatch rendering every scripted page / Crawlee pages/s: ${(scripted.result.pagesPerSecond / crawlee.pagesPerSecond).toFixed(2)}×`);
  console.log(`No-change sweep / full sweep time: ${((noChange.result.seconds / lw.seconds) * 100).toFixed(1)}% (target ≤ 15%)`);
  console.log(`Peak memory (Leakwatch full, Node + Chromium tree): RSS sum ${lw.peakRssMb} MB, PSS ${lw.peakPssMb} MB (target ≤ 1536 MB)`);
  console.log(`Client-rendered case records caught by Leakwatch: ${lw.clientRecordsCaught}/${lw.clientRecordsTotal}`);
} finally {
  await replica.close();
}

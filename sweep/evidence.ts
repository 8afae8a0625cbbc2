import type { Browser, Locator, Page } from 'playwright-core';
import type { Logger } from '../core/logger.js';
import { describeError } from '../core/errors.js';
import { launchBrowser } from '../crawler/index.js';

/**
 * Evidence screenshots: the page region that holds a finding, with the matched values
 * highlighted, as a reviewer and the ICO would want to see it. Taken after the crawl, only for
 * pages with new high or critical findings, so the crawl itself stays fast. The raw values
 * used to place the highlight never leave this process.
 */
export interface EvidenceTarget {
  occurrenceId: number;
  /** The block's CSS path from extraction, or a non-DOM location (xhr:…, comment) to search by text. */
  location: string;
  values: string[];
}

export interface EvidenceShot { occurrenceId: number; png: Buffer; highlighted: number }

const MAX_HEIGHT = 1200;

const isCssPath = (location: string) => !/^(xhr:|json:|comment|meta|attr|page |noscript|sheet|metadata)/i.test(location) && !location.includes('!');

/**
 * Wraps each occurrence of the values inside the root in a visible <mark>; returns how many were marked.
 * Kept as source text: a transpiled function would drag bundler helpers into the page.
 */
const HIGHLIGHT_SCRIPT = `(({ selector, values }) => {
  const root = (selector ? document.querySelector(selector) : document.body) || document.body;
  let marked = 0;
  const norm = (s) => s.replace(/\\s+/g, ' ');
  for (const value of values.map(norm).filter((v) => v.length > 1)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const hits = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (norm(n.nodeValue || '').includes(value)) hits.push(n);
    for (const node of hits) {
      const at = node.nodeValue.indexOf(value);
      if (at < 0) { (node.parentElement || root).style.outline = '3px solid #c00'; marked++; continue; }
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + value.length);
      const mark = document.createElement('mark');
      mark.setAttribute('style', 'background:#ffe14d;outline:2px solid #c00;color:#000');
      range.surroundContents(mark);
      marked++;
    }
  }
  return marked;
})`;

async function highlight(page: Page, selector: string | null, values: string[]): Promise<number> {
  return page.evaluate(`${HIGHLIGHT_SCRIPT}(${JSON.stringify({ selector, values })})`) as Promise<number>;
}

async function shoot(page: Page, target: EvidenceTarget, timeoutMs: number): Promise<EvidenceShot | undefined> {
  let region: Locator | undefined;
  let scope: string | null = null;
  if (isCssPath(target.location)) {
    // Client-rendered blocks appear after load; give them the page timeout to show up.
    const found = await page.waitForSelector(target.location, { state: 'attached', timeout: timeoutMs }).then(() => true, () => false);
    if (found) { region = page.locator(target.location).first(); scope = target.location; }
  }
  if (!region) {
    // A value seen in XHR JSON or hidden markup: find where the page shows it, if it does.
    const shown = page.getByText(target.values[0] ?? '', { exact: false }).first();
    if ((await shown.count()) === 0) return undefined;
    region = shown;
  }
  const highlighted = await highlight(page, scope, target.values);
  await region.scrollIntoViewIfNeeded({ timeout: 2000 }).catch(() => undefined);
  const box = await region.boundingBox({ timeout: 2000 }).catch(() => null);
  if (!box || box.width < 1 || box.height < 1) return undefined; // hidden: the text snapshot is the evidence
  const pad = 16;
  const clip = { x: Math.max(0, box.x - pad), y: Math.max(0, box.y - pad), width: box.width + pad * 2, height: Math.min(box.height + pad * 2, MAX_HEIGHT) };
  const png = await page.screenshot({ clip, type: 'png', timeout: timeoutMs });
  return { occurrenceId: target.occurrenceId, png, highlighted };
}

export async function captureEvidence(
  pages: Map<string, EvidenceTarget[]>,
  opts: { logger: Logger; chromiumPath?: string; timeoutMs?: number; maxPages?: number; userAgent?: string; browser?: Browser },
): Promise<EvidenceShot[]> {
  if (!pages.size) return [];
  const log = opts.logger.child({ component: 'evidence' });
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const shots: EvidenceShot[] = [];
  const browser = opts.browser ?? (await launchBrowser({ chromiumPath: opts.chromiumPath, logger: log }));
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, userAgent: opts.userAgent, serviceWorkers: 'block' });
    let done = 0;
    for (const [url, targets] of pages) {
      if (done++ >= (opts.maxPages ?? 50)) {
        log.warn({ skippedPages: pages.size - (opts.maxPages ?? 50) }, 'evidence capture capped; the text snapshots are kept for the rest');
        break;
      }
      const page = await context.newPage();
      try {
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
        for (const target of targets) {
          const shot = await shoot(page, target, timeoutMs).catch((err) => {
            log.debug({ url, reason: describeError(err) }, 'no screenshot for one occurrence');
            return undefined;
          });
          if (shot) shots.push(shot);
        }
      } catch (err) {
        log.warn({ url, reason: describeError(err) }, 'evidence screenshot failed; the text snapshot is kept');
      } finally {
        await page.close().catch(() => undefined);
      }
    }
    await context.close().catch(() => undefined);
  } finally {
    if (!opts.browser) await browser.close().catch(() => undefined);
  }
  return shots;
}

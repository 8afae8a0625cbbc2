import type { Browser, BrowserContext, Page, Request, Route } from 'playwright-core';
import pTimeout from 'p-timeout';
import type { Logger } from '../core/logger.js';
import type { TextBlock } from '../core/types.js';
import { launchBrowser } from './browser.js';
import { inPageExtractor, jsonTextToBlocks, sectionFromUrl, type PageExtraction } from './extract.js';

/**
 * Rendering in Chromium without a blanket networkidle wait: DOMContentLoaded, then `load`
 * (cheap, since images/fonts/media are refused), then until no fetch/XHR has been in flight for
 * a short quiet window, with a cap. Fetch/XHR JSON bodies are captured and scanned as well, so
 * client-rendered data is caught even if the page has not painted it yet.
 */

export interface RendererOptions {
  chromiumPath?: string;
  logger: Logger;
  userAgent: string;
  pageTimeoutMs: number;
  /** Longest wait for fetch/XHR to settle after DOMContentLoaded. */
  settleCapMs?: number;
  /** A fetch/XHR-free window that counts as settled. */
  quietMs?: number;
  /** Close a context after this many pages (bounds memory growth of long sweeps). */
  recycleAfter?: number;
  /** May the page request this URL? (SSRF guard for subresources.) */
  allowRequest?: (url: string) => boolean;
}

export interface RenderInput {
  url: string;
  /** The body already fetched over HTTP: served to the browser so the page is not downloaded twice. */
  prefetched?: { status: number; contentType: string; body: Buffer };
}

export interface RenderResult extends PageExtraction {
  finalUrl: string;
  status: number;
  /** Blocks from captured fetch/XHR JSON (kind 'json', location 'xhr:<path>'). */
  xhrBlocks: TextBlock[];
  /** The captured fetch/XHR responses: URL + body, for dependency hashing. */
  xhr: { url: string; body: Buffer }[];
}

/** The renderer died under us (page or browser crash, closed target): worth one retry on a fresh context. */
export class RenderCrash extends Error {}
/** The page did not finish in time (hung script, endless load). */
export class RenderTimeout extends Error {}

/**
 * Installed before any page script. Counts the page's own pending async work: short timers,
 * fetch() calls until their body is read, and XHRs until loadend; and notes when any of it last
 * finished. "Settled" then means nothing pending and a short quiet time since the last finish, which
 * catches a fetch scheduled by setTimeout after load and the DOM update that follows it, without a
 * fixed sleep and without racing the CDP network events.
 */
const MAX_TRACKED_TIMER_MS = 3000;
const ASYNC_TRACKER = `(() => {
  if (window.__lwPending) return;
  let pending = 0;
  let last = performance.now();
  const begin = () => { pending++; };
  const end = () => { pending = Math.max(0, pending - 1); last = performance.now(); };
  const timers = new Set();
  const st = window.setTimeout.bind(window);
  const ct = window.clearTimeout.bind(window);
  window.setTimeout = function (fn, ms, ...args) {
    const d = Number(ms) || 0;
    if (typeof fn !== 'function' || d > ${MAX_TRACKED_TIMER_MS}) return st(fn, ms, ...args);
    const id = st(function () { if (timers.delete(id)) end(); return fn.apply(this, arguments); }, ms, ...args);
    timers.add(id); begin();
    return id;
  };
  window.clearTimeout = function (id) { if (timers.delete(id)) end(); return ct(id); };
  if (window.fetch) {
    const f = window.fetch.bind(window);
    window.fetch = function (...a) { begin(); const p = f(...a); p.then(end, end); return p; };
  }
  if (window.Response) for (const m of ['json', 'text', 'arrayBuffer', 'blob', 'formData']) {
    const orig = Response.prototype[m];
    if (orig) Response.prototype[m] = function (...a) { begin(); const p = orig.apply(this, a); p.then(end, end); return p; };
  }
  if (window.XMLHttpRequest) {
    const send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function (...a) { begin(); this.addEventListener('loadend', end, { once: true }); return send.apply(this, a); };
  }
  Object.defineProperty(window, '__lwPending', { value: () => [pending, performance.now() - last], configurable: false });
})();`;

const BLOCKED_TYPES = new Set(['image', 'font', 'media', 'imageset', 'texttrack', 'beacon', 'csp_report', 'ping', 'manifest']);

interface Slot {
  context: BrowserContext;
  page: Page;
  generation: number;
  uses: number;
  crashed: boolean;
  // Per-navigation state, reset before each render.
  inflight: Set<Request>;
  lastNetworkAt: number;
  captures: Promise<void>[];
  xhr: { url: string; body: Buffer }[];
  prefetched?: { url: string; status: number; contentType: string; body: Buffer };
}

function isFetchLike(req: Request): boolean {
  const t = req.resourceType();
  return t === 'fetch' || t === 'xhr';
}

function looksLikeCrash(err: unknown): boolean {
  const m = (err as Error)?.message ?? '';
  return /crash|Target (page, context or browser )?(has been )?closed|Browser has been closed|browser has disconnected|Session closed|Protocol error/i.test(m);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class Renderer {
  private browser?: Browser;
  private launching?: Promise<Browser>;
  private generation = 0;
  private readonly idle: Slot[] = [];
  private readonly live = new Set<Slot>();
  private closed = false;
  readonly stats = { rendered: 0, crashes: 0, timeouts: 0, relaunches: 0 };

  constructor(private readonly opts: RendererOptions) {}

  private async getBrowser(): Promise<Browser> {
    if (this.browser?.isConnected()) return this.browser;
    if (!this.launching) {
      if (this.browser) this.stats.relaunches++;
      this.launching = launchBrowser({ chromiumPath: this.opts.chromiumPath, logger: this.opts.logger })
        .then((b) => {
          this.browser = b;
          this.generation++;
          b.on('disconnected', () => {
            if (this.browser === b) this.browser = undefined;
          });
          return b;
        })
        .finally(() => {
          this.launching = undefined;
        });
    }
    return this.launching;
  }

  /** Start Chromium now (otherwise on the first render). */
  async warmUp(): Promise<void> {
    await this.getBrowser();
  }

  private async newSlot(): Promise<Slot> {
    const browser = await this.getBrowser();
    const context = await browser.newContext({
      userAgent: this.opts.userAgent,
      javaScriptEnabled: true,
      serviceWorkers: 'block',
      acceptDownloads: false,
      locale: 'en-GB',
      viewport: { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(this.opts.pageTimeoutMs);
    context.setDefaultNavigationTimeout(this.opts.pageTimeoutMs);
    const slot: Slot = {
      context,
      page: undefined as unknown as Page,
      generation: this.generation,
      uses: 0,
      crashed: false,
      inflight: new Set(),
      lastNetworkAt: 0,
      captures: [],
      xhr: [],
    };
    await context.addInitScript({ content: ASYNC_TRACKER });
    await context.route('**/*', (route) => this.routeRequest(slot, route));
    const page = await context.newPage();
    slot.page = page;
    page.on('crash', () => {
      slot.crashed = true;
    });
    page.on('request', (req) => {
      if (!isFetchLike(req)) return;
      slot.inflight.add(req);
      slot.lastNetworkAt = Date.now();
    });
    const settle = (req: Request) => {
      if (slot.inflight.delete(req)) slot.lastNetworkAt = Date.now();
    };
    page.on('requestfinished', settle);
    page.on('requestfailed', settle);
    page.on('response', (res) => {
      const req = res.request();
      if (!isFetchLike(req) || res.status() >= 400) return;
      const ct = res.headers()['content-type'] ?? '';
      if (!/json|javascript|text\/plain/i.test(ct)) return;
      slot.captures.push(
        res.body().then(
          (body) => {
            if (body.length <= 5_000_000) slot.xhr.push({ url: res.url(), body });
          },
          () => {},
        ),
      );
    });
    page.on('dialog', (d) => d.dismiss().catch(() => {}));
    this.live.add(slot);
    return slot;
  }

  private async routeRequest(slot: Slot, route: Route): Promise<void> {
    const req = route.request();
    try {
      const url = req.url();
      if (BLOCKED_TYPES.has(req.resourceType())) return await route.abort('blockedbyclient');
      if (!/^https?:/i.test(url)) return await route.continue();
      if (this.opts.allowRequest && !this.opts.allowRequest(url)) return await route.abort('blockedbyclient');
      const pre = slot.prefetched;
      if (pre && req.isNavigationRequest() && req.frame() === slot.page.mainFrame() && url === pre.url) {
        slot.prefetched = undefined;
        return await route.fulfill({ status: pre.status, contentType: pre.contentType || 'text/html', body: pre.body });
      }
      return await route.continue();
    } catch {
      /* the page went away mid-request */
    }
  }

  private async acquire(): Promise<Slot> {
    while (this.idle.length) {
      const s = this.idle.pop()!;
      if (!s.crashed && s.generation === this.generation && this.browser?.isConnected()) return s;
      this.discard(s);
    }
    return this.newSlot();
  }

  private release(slot: Slot, healthy: boolean): void {
    slot.uses++;
    if (!healthy || slot.crashed || this.closed || slot.uses >= (this.opts.recycleAfter ?? 50)) this.discard(slot);
    else this.idle.push(slot);
  }

  private discard(slot: Slot): void {
    this.live.delete(slot);
    // Not awaited: a hung renderer can make close() hang as well.
    void slot.context.close().catch(() => {});
  }

  private async settle(slot: Slot, deadline: number): Promise<void> {
    const quiet = this.opts.quietMs ?? 60;
    const settleCap = this.opts.settleCapMs ?? 5000;
    const loadCap = Math.min(deadline, Date.now() + settleCap);
    await slot.page.waitForLoadState('load', { timeout: Math.max(1, loadCap - Date.now()) }).catch(() => {});
    // The quiet-window cap starts after `load`, so a slow load cannot eat the time a delayed fetch needs.
    const cap = Math.min(deadline, Date.now() + settleCap);
    const since = Date.now();
    while (Date.now() < cap) {
      if (slot.crashed) throw new RenderCrash('page crashed while loading');
      const idleFor = Date.now() - Math.max(slot.lastNetworkAt, since);
      if (slot.inflight.size === 0 && idleFor >= quiet) {
        const before = slot.lastNetworkAt;
        const probe = (await slot.page.evaluate('window.__lwPending ? window.__lwPending() : [0, 1e9]').catch(() => [0, 1e9])) as [number, number];
        // Settled only if the page has nothing pending, has been quiet, and no request started meanwhile.
        if (probe[0] === 0 && probe[1] >= quiet && slot.inflight.size === 0 && slot.lastNetworkAt === before) break;
      }
      await sleep(20);
    }
  }

  private async renderOnce(input: RenderInput): Promise<RenderResult> {
    const slot = await this.acquire();
    slot.inflight.clear();
    slot.captures = [];
    slot.xhr = [];
    slot.lastNetworkAt = 0;
    slot.prefetched = input.prefetched ? { url: input.url, ...input.prefetched } : undefined;
    const deadline = Date.now() + this.opts.pageTimeoutMs;
    let healthy = false;
    const work = (async (): Promise<RenderResult> => {
      const t0 = Date.now();
      const response = await slot.page.goto(input.url, { waitUntil: 'domcontentloaded', timeout: this.opts.pageTimeoutMs });
      const t1 = Date.now();
      await this.settle(slot, deadline);
      this.opts.logger.trace({ url: input.url, dclMs: t1 - t0, settleMs: Date.now() - t1, xhr: slot.xhr.length }, 'rendered');
      const finalUrl = slot.page.url();
      const ex = (await slot.page.evaluate(inPageExtractor(finalUrl))) as PageExtraction;
      // pTimeout clears its timer when the captures finish first: a bare sleep() here kept the process alive ~30 s after the last render.
      await pTimeout(Promise.all(slot.captures), { milliseconds: Math.max(0, deadline - Date.now()), message: false });
      const xhr = slot.xhr.slice();
      const xhrBlocks: TextBlock[] = [];
      const section = sectionFromUrl(finalUrl);
      for (const x of xhr) {
        const u = new URL(x.url);
        xhrBlocks.push(...jsonTextToBlocks(x.body.toString('utf8'), `xhr:${u.pathname}${u.search}`, section));
      }
      for (const j of ex.json) xhrBlocks.push(...jsonTextToBlocks(j.text, j.location, j.section));
      return { ...ex, finalUrl, status: response?.status() ?? input.prefetched?.status ?? 0, xhrBlocks, xhr };
    })();
    try {
      const result = await pTimeout(work, { milliseconds: this.opts.pageTimeoutMs + 1000, message: new RenderTimeout(`page did not finish within ${this.opts.pageTimeoutMs} ms`) });
      healthy = true;
      this.stats.rendered++;
      return result;
    } catch (err) {
      work.catch(() => {});
      if (err instanceof RenderTimeout || /Timeout .*exceeded/i.test((err as Error).message)) {
        this.stats.timeouts++;
        throw new RenderTimeout(`page did not finish within ${this.opts.pageTimeoutMs} ms`);
      }
      if (slot.crashed || looksLikeCrash(err)) {
        this.stats.crashes++;
        throw new RenderCrash((err as Error).message.split('\n')[0]);
      }
      throw err;
    } finally {
      slot.prefetched = undefined;
      this.release(slot, healthy);
    }
  }

  /** Render with one retry on a fresh context (and a fresh browser if it died) after a crash. */
  async render(input: RenderInput): Promise<RenderResult> {
    try {
      return await this.renderOnce(input);
    } catch (err) {
      if (!(err instanceof RenderCrash) || this.closed) throw err;
      this.opts.logger.warn({ url: input.url, err: err.message }, 'renderer crashed; retrying on a fresh context');
      return this.renderOnce(input);
    }
  }

  /** Live Chromium contexts (for tests and stats). */
  get openContexts(): number {
    return this.live.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const s of this.idle.splice(0)) this.discard(s);
    const b = this.browser ?? (await this.launching?.catch(() => undefined));
    this.browser = undefined;
    if (b) await pTimeout(b.close().catch(() => {}), { milliseconds: 10_000, message: false });
  }
}

import robotsParserModule from 'robots-parser';
import PQueue from 'p-queue';
import type { SkipReason } from './types.js';

/**
 * Politeness steps: robots.txt, a per-host rate limit, 429/503 backoff, and trap guards.
 * Each is a small object or function with no I/O of its own, so tests drive it directly.
 */

// ---------------------------------------------------------------------------
// robots.txt

// robots-parser is CommonJS (`module.exports = fn`) while its types declare an ES default export.
type RobotsParserFn = (url: string, robotstxt: string) => {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
};
const robotsParser: RobotsParserFn =
  (robotsParserModule as unknown as { default?: RobotsParserFn }).default ?? (robotsParserModule as unknown as RobotsParserFn);

export interface RobotsRules {
  isAllowed(url: string): boolean;
  /** Crawl-delay for our agent in ms, if the site sets one. */
  crawlDelayMs?: number;
  sitemaps: string[];
}

/** The product token robots.txt groups are matched against ("Leakwatch/1.0 (+mailto:…)" → "Leakwatch"). */
export function robotsAgent(userAgent: string): string {
  return /^[^\s/]+/.exec(userAgent)?.[0] ?? 'Leakwatch';
}

export function parseRobots(robotsUrl: string, body: string | undefined, userAgent: string): RobotsRules {
  if (body === undefined) return { isAllowed: () => true, sitemaps: [] }; // no robots.txt (404) = everything allowed
  const robots = robotsParser(robotsUrl, body);
  const agent = robotsAgent(userAgent);
  const delay = robots.getCrawlDelay(agent);
  return {
    // robots-parser returns undefined for URLs of another origin; those are not ours to judge here.
    isAllowed: (url) => robots.isAllowed(url, agent) !== false,
    crawlDelayMs: typeof delay === 'number' && delay > 0 ? Math.min(delay, 60) * 1000 : undefined,
    sitemaps: robots.getSitemaps().flatMap((s) => {
      try {
        return [new URL(s, robotsUrl).toString()]; // "Sitemap: /sitemap.xml" is common, though the spec wants absolute URLs
      } catch {
        return [];
      }
    }),
  };
}

// ---------------------------------------------------------------------------
// Per-host rate limit and backoff

/** Retry-After as ms: delta-seconds or an HTTP date; bounded so a hostile header cannot park the sweep. */
export function parseRetryAfter(header: string | null | undefined, now = Date.now(), maxMs = 120_000): number | undefined {
  if (!header) return undefined;
  const v = header.trim();
  let ms: number | undefined;
  if (/^\d+(\.\d+)?$/.test(v)) ms = Number(v) * 1000;
  else {
    const t = Date.parse(v);
    if (!Number.isNaN(t)) ms = Math.max(0, t - now);
  }
  return ms === undefined ? undefined : Math.min(ms, maxMs);
}

/** Delay before retry `attempt` (1-based) after a 429/503: Retry-After when given, else exponential from 1 s. */
export function backoffDelayMs(attempt: number, retryAfter: string | null | undefined, now = Date.now()): number {
  const fromHeader = parseRetryAfter(retryAfter, now);
  if (fromHeader !== undefined) return fromHeader;
  return Math.min(30_000, 1000 * 2 ** (attempt - 1));
}

export function isBackoffStatus(status: number): boolean {
  return status === 429 || status === 503;
}

/**
 * One p-queue per host: at most `concurrency` requests in flight and at most one request
 * started per `interval` (1/rate, or the robots Crawl-delay when larger). A 429/503 pauses the
 * whole host for the Retry-After time, so every worker backs off, not only the one that was told.
 */
export class HostLimiter {
  private readonly queues = new Map<string, PQueue>();
  private readonly pausedUntil = new Map<string, number>();

  constructor(private readonly opts: { ratePerSecond: number; concurrency: number }) {}

  private intervalFor(crawlDelayMs?: number): number {
    const fromRate = this.opts.ratePerSecond > 0 ? Math.ceil(1000 / this.opts.ratePerSecond) : 0;
    return Math.max(fromRate, crawlDelayMs ?? 0);
  }

  queueFor(host: string, crawlDelayMs?: number): PQueue {
    let q = this.queues.get(host);
    if (!q) {
      const interval = this.intervalFor(crawlDelayMs);
      q = interval > 0
        ? new PQueue({ concurrency: this.opts.concurrency, intervalCap: 1, interval })
        : new PQueue({ concurrency: this.opts.concurrency });
      this.queues.set(host, q);
    }
    return q;
  }

  /** Set the Crawl-delay once robots.txt is known (before the first page request). */
  configureHost(host: string, crawlDelayMs?: number): void {
    if (!this.queues.has(host)) this.queueFor(host, crawlDelayMs);
  }

  /**
   * Runs `task` in the host's turn. Aborting `signal` rejects the calls still waiting for a turn
   * (with the signal's reason), so a caller awaiting one is never left hanging when the crawl stops.
   */
  run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.queueFor(host).add(async () => {
      const until = this.pausedUntil.get(host) ?? 0;
      const wait = until - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      return task();
    }, { signal }) as Promise<T>;
  }

  /** Hold every request to this host until `ms` from now. */
  pauseHost(host: string, ms: number): void {
    const until = Date.now() + ms;
    if (until > (this.pausedUntil.get(host) ?? 0)) this.pausedUntil.set(host, until);
  }
}

// ---------------------------------------------------------------------------
// Trap guards

export interface TrapGuardOptions {
  maxDepth: number;
  maxPages: number;
  /** Pages sharing one parent directory. */
  maxPagesPerPath: number;
  /** Distinct query strings on one path (faceted search, session ids). */
  maxQueryVariants: number;
  /** Distinct dates on one URL template (a calendar that pages forever). */
  maxCalendarVariants: number;
}

export const DEFAULT_TRAP_GUARD: Omit<TrapGuardOptions, 'maxPages'> = {
  maxDepth: 12,
  maxPagesPerPath: 400,
  maxQueryVariants: 25,
  maxCalendarVariants: 24,
};

const DATE_IN_URL = /(19|20)\d{2}([-/_.]?)(0[1-9]|1[0-2])(\2(0[1-9]|[12]\d|3[01]))?|\b(month|year|date|day|week)=\d/i;

/** The URL with every date-like part replaced: all pages of one calendar share a template. */
export function calendarTemplate(url: string): string | undefined {
  if (!DATE_IN_URL.test(url)) return undefined;
  return url
    .replace(/(19|20)\d{2}([-/_.]?)(0[1-9]|1[0-2])(\2(0[1-9]|[12]\d|3[01]))?/g, '<date>')
    .replace(/\b(month|year|date|day|week)=[^&]*/gi, '$1=<n>');
}

/**
 * Admission control for the frontier. `admit` is called once per new canonical URL, in
 * discovery order, and returns why the URL is refused (or undefined to admit it).
 */
export class TrapGuard {
  private admitted = 0;
  private readonly perPath = new Map<string, number>();
  private readonly queryVariants = new Map<string, number>();
  private readonly calendar = new Map<string, number>();

  constructor(private readonly opts: TrapGuardOptions) {}

  get admittedCount(): number {
    return this.admitted;
  }

  admit(url: string, depth: number): { reason: SkipReason; detail: string } | undefined {
    if (depth > this.opts.maxDepth) return { reason: 'cap-depth', detail: `depth ${depth} > ${this.opts.maxDepth}` };
    if (this.admitted >= this.opts.maxPages) return { reason: 'cap-pages', detail: `page cap ${this.opts.maxPages} reached` };
    const u = new URL(url);
    const dir = u.pathname.replace(/[^/]*\/?$/, '');
    const template = calendarTemplate(url);
    if (template) {
      const n = (this.calendar.get(template) ?? 0) + 1;
      if (n > this.opts.maxCalendarVariants) return { reason: 'trap', detail: `calendar: more than ${this.opts.maxCalendarVariants} dates on one URL pattern` };
      this.calendar.set(template, n);
    }
    if (u.search) {
      const key = u.origin + u.pathname;
      const n = (this.queryVariants.get(key) ?? 0) + 1;
      if (n > this.opts.maxQueryVariants) return { reason: 'trap', detail: `query explosion: more than ${this.opts.maxQueryVariants} query strings on ${u.pathname}` };
      this.queryVariants.set(key, n);
    }
    const pathKey = u.origin + dir;
    const n = (this.perPath.get(pathKey) ?? 0) + 1;
    if (n > this.opts.maxPagesPerPath) return { reason: 'cap-path', detail: `more than ${this.opts.maxPagesPerPath} pages under ${dir}` };
    this.perPath.set(pathKey, n);
    this.admitted++;
    return undefined;
  }
}

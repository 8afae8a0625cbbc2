/** Shared pieces of the reliability suite: loopback receivers, /proc inspection, small sweep drivers. */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { silentLogger, type Logger } from '../../core/logger.js';
import { runSweep, type SweepResult } from '../../sweep/index.js';
import type { CrawlEvent } from '../../crawler/index.js';
import type { LeakwatchStore } from '../../storage/index.js';

export const CHROMIUM = process.env.LEAKWATCH_CHROMIUM ?? '/usr/bin/chromium';

/** A loopback HTTP receiver that keeps every request (webhook, PagerDuty, Teams stand-ins). */
export interface Receiver {
  url: string;
  requests: { path: string; headers: IncomingHttpHeaders; body: string }[];
  /** Status to answer with; a function lets a test fail the first N requests. */
  respond: (n: number) => number;
  close(): Promise<void>;
}

export async function startReceiver(respond: (n: number) => number = () => 200): Promise<Receiver> {
  const r: Receiver = { url: '', requests: [], respond, close: async () => undefined };
  let n = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = r.respond(++n);
      if (status < 300) r.requests.push({ path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status < 300 ? '{"status":"success","message":"Event processed","dedup_key":"x"}' : '{"error":"try later"}');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  r.close = () => new Promise<void>((ok) => { server.close(() => ok()); server.closeAllConnections(); });
  return r;
}

/** pid → parent pid for every process we can read. */
function processTable(): Map<number, { ppid: number; cmd: string; rssKb: number }> {
  const out = new Map<number, { ppid: number; cmd: string; rssKb: number }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${d}/status`, 'utf8'));
      out.set(Number(d), { ppid, cmd, rssKb: rss ? Number(rss[1]) : 0 });
    } catch {
      // the process went away while we looked
    }
  }
  return out;
}

/** Descendants of `root` (not root itself) whose command line matches `re`. */
export function descendants(root: number, re: RegExp = /chrom/i): number[] {
  const table = processTable();
  const kids = new Map<number, number[]>();
  for (const [pid, p] of table) kids.set(p.ppid, [...(kids.get(p.ppid) ?? []), pid]);
  const out: number[] = [];
  const stack = [...(kids.get(root) ?? [])];
  while (stack.length) {
    const pid = stack.pop()!;
    if (re.test(table.get(pid)?.cmd ?? '')) out.push(pid);
    stack.push(...(kids.get(pid) ?? []));
  }
  return out;
}

/** Chromium processes started by this test process (other engineers' browsers are not counted). */
export const ownChromium = (): number[] => descendants(process.pid, /chrom/i);

export function killPids(pids: number[], signal: NodeJS.Signals = 'SIGKILL'): number {
  let n = 0;
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
      n++;
    } catch {
      // already gone
    }
  }
  return n;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 60_000, stepMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(stepMs);
  }
}

/** Crawl knobs for small, bounded sweeps on a 2-core machine shared with other Chromium tests. */
export function smallCrawl(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { chromiumPath: CHROMIUM, concurrency: 2, ratePerSecond: 50, maxPages: 40, pageTimeoutMs: 15_000, sweepTimeoutMs: 240_000, useSitemaps: false, maxBackoffRetries: 2, ...extra };
}

export interface SweepRecording { result: SweepResult; events: CrawlEvent[] }

/** runSweep with the events recorded; `crawl` is passed through (CrawlTuning fields included). */
export async function sweepRecorded(store: LeakwatchStore, target: string, startUrls: string[], crawl: Record<string, unknown> = smallCrawl(), logger: Logger = silentLogger, onEvent?: (e: CrawlEvent) => void): Promise<SweepRecording> {
  const events: CrawlEvent[] = [];
  const result = await runSweep({
    target, startUrls, mode: 'full', store, logger,
    crawl: crawl as never,
    onEvent: (e) => {
      events.push(e);
      onEvent?.(e);
    },
  });
  return { result, events };
}

/** The reason recorded for one URL: resource, error message or skip reason. */
export function outcomeFor(events: CrawlEvent[], url: string): string[] {
  const out: string[] = [];
  for (const e of events) {
    if (e.type === 'resource' && e.resource.url === url) out.push(`resource ${e.resource.status} blocks=${e.resource.blocks.length}`);
    else if (e.type === 'error' && e.url === url) out.push(`error ${e.status ?? ''} ${e.message}`.trim());
    else if (e.type === 'skipped' && e.url === url) out.push(`skipped ${e.reason}${e.detail ? ` (${e.detail})` : ''}`);
  }
  return out;
}

export function rssMb(): number {
  return Math.round((process.memoryUsage().rss / 1048576) * 10) / 10;
}

/** Least-squares slope of ys over xs. */
export function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den ? num / den : 0;
}

/** A real smtp-server on a given loopback port (0 = any), keeping each message's raw text. */
export async function startSmtpOn(port: number): Promise<{ port: number; messages: string[]; close(): Promise<void> }> {
  const { SMTPServer } = await import('smtp-server');
  const messages: string[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, _s, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => { messages.push(Buffer.concat(chunks).toString('utf8')); cb(); });
    },
  });
  await new Promise<void>((ok, fail) => { server.server.once('error', fail); server.listen(port, '127.0.0.1', () => ok()); });
  const bound = (server.server.address() as AddressInfo).port;
  return { port: bound, messages, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

/** Alert ids named in each e-mail's X-Leakwatch-Alert-Ids header. */
export function alertIdsInMail(raw: string): string[] {
  const m = /^X-Leakwatch-Alert-Ids:\s*((?:.*)(?:\r?\n[ \t].*)*)/im.exec(raw);
  return m ? m[1].replace(/\s+/g, ' ').trim().split(' ').filter(Boolean) : [];
}

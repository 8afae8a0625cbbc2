import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CrawlEvent, CrawlStateStore, FrontierEntry, PageState } from '../../crawler/types.js';

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;
export type Route = string | Buffer | { type: string; body: string | Buffer; headers?: Record<string, string> } | Handler;

export interface TestSite {
  origin: string;
  hits: Map<string, number>;
  log: { path: string; at: number; headers: IncomingMessage['headers'] }[];
  routes: Record<string, Route>;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1:0 serving a route table (mutable between crawls). */
export async function startSite(routes: Record<string, Route>): Promise<TestSite> {
  const hits = new Map<string, number>();
  const log: TestSite['log'] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local.invalid');
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    log.push({ path: url.pathname + url.search, at: Date.now(), headers: req.headers });
    const r = site.routes[url.pathname];
    try {
      if (r === undefined) {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<html><body><p>Not found</p></body></html>');
      } else if (typeof r === 'function') await r(req, res, url);
      else if (typeof r === 'string' || Buffer.isBuffer(r)) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(r);
      } else {
        res.writeHead(200, { 'content-type': r.type, ...(r.headers ?? {}) });
        res.end(r.body);
      }
    } catch (err) {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const site: TestSite = {
    origin,
    hits,
    log,
    routes,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
  return site;
}

export class MemoryState implements CrawlStateStore {
  pages = new Map<string, PageState>();
  frontier = new Map<string, { entry: FrontierEntry; outcome?: string }>();
  getPageState(url: string): PageState | undefined {
    return this.pages.get(url);
  }
  savePageState(state: PageState): void {
    this.pages.set(state.url, { ...state });
  }
  forgetPageContent(url: string): void {
    const s = this.pages.get(url);
    if (s) this.pages.set(url, { ...s, contentHash: null, etag: null, lastModified: null });
  }
  frontierPending(runId: number): FrontierEntry[] {
    return [...this.frontier.entries()].filter(([k, v]) => k.startsWith(`${runId} `) && !v.outcome).map(([, v]) => v.entry);
  }
  frontierPush(runId: number, entries: FrontierEntry[]): void {
    for (const e of entries) if (!this.frontier.has(`${runId} ${e.url}`)) this.frontier.set(`${runId} ${e.url}`, { entry: e });
  }
  frontierDone(runId: number, url: string, outcome: 'done' | 'error' | 'skipped'): void {
    const f = this.frontier.get(`${runId} ${url}`);
    if (f) f.outcome = outcome;
  }
}

export function collect() {
  const events: CrawlEvent[] = [];
  return {
    events,
    handler: (e: CrawlEvent) => void events.push(e),
    resources: () => events.flatMap((e) => (e.type === 'resource' ? [e] : [])),
    resource: (path: string) => events.flatMap((e) => (e.type === 'resource' && new URL(e.resource.url).pathname === path ? [e] : []))[0],
    skipped: () => events.flatMap((e) => (e.type === 'skipped' ? [e] : [])),
    errors: () => events.flatMap((e) => (e.type === 'error' ? [e] : [])),
  };
}

export const html = (body: string, head = ''): string => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>T</title>${head}</head><body>${body}</body></html>`;

/**
 * Leakwatch replica: a deterministic loopback copy of one force's police.uk pages
 * (Hertfordshire Constabulary) for the demo, tests and benchmarks. See README.md.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { buildModel, DEFAULT_SEED, FORCE_PREFIX, type Model } from './model.js';
import { parseScenario, makePlan, listScenarios as list, scenarioTruth as truth, hoodPath, type ScenarioTruth, type BaseScenario as Base } from './scenarios.js';
import { buildSite, calendarPage, searchPage, BASE_LM, type Site } from './site.js';
import { serveHostile, hostileDocument } from './hostile.js';

export type BaseScenario = Base;
export type { ScenarioTruth, HiddenItem, OffScopeLink, RedirectRule } from './scenarios.js';
export type { HostileItem, HostileExpect, RobotsChange } from './hostile.js';
export { HOSTILE_PREFIX, HOSTILE_DOC_PREFIX, PLANTED_MISLABELLED, PLANTED_BAD_UTF8, hostileDocument } from './hostile.js';

/**
 * Whole-site faults for unreachable-site tests: 'down' stops listening (connection refused) until the
 * mode changes, '5xx' answers every non-admin request with `status` (default 500), 'reset' resets every
 * non-admin connection. 'none' serves normally.
 */
export type SiteFault = 'none' | 'down' | '5xx' | 'reset';
export const SITE_FAULTS: readonly SiteFault[] = ['none', 'down', '5xx', 'reset'];

export interface ReplicaOptions {
  port?: number; // 0 = random
  host?: string; // default 127.0.0.1
  scenario?: string; // default 'clean'
  seed?: number;
}
export interface RunningReplica {
  origin: string; // http://127.0.0.1:PORT
  startUrl: string; // origin + '/pu/your-area/hertfordshire-constabulary/'
  scenario(): string;
  setScenario(name: string): void;
  /** Whole-site fault (see SiteFault); resolves once the listener is down or back up. */
  setFault(mode: SiteFault, opts?: { status?: number }): Promise<void>;
  fault(): SiteFault;
  close(): Promise<void>;
}

export function listScenarios(): { name: string; description: string }[] {
  return list();
}

export function scenarioTruth(name: string, seed?: number): ScenarioTruth {
  return truth(name, seed ?? DEFAULT_SEED);
}

interface Served { etag: string; lm: number }

const etagOf = (b: Buffer): string => `"${createHash('sha1').update(b).digest('base64url').slice(0, 22)}"`;
const httpDate = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toUTCString();

export async function startReplica(opts: ReplicaOptions = {}): Promise<RunningReplica> {
  const host = opts.host ?? '127.0.0.1';
  const seed = opts.seed ?? DEFAULT_SEED;
  const model: Model = buildModel(seed);
  let current = parseScenario(opts.scenario ?? 'clean');
  const sites = new Map<string, Promise<Site>>();
  const siteFor = (name: string): Promise<Site> => {
    let p = sites.get(name);
    if (!p) {
      // Bad documents (the 1 GB deflate bomb takes seconds) are built before the scenario goes live,
      // so the first request for one is answered at once.
      p = buildSite(model, makePlan(model, parseScenario(name))).then(async (site) => {
        await Promise.all(site.plan.hostile.items.map((i) => hostileDocument(i.url)).filter((d) => d !== undefined));
        return site;
      });
      sites.set(name, p);
    }
    return p;
  };
  // Per-path validators as served by this process: Last-Modified only moves forward and changes when content does.
  const served = new Map<string, Served>();
  let activeName = '';
  let activeSite: Site | undefined;
  let activation: Promise<Site> | undefined;
  let generation = 0;
  const activate = (name: string): Promise<Site> => {
    const my = ++generation;
    const p: Promise<Site> = siteFor(name).then((site) => {
      if (my !== generation) return activation!; // superseded by a later switch (a different promise)
      if (activeName === name && activeSite) return site;
      const now = Date.now();
      const first = served.size === 0;
      for (const [path, r] of site.resources) {
        const etag = etagOf(r.body);
        const prev = served.get(path);
        if (!prev) served.set(path, { etag, lm: first ? r.since : Math.max(r.since, Math.floor(now / 1000) * 1000) });
        else if (prev.etag !== etag) served.set(path, { etag, lm: Math.max(Math.floor(now / 1000) * 1000, prev.lm + 1000) });
      }
      activeName = name;
      activeSite = site;
      throttledSeen.clear();
      servedSinceSwitch = 0;
      return site;
    });
    activation = p;
    return p;
  };
  const throttledSeen = new Set<string>();
  let servedSinceSwitch = 0;
  let fault: SiteFault = 'none';
  let faultStatus = 500;
  const stats = { total: 0, byStatus: {} as Record<string, number>, byPath: {} as Record<string, number> };

  await activate(current.name);

  const send = (req: IncomingMessage, res: ServerResponse, status: number, type: string, body: Buffer | string, headers: Record<string, string> = {}): void => {
    const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': String(b.length), ...headers });
    res.end(req.method === 'HEAD' ? undefined : b);
  };
  const conditional = (req: IncomingMessage, res: ServerResponse, type: string, body: Buffer, etag: string, lm: number, extra: Record<string, string> = {}): void => {
    const h = { ETag: etag, 'Last-Modified': httpDate(lm), 'Cache-Control': 'no-cache', ...extra };
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    let notModified = false;
    if (inm) notModified = inm.split(',').map((s) => s.trim().replace(/^W\//, '')).some((t) => t === etag || t === '*');
    else if (ims) {
      const t = Date.parse(ims);
      notModified = !Number.isNaN(t) && Math.floor(lm / 1000) <= Math.floor(t / 1000);
    }
    if (notModified) {
      res.writeHead(304, h);
      res.end();
      return;
    }
    send(req, res, 200, type, body, h);
  };

  let origin = '';
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://replica.invalid');
    const path = url.pathname;
    const count = (status: number): void => {
      if (path.startsWith('/__admin/')) return;
      stats.total++;
      stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
      stats.byPath[path] = (stats.byPath[path] ?? 0) + 1;
      servedSinceSwitch++;
    };

    // ---- admin
    if (path.startsWith('/__admin/')) {
      if (path === '/__admin/scenario') {
        if (req.method === 'POST') {
          const chunks: Buffer[] = [];
          for await (const c of req) chunks.push(c as Buffer);
          let name: unknown;
          try {
            name = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}').scenario;
          } catch {
            return send(req, res, 400, 'application/json', JSON.stringify({ error: 'body must be JSON {"scenario": "<name>"}' }));
          }
          try {
            api.setScenario(String(name));
          } catch (e) {
            return send(req, res, 400, 'application/json', JSON.stringify({ error: (e as Error).message, scenarios: listScenarios().map((s) => s.name) }));
          }
          await activation;
          return send(req, res, 200, 'application/json', JSON.stringify({ scenario: current.name }));
        }
        return send(req, res, 200, 'application/json', JSON.stringify({ scenario: current.name, scenarios: listScenarios() }));
      }
      if (path === '/__admin/requests') {
        if (req.method === 'DELETE' || req.method === 'POST') {
          stats.total = 0;
          stats.byStatus = {};
          stats.byPath = {};
        }
        return send(req, res, 200, 'application/json', JSON.stringify({ count: stats.total, byStatus: stats.byStatus, byPath: stats.byPath }));
      }
      if (path === '/__admin/fault') {
        if (req.method === 'POST') {
          const chunks: Buffer[] = [];
          for await (const c of req) chunks.push(c as Buffer);
          let body: { mode?: unknown; status?: unknown; forMs?: unknown };
          try {
            body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
          } catch {
            return send(req, res, 400, 'application/json', JSON.stringify({ error: 'body must be JSON {"mode": "down"|"5xx"|"reset"|"none"}' }));
          }
          const mode = String(body.mode) as SiteFault;
          if (!SITE_FAULTS.includes(mode)) return send(req, res, 400, 'application/json', JSON.stringify({ error: `unknown fault mode '${String(body.mode)}'; use one of ${SITE_FAULTS.join(', ')}` }));
          const status = typeof body.status === 'number' && body.status >= 500 && body.status <= 599 ? body.status : 500;
          const forMs = typeof body.forMs === 'number' && body.forMs > 0 ? body.forMs : undefined;
          if (mode === 'down') {
            // Answer first, then stop listening; only forMs (or the in-process API) brings the site back.
            res.once('finish', () => {
              void api.setFault('down').then(() => {
                if (forMs) setTimeout(() => void api.setFault('none'), forMs).unref();
              });
            });
            return send(req, res, 200, 'application/json', JSON.stringify({ mode, forMs: forMs ?? null }));
          }
          await api.setFault(mode, { status });
          if (forMs) setTimeout(() => void api.setFault('none'), forMs).unref();
          return send(req, res, 200, 'application/json', JSON.stringify({ mode, status: mode === '5xx' ? status : undefined, forMs: forMs ?? null }));
        }
        return send(req, res, 200, 'application/json', JSON.stringify({ mode: fault }));
      }
      if (path === '/__admin/truth') return send(req, res, 200, 'application/json', JSON.stringify(scenarioTruth(current.name, seed)));
      return send(req, res, 404, 'application/json', JSON.stringify({ error: 'unknown admin endpoint' }));
    }

    if (fault === 'reset') {
      count(0);
      req.socket.resetAndDestroy();
      return;
    }
    if (fault === '5xx') {
      count(faultStatus);
      return send(req, res, faultStatus, 'text/html; charset=utf-8', `<html><body><h1>${faultStatus} Service unavailable</h1></body></html>`);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      count(405);
      return send(req, res, 405, 'text/plain; charset=utf-8', 'Method Not Allowed', { Allow: 'GET, HEAD' });
    }
    const site = await activation!;
    const plan = site.plan;

    // ---- throttle: first request per path answers 429
    if (plan.throttled.includes(path) && !throttledSeen.has(path)) {
      throttledSeen.add(path);
      count(429);
      return send(req, res, 429, 'text/plain; charset=utf-8', 'Too Many Requests', { 'Retry-After': '1' });
    }
    // ---- redirects (off-scope)
    const redir = plan.redirects.find((r) => r.from === path);
    if (redir) {
      count(redir.status);
      return send(req, res, redir.status, 'text/plain; charset=utf-8', `Redirecting to ${redir.location}`, { Location: redir.location });
    }
    // ---- robots, sitemaps
    if (path === '/robots.txt') {
      const rc = plan.hostile.robotsChange;
      const late = rc && servedSinceSwitch >= rc.afterRequests ? `Disallow: ${rc.disallow}\n` : '';
      const body = Buffer.from(`# police.uk replica\nUser-agent: *\nDisallow: /__admin/\nDisallow: /pu/your-area/find-a-neighbourhood/\n${late}Allow: /\n\nSitemap: ${origin}/sitemap.xml\n`);
      count(200);
      return conditional(req, res, 'text/plain; charset=utf-8', body, etagOf(body), BASE_LM);
    }
    const lmOf = (p: string): number => served.get(p)?.lm ?? BASE_LM;
    const iso = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', '+00:00');
    const groups = ['force', 'neighbourhoods-1', 'neighbourhoods-2', 'news', 'site'] as const;
    if (path === '/sitemap.xml') {
      const parts = groups.map((g) => {
        const lm = Math.max(...site.sitemap.filter((e) => e.group === g).map((e) => lmOf(e.path)));
        return { loc: `${origin}/sitemaps/${g}.xml`, lm };
      });
      const body = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${parts.map((p) => `  <sitemap>\n    <loc>${p.loc}</loc>\n    <lastmod>${iso(p.lm)}</lastmod>\n  </sitemap>`).join('\n')}\n</sitemapindex>\n`);
      count(200);
      return conditional(req, res, 'application/xml; charset=utf-8', body, etagOf(body), Math.max(...parts.map((p) => p.lm)));
    }
    const sm = /^\/sitemaps\/([a-z0-9-]+)\.xml$/.exec(path);
    if (sm && (groups as readonly string[]).includes(sm[1])) {
      const entries = site.sitemap.filter((e) => e.group === sm[1]);
      const body = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.map((e) => `  <url>\n    <loc>${origin}${e.path}</loc>\n    <lastmod>${iso(lmOf(e.path))}</lastmod>\n  </url>`).join('\n')}\n</urlset>\n`);
      count(200);
      return conditional(req, res, 'application/xml; charset=utf-8', body, etagOf(body), Math.max(...entries.map((e) => lmOf(e.path))));
    }
    // ---- calendar trap
    const calHood = plan.calendarHoods.find((h) => path === hoodPath(h, 'events/calendar/'));
    if (calHood) {
      const body = Buffer.from(calendarPage(calHood, url.searchParams));
      count(200);
      return conditional(req, res, 'text/html; charset=utf-8', body, etagOf(body), BASE_LM);
    }
    // ---- neighbourhood search (a form target; disallowed in robots.txt, like the real search)
    if (path === '/pu/your-area/find-a-neighbourhood/') {
      const body = Buffer.from(searchPage(model, url.searchParams.get('q') ?? ''));
      count(200);
      return conditional(req, res, 'text/html; charset=utf-8', body, etagOf(body), BASE_LM);
    }
    // ---- hostile add-ons (streamed, dynamic)
    const hostileStatus = await serveHostile(plan.hostile, path, req, res, (status, type, body, headers) => send(req, res, status, type, body, headers));
    if (hostileStatus !== undefined) return count(hostileStatus);
    // ---- static resources
    const r = site.resources.get(path);
    if (r) {
      if (r.delayMs) await new Promise((ok) => setTimeout(ok, r.delayMs));
      const v = served.get(path) ?? { etag: etagOf(r.body), lm: r.since };
      count(200);
      return conditional(req, res, r.type, r.body, v.etag, v.lm);
    }
    if (!path.endsWith('/') && site.resources.get(path + '/')?.type.startsWith('text/html')) {
      count(301);
      return send(req, res, 301, 'text/plain; charset=utf-8', 'Moved Permanently', { Location: path + '/' + url.search });
    }
    count(404);
    const nf = site.resources.get('/')!.body.toString('utf8').replace(/<main id="main-content" class="main">[\s\S]*<\/main>/, '<main id="main-content" class="main">\n<h1>Page not found</h1>\n<p>If you typed the web address, check it is correct.</p>\n</main>').replace('<title>police.uk | police.uk</title>', '<title>Page not found | police.uk</title>');
    return send(req, res, 404, 'text/html; charset=utf-8', nf);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) send(req, res, 500, 'text/plain; charset=utf-8', `replica error: ${(e as Error).message}`);
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let listening = true;
  const stopListening = (): Promise<void> =>
    new Promise<void>((ok) => {
      if (!listening) return ok();
      listening = false;
      server.close(() => ok());
      server.closeAllConnections();
    });
  const startListening = (): Promise<void> =>
    new Promise<void>((ok, fail) => {
      if (listening) return ok();
      server.once('error', fail);
      server.listen(port, host, () => {
        server.off('error', fail);
        listening = true;
        ok();
      });
    });
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const api: RunningReplica = {
    origin,
    startUrl: origin + FORCE_PREFIX,
    scenario: () => current.name,
    setScenario(name: string): void {
      const parsed = parseScenario(name); // throws with the valid names
      current = parsed;
      void activate(parsed.name).catch(() => undefined);
    },
    fault: () => fault,
    async setFault(mode: SiteFault, o: { status?: number } = {}): Promise<void> {
      if (!SITE_FAULTS.includes(mode)) throw new Error(`unknown fault mode '${mode}'; use one of ${SITE_FAULTS.join(', ')}`);
      fault = mode;
      faultStatus = o.status ?? 500;
      if (mode === 'down') await stopListening();
      else await startListening(); // '5xx' and 'reset' are checked per request, keep-alive or not
    },
    close: () => stopListening(),
  };
  return api;
}

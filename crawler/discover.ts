import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { XMLParser } from 'fast-xml-parser';
import type { SkipReason } from './types.js';

/**
 * Discovery steps: canonical URLs, scope, the SSRF guard, sitemaps and pagination.
 * Every function here is plain and synchronous where it can be, so each is testable alone.
 */

/** Query parameters that only track a visit; dropping them stops one page counting as many. */
const TRACKING_PARAMS = new Set([
  'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'utm_id', 'utm_name',
  'gclid', 'fbclid', 'dclid', 'msclkid', 'mc_cid', 'mc_eid', '_ga', '_gl', 'yclid', 'igshid', 'ref_src',
  'sessionid', 'session_id', 'phpsessid', 'jsessionid', 'sid',
]);

/** File extensions whose path case we must keep (servers are often case-sensitive for files). */
const DOCUMENT_EXT = /\.(pdf|docx?|xlsx?|ods|odt|csv|txt|json|xml)$/i;

/**
 * One spelling per page: no fragment, no tracking parameters, sorted query, lower-case host,
 * default port dropped, directory-style paths end in "/", duplicate slashes collapsed.
 * Path case is lowered for page paths (police.uk paths are lower-case slugs), kept for documents.
 * Returns undefined for anything that is not an absolute http(s) URL.
 */
export function canonicalizeUrl(raw: string, base?: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  url.username = '';
  url.password = '';
  url.hostname = url.hostname.toLowerCase().replace(/\.$/, '');
  let path = url.pathname.replace(/\/{2,}/g, '/');
  const last = path.split('/').pop() ?? '';
  const isFile = last.includes('.');
  if (!isFile && !path.endsWith('/')) path += '/';
  if (!DOCUMENT_EXT.test(path)) path = path.toLowerCase();
  url.pathname = path;
  const params = [...url.searchParams.entries()]
    .filter(([k]) => !TRACKING_PARAMS.has(k.toLowerCase()))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  url.search = '';
  for (const [k, v] of params) url.searchParams.append(k, v);
  return url.toString();
}

export interface Scope {
  /** Origins + path prefixes the crawl may visit. */
  prefixes: { origin: string; path: string }[];
  /** True when a start URL is itself on a loopback/private address: then such addresses are allowed. */
  allowPrivate: boolean;
}

export function buildScope(startUrls: string[]): Scope {
  const prefixes: Scope['prefixes'] = [];
  let allowPrivate = false;
  for (const s of startUrls) {
    const c = canonicalizeUrl(s);
    if (!c) continue;
    const u = new URL(c);
    // The prefix is the start URL's directory: /pu/your-area/force/ covers every page under it.
    const path = u.pathname.endsWith('/') ? u.pathname : u.pathname.slice(0, u.pathname.lastIndexOf('/') + 1);
    prefixes.push({ origin: u.origin, path });
    if (isPrivateHostLiteral(u.hostname)) allowPrivate = true;
  }
  return { prefixes, allowPrivate };
}

/** Why a URL is outside the crawl, or undefined when it is inside. Checks scheme, origin and prefix; not DNS. */
export function scopeCheck(rawUrl: string, scope: Scope): SkipReason | undefined {
  let u: URL;
  try {
    u = new URL(rawUrl);
  } catch {
    return 'scheme';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'scheme';
  if (!scope.allowPrivate && isPrivateHostLiteral(u.hostname)) return 'private-address';
  const path = u.pathname.toLowerCase();
  const inside = scope.prefixes.some((p) => p.origin === u.origin && path.startsWith(p.path.toLowerCase()));
  return inside ? undefined : 'scope';
}

/** robots.txt and sitemaps sit at the origin root, outside the path prefix, but belong to the site. */
export function isSameOriginAsScope(rawUrl: string, scope: Scope): boolean {
  try {
    const o = new URL(rawUrl).origin;
    return scope.prefixes.some((p) => p.origin === o);
  } catch {
    return false;
  }
}

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** Ranges a crawler must never be steered into (SSRF): everything but ordinary public unicast. */
export function isPrivateAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return false;
  let addr = ipaddr.parse(ip);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
  return addr.range() !== 'unicast';
}

/** Literal check without DNS: an IP literal in a private range, or "localhost". */
export function isPrivateHostLiteral(hostname: string): boolean {
  const h = unbracket(hostname.toLowerCase());
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h)) return isPrivateAddress(h);
  // Decimal/hex/octal IPv4 spellings ("2130706433", "0x7f.1") are parsed by URL into dotted form already.
  return false;
}

/** DNS check: does the host resolve to any private/loopback/link-local address? (guards DNS rebinding to internal hosts) */
export async function resolvesToPrivate(hostname: string): Promise<boolean> {
  const h = unbracket(hostname.toLowerCase());
  if (isPrivateHostLiteral(h)) return true;
  if (isIP(h)) return false;
  try {
    const addrs = await lookup(h, { all: true, verbatim: true });
    return addrs.some((a) => isPrivateAddress(a.address));
  } catch {
    return false; // unresolvable: the fetch itself will fail and be reported
  }
}

// ---------------------------------------------------------------------------
// Sitemaps

export interface SitemapEntry {
  url: string;
  lastmod?: string;
}

export interface ParsedSitemap {
  /** Page URLs (from a <urlset>). */
  urls: SitemapEntry[];
  /** Child sitemaps (from a <sitemapindex>). */
  sitemaps: string[];
}

const sitemapParser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, isArray: (name) => name === 'url' || name === 'sitemap' });

export function parseSitemap(xml: string): ParsedSitemap {
  let doc: any;
  try {
    doc = sitemapParser.parse(xml);
  } catch {
    return { urls: [], sitemaps: [] };
  }
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : undefined);
  const urls: SitemapEntry[] = [];
  for (const u of doc?.urlset?.url ?? []) {
    const loc = text(u?.loc);
    if (loc) urls.push({ url: loc, lastmod: text(u?.lastmod) });
  }
  const sitemaps: string[] = [];
  for (const s of doc?.sitemapindex?.sitemap ?? []) {
    const loc = text(s?.loc);
    if (loc) sitemaps.push(loc);
  }
  return { urls, sitemaps };
}

/** "Sitemap:" lines of a robots.txt (robots-parser exposes these too; this works without a parse). */
export function sitemapsFromRobots(robotsTxt: string, robotsUrl: string): string[] {
  const out: string[] = [];
  for (const line of robotsTxt.split(/\r?\n/)) {
    const m = /^\s*sitemap\s*:\s*(\S+)/i.exec(line);
    if (m) {
      try {
        out.push(new URL(m[1], robotsUrl).toString());
      } catch {
        /* ignore a malformed line */
      }
    }
  }
  return out;
}

/**
 * Priority from sitemap lastmod: recently changed pages first. 0..100; undefined lastmod → 10.
 * Changed today → 100, a week ago → ~75, a year ago → ~0.
 */
export function priorityFromLastmod(lastmod: string | undefined, now = Date.now()): number {
  if (!lastmod) return 10;
  const t = Date.parse(lastmod);
  if (Number.isNaN(t)) return 10;
  const days = Math.max(0, (now - t) / 86_400_000);
  return Math.max(0, Math.round(100 - 35 * Math.log10(1 + days)));
}

// ---------------------------------------------------------------------------
// Pagination and section priority

/** Links that continue a list: rel=next, "Next", "Older", "page=N". Followed even past the depth cap by one. */
export function isPaginationLink(href: string, text: string, rel?: string | null): boolean {
  if (rel && /\bnext\b/i.test(rel)) return true;
  if (/^\s*(next|older|more)\b|›|»|→/i.test(text)) return true;
  try {
    const u = new URL(href);
    if ([...u.searchParams.keys()].some((k) => /^(page|p|pg|offset|start)$/i.test(k))) return true;
    return /\/page\/\d+\/?$/.test(u.pathname);
  } catch {
    return false;
  }
}

/** Sections where leaks appear and change most; a hot sweep visits only these (plus start pages and fresh lastmods). */
const HOT_SECTION = /\/(priorities|news|events)(\/|$)/i;

export function isHotUrl(url: string): boolean {
  try {
    return HOT_SECTION.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** Frontier priority: hot sections and documents ahead of the rest, sitemap freshness on top. */
export function urlPriority(url: string, lastmod?: string): number {
  let p = lastmod ? priorityFromLastmod(lastmod) : 10;
  if (isHotUrl(url)) p += 50;
  return p;
}

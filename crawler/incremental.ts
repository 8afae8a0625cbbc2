import { createHash } from 'node:crypto';

/**
 * What makes a rendered page "the same as last time": its HTML and the fetch/XHR bodies it
 * pulled in (client-rendered priorities change in the JSON, not the HTML shell). The crawler
 * keeps this in PageState.contentHash as "<sha256 of html>" or, when the page has dependencies,
 * "<sha256 of html>~<base64url JSON {x:[[url, sha256]], l:[links only JavaScript inserted], r:renderedAt, i:inertAt}>",
 * so a no-change sweep can prove a page unchanged with plain HTTP and still discover its links.
 */

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface PageFingerprint {
  htmlHash: string;
  /** fetch/XHR dependencies: URL and body hash. */
  deps: [string, string][];
  /** Links present only after rendering (inserted by JavaScript). */
  jsLinks: string[];
  /** When the page was last rendered (epoch ms); validators on dynamic pages can't be trusted forever. */
  renderedAt?: number;
  /** When the page was last read from markup because its scripts were seen to add nothing (epoch ms). */
  inertAt?: number;
}

const MAX_JS_LINKS = 400;

export function encodeFingerprint(fp: PageFingerprint): string {
  const extra = Buffer.from(JSON.stringify({ x: fp.deps, l: fp.jsLinks.slice(0, MAX_JS_LINKS), r: fp.renderedAt, i: fp.inertAt })).toString('base64url');
  return `${fp.htmlHash}~${extra}`;
}

export function decodeFingerprint(stored: string | null | undefined): PageFingerprint | undefined {
  if (!stored) return undefined;
  const [htmlHash, extra] = stored.split('~', 2);
  if (!/^[0-9a-f]{64}$/.test(htmlHash)) return undefined;
  if (!extra) return { htmlHash, deps: [], jsLinks: [] };
  try {
    const parsed = JSON.parse(Buffer.from(extra, 'base64url').toString('utf8')) as { x?: [string, string][]; l?: string[]; r?: number; i?: number };
    return { htmlHash, deps: Array.isArray(parsed.x) ? parsed.x : [], jsLinks: Array.isArray(parsed.l) ? parsed.l : [], renderedAt: typeof parsed.r === 'number' ? parsed.r : undefined, inertAt: typeof parsed.i === 'number' ? parsed.i : undefined };
  } catch {
    return { htmlHash, deps: [], jsLinks: [] };
  }
}

import { FetchError } from '../core/errors.js';
import type { SkipReason } from './types.js';

/**
 * Plain HTTP fetch for pages (validators, hash, and the body handed to the renderer) and documents.
 * Redirects are followed by hand so every hop passes the scope and SSRF checks.
 */

export interface HttpResult {
  /** Final URL after in-scope redirects. */
  url: string;
  status: number;
  headers: Headers;
  contentType: string;
  body: Buffer;
}

export interface HttpFetchOptions {
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects?: number;
  /** Conditional-GET validators from the last visit. */
  etag?: string | null;
  lastModified?: string | null;
  /** Returns why a redirect target may not be followed (scope, scheme, private address), or undefined. */
  checkRedirect?: (url: string) => Promise<SkipReason | undefined> | SkipReason | undefined;
  signal?: AbortSignal;
}

/** Thrown when a redirect leads out of scope: the crawl records a skip, not an error. */
export class RedirectRefused extends Error {
  constructor(readonly target: string, readonly reason: SkipReason) {
    super(`redirect to ${target} refused (${reason})`);
  }
}

/** Thrown when the body passes the byte cap: recorded as skipped ('too-large'). */
export class TooLarge extends Error {
  constructor(readonly limit: number) {
    super(`larger than ${limit} bytes`);
  }
}

async function readCapped(res: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw new TooLarge(maxBytes);
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      throw new TooLarge(maxBytes);
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks, total);
}

const STALE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

export async function httpFetch(startUrl: string, opts: HttpFetchOptions): Promise<HttpResult> {
  let url = startUrl;
  const maxRedirects = opts.maxRedirects ?? 5;
  for (let hop = 0; ; hop++) {
    const headers: Record<string, string> = {
      'user-agent': opts.userAgent,
      accept: 'text/html,application/xhtml+xml,application/pdf,application/vnd.openxmlformats-officedocument.*,*/*;q=0.8',
      'accept-language': 'en-GB,en;q=0.8',
    };
    if (hop === 0 && opts.etag) headers['if-none-match'] = opts.etag;
    if (hop === 0 && opts.lastModified) headers['if-modified-since'] = opts.lastModified;
    const timeout = AbortSignal.timeout(opts.timeoutMs);
    const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
    let res: Response | undefined;
    for (let attempt = 1; !res; attempt++) {
      try {
        res = await fetch(url, { headers, redirect: 'manual', signal });
      } catch (err) {
        const cause = (err as { cause?: { code?: string } }).cause;
        // A kept-alive socket the server has just closed fails the first write: one retry of a GET is safe.
        if (attempt === 1 && !signal.aborted && STALE_SOCKET_CODES.has(cause?.code ?? '')) continue;
        const why = timeout.aborted ? `no response within ${opts.timeoutMs} ms` : cause?.code ?? (err as Error).message;
        throw new FetchError(url, `request failed: ${why}`, 'check the site is up and reachable from this machine', { cause: err });
      }
    }
    if (res.status >= 300 && res.status < 400 && res.status !== 304 && res.headers.get('location')) {
      await res.body?.cancel().catch(() => {});
      if (hop >= maxRedirects) throw new FetchError(url, `more than ${maxRedirects} redirects`, 'the site has a redirect loop');
      const target = new URL(res.headers.get('location')!, url).toString();
      const refused = await opts.checkRedirect?.(target);
      if (refused) throw new RedirectRefused(target, refused);
      url = target;
      continue;
    }
    try {
      const body = res.status === 304 ? Buffer.alloc(0) : await readCapped(res, opts.maxBytes);
      return { url, status: res.status, headers: res.headers, contentType: res.headers.get('content-type') ?? '', body };
    } catch (err) {
      if (err instanceof TooLarge) throw err;
      const why = timeout.aborted ? `body not received within ${opts.timeoutMs} ms` : (err as Error).message;
      throw new FetchError(url, `reading the response failed: ${why}`, 'retry later; the connection was cut');
    }
  }
}

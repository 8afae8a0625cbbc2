import PQueue from 'p-queue';
import { ConfigError, DocumentRejectedError, FetchError, describeError } from '../core/errors.js';
import type { ExtractedResource, TextBlock } from '../core/types.js';
import {
  buildScope, canonicalizeUrl, isHotUrl, isSameOriginAsScope, isPaginationLink, isPrivateHostLiteral, parseSitemap, priorityFromLastmod,
  resolvesToPrivate, scopeCheck, urlPriority, type Scope,
} from './discover.js';
import { DOCUMENT_EXTENSIONS, UNSUPPORTED_EXTENSIONS, extractDocument, guessDocumentType } from './documents/index.js';
import { decodeText } from './documents/text.js';
import { httpFetch, RedirectRefused, TooLarge, type HttpResult } from './fetch.js';
import { decodeFingerprint, encodeFingerprint, sha256 } from './incremental.js';
import { backoffDelayMs, DEFAULT_TRAP_GUARD, HostLimiter, isBackoffStatus, parseRobots, TrapGuard, type RobotsRules } from './politeness.js';
import { Renderer, RenderCrash, RenderTimeout } from './render.js';
import { extractStaticLinks, hasExecutableScript, staticHtmlBlocks } from './static-extract.js';
import { compareRenderToMarkup, DEFAULT_RENDER_NEED, RenderNeedLearner, scriptSignature, type RenderNeedOptions } from './render-need.js';
import { countElements, linearTextBlocks } from './html-text.js';
import type { CrawlEvent, CrawlEventHandler, CrawlOptions, CrawlSummary, FrontierEntry, PageState, RenderPolicy, SkipReason } from './types.js';

/** Tuning beyond the CrawlOptions contract; every field has a default. */
export interface CrawlTuning {
  maxDepth: number;
  maxPagesPerPath: number;
  maxQueryVariants: number;
  maxCalendarVariants: number;
  maxDocumentBytes: number;
  maxHtmlBytes: number;
  /** Pages with more elements than this are read as plain text in one linear pass, not parsed or rendered. */
  maxDomElements: number;
  /**
   * 'learn' (default) renders pages with script until their exact scripts have been seen to add
   * nothing (see render-need.ts), then reads such pages from markup with spot checks;
   * 'scripted' renders every page that carries executable script; 'always' renders every page.
   */
  renderPolicy: RenderPolicy;
  /**
   * Pages rendered at once (at most `concurrency`). Each costs a Chromium context and its renderer
   * process (~150–200 MB RSS); with most pages read from markup, two keep up with four fetchers.
   */
  renderConcurrency: number;
  /** For 'learn': renders that must show nothing new, and how often inert pages are re-checked. */
  renderNeed: RenderNeedOptions;
  /** Longest wait for fetch/XHR to settle after DOMContentLoaded. */
  settleCapMs: number;
  /** robots.txt is read again once this old, mid-sweep included; a URL is checked when queued and again before it is fetched. */
  robotsMaxAgeMs: number;
  /** Read robots.txt Sitemap: lines and /sitemap.xml. */
  useSitemaps: boolean;
  /** Retries of a 429/503 answer before giving up on the URL. */
  maxBackoffRetries: number;
  /** Recycle a browser context after this many pages. */
  recycleContextAfter: number;
  /** In a hot sweep, sitemap pages changed within this many days are re-checked too. */
  hotLastmodDays: number;
  /** Re-render a page whose HTML and data look unchanged once its last render is this old. */
  rerenderAfterHours: number;
}

export const DEFAULT_CRAWL_TUNING: CrawlTuning = {
  maxDepth: DEFAULT_TRAP_GUARD.maxDepth,
  maxPagesPerPath: DEFAULT_TRAP_GUARD.maxPagesPerPath,
  maxQueryVariants: DEFAULT_TRAP_GUARD.maxQueryVariants,
  maxCalendarVariants: DEFAULT_TRAP_GUARD.maxCalendarVariants,
  maxDocumentBytes: 50 * 1024 * 1024,
  maxHtmlBytes: 10 * 1024 * 1024,
  maxDomElements: 150_000,
  renderPolicy: 'learn',
  renderConcurrency: 2,
  renderNeed: DEFAULT_RENDER_NEED,
  settleCapMs: 5000,
  robotsMaxAgeMs: 5 * 60_000,
  useSitemaps: true,
  maxBackoffRetries: 4,
  recycleContextAfter: 50,
  hotLastmodDays: 7,
  rerenderAfterHours: 24,
};

export const DEFAULT_CRAWL_OPTIONS: Omit<CrawlOptions, 'startUrls' | 'logger'> = {
  mode: 'full',
  maxPages: 5000,
  concurrency: 4,
  ratePerSecond: 5,
  // The CLI/config replaces the contact with the force's IG team address.
  userAgent: 'Leakwatch/0.1 (personal-data leak monitor; +mailto:ig-team@example.invalid)',
  pageTimeoutMs: 30_000,
  sweepTimeoutMs: 60 * 60 * 1000,
};

export type CrawlInput = CrawlOptions & Partial<CrawlTuning>;

interface Task extends FrontierEntry {
  lastmod?: string;
  /** Set when a page read from markup must be rendered after all (its scripts turned out to add content). */
  forceRender?: boolean;
}

export async function crawl(options: CrawlInput, onEvent: CrawlEventHandler): Promise<CrawlSummary> {
  const opts = { ...DEFAULT_CRAWL_OPTIONS, ...DEFAULT_CRAWL_TUNING, ...stripUndefined(options) } as CrawlOptions & CrawlTuning;
  const log = opts.logger.child({ component: 'crawler', runId: opts.runId });
  const started = Date.now();
  const summary: CrawlSummary = { pages: 0, documents: 0, errors: 0, unchanged: 0, skipped: {}, durationMs: 0, complete: true };
  const scope = buildScope(opts.startUrls);
  if (!scope.prefixes.length) throw new ConfigError('no valid http(s) start URL given', 'pass start URLs such as https://www.police.uk/pu/your-area/<force>/');
  const startSet = new Set(opts.startUrls.map((u) => canonicalizeUrl(u)).filter((u): u is string => !!u));
  const startHosts = new Set(scope.prefixes.map((p) => new URL(p.origin).hostname));
  const state = opts.state;
  const runId = opts.runId;

  // Stop: the watchdog or the caller's signal. In-flight pages finish; nothing new starts.
  const stop = new AbortController();
  const halt = (why: string) => {
    if (stop.signal.aborted) return;
    log.warn({ why }, 'crawl stopping before the frontier is empty');
    summary.complete = false;
    stop.abort(new Error(why));
    // Queued visits are dropped (their frontier rows stay pending for the resume). Fetches waiting for a
    // host's turn are not cleared but rejected by stop.signal: a visit in flight awaits them.
    work.clear();
  };

  /** Hands an event to the handler; false when the handler failed (a resource it could not take is not remembered as seen). */
  const emit = async (ev: CrawlEvent): Promise<boolean> => {
    if (ev.type === 'skipped') summary.skipped[ev.reason] = (summary.skipped[ev.reason] ?? 0) + 1;
    else if (ev.type === 'error') summary.errors++;
    else if (!ev.rerendered) {
      if (ev.resource.kind === 'document') summary.documents++;
      else summary.pages++;
      if (ev.unchanged) summary.unchanged++;
    }
    try {
      await onEvent(ev);
      return true;
    } catch (err) {
      log.error({ url: ev.type === 'resource' ? ev.resource.url : ev.url, err: describeError(err).split('\n')[0] }, 'crawl event handler failed; continuing');
      return false;
    }
  };

  const limiter = new HostLimiter({ ratePerSecond: opts.ratePerSecond, concurrency: opts.concurrency });
  const work = new PQueue({ concurrency: opts.concurrency });
  const guard = new TrapGuard({
    maxDepth: opts.maxDepth, maxPages: opts.maxPages, maxPagesPerPath: opts.maxPagesPerPath,
    maxQueryVariants: opts.maxQueryVariants, maxCalendarVariants: opts.maxCalendarVariants,
  });
  const seen = new Set<string>();
  const robots = new Map<string, { loaded: Promise<{ rules: RobotsRules; body?: string }>; fetchedAt: number }>();
  const watchdog = setTimeout(() => halt(`sweep watchdog: ${opts.sweepTimeoutMs} ms passed`), opts.sweepTimeoutMs);
  const onSignal = () => halt('stopped by signal');
  opts.signal?.addEventListener('abort', onSignal, { once: true });
  if (opts.signal?.aborted) onSignal();
  // Private addresses are allowed only for the hosts the operator started on (a replica on 127.0.0.1).
  const privateOk = (host: string) => scope.allowPrivate && startHosts.has(host.toLowerCase());
  const allowRequest = (url: string): boolean => {
    try {
      const h = new URL(url).hostname;
      return !isPrivateHostLiteral(h) || privateOk(h);
    } catch {
      return false;
    }
  };
  const learner = new RenderNeedLearner<Task>(opts.renderNeed);
  const renders = new PQueue({ concurrency: Math.max(1, Math.min(opts.renderConcurrency, opts.concurrency)) });
  let rerenderedPages = 0;
  const renderer = new Renderer({
    chromiumPath: opts.chromiumPath, logger: log, userAgent: opts.userAgent, pageTimeoutMs: opts.pageTimeoutMs,
    settleCapMs: opts.settleCapMs, recycleAfter: opts.recycleContextAfter, allowRequest,
  });

  const outOfBounds = (url: string): SkipReason | undefined => {
    try {
      const host = new URL(url).hostname;
      if (isPrivateHostLiteral(host) && !privateOk(host)) return 'private-address';
    } catch {
      return 'scheme';
    }
    return scopeCheck(url, { ...scope, allowPrivate: true });
  };
  const checkRedirect = async (url: string): Promise<SkipReason | undefined> => {
    const c = canonicalizeUrl(url);
    if (!c) return 'scheme';
    const oob = outOfBounds(c);
    if (oob) return oob;
    const host = new URL(c).hostname;
    if (!privateOk(host) && (await resolvesToPrivate(host))) return 'private-address';
    return undefined;
  };

  /** One HTTP GET under the host's rate limit, retrying 429/503 after Retry-After. */
  const politeGet = async (url: string, validators?: { etag?: string | null; lastModified?: string | null }, maxBytes = opts.maxHtmlBytes): Promise<HttpResult> => {
    const host = new URL(url).host;
    for (let attempt = 1; ; attempt++) {
      const res = await limiter.run(host, () =>
        httpFetch(url, { userAgent: opts.userAgent, timeoutMs: opts.pageTimeoutMs, maxBytes, etag: validators?.etag, lastModified: validators?.lastModified, checkRedirect, signal: stop.signal }),
      stop.signal);
      if (!isBackoffStatus(res.status) || attempt > opts.maxBackoffRetries || stop.signal.aborted) return res;
      const delay = backoffDelayMs(attempt, res.headers.get('retry-after'));
      log.info({ url, status: res.status, delayMs: delay, attempt }, 'server asked us to slow down; backing off');
      limiter.pauseHost(host, delay);
    }
  };

  const loadRobots = async (origin: string, previous?: Promise<{ body?: string }>): Promise<{ rules: RobotsRules; body?: string }> => {
    const robotsUrl = `${origin}/robots.txt`;
    let body: string | undefined;
    try {
      const res = await politeGet(robotsUrl, undefined, 512 * 1024);
      body = res.status >= 200 && res.status < 300 ? res.body.toString('utf8') : undefined;
    } catch (err) {
      if (!stop.signal.aborted) log.warn({ origin, err: describeError(err) }, 'robots.txt unreadable; treating the site as allowing everything');
    }
    if (previous && (await previous).body !== body) log.info({ origin }, 'robots.txt changed during the sweep; the new rules apply from now on, queued URLs included');
    const rules = parseRobots(robotsUrl, body, opts.userAgent);
    limiter.configureHost(new URL(origin).host, rules.crawlDelayMs);
    return { rules, body };
  };
  const robotsFor = async (origin: string): Promise<RobotsRules> => {
    let entry = robots.get(origin);
    if (!entry || Date.now() - entry.fetchedAt >= opts.robotsMaxAgeMs) {
      entry = { loaded: loadRobots(origin, entry?.loaded), fetchedAt: Date.now() };
      robots.set(origin, entry);
    }
    return (await entry.loaded).rules;
  };

  const hotCutoff = Date.now() - opts.hotLastmodDays * 86_400_000;
  const wantedInHotSweep = (t: Task, parentHot: boolean): boolean => {
    if (startSet.has(t.url) || isHotUrl(t.url)) return true;
    if (t.lastmod && Date.parse(t.lastmod) >= hotCutoff) return true;
    if (DOCUMENT_EXTENSIONS.test(t.url)) return parentHot;
    return t.depth <= 1; // hub pages (the force's neighbourhood list) so hot pages stay reachable
  };

  const enqueue = async (t: Task, opt: { parentHot?: boolean; fromResume?: boolean } = {}): Promise<void> => {
    if (stop.signal.aborted) return;
    if (seen.has(t.url)) return;
    seen.add(t.url);
    const oob = outOfBounds(t.url);
    // police.uk keeps attachments under /SysSiteAssets/, outside the force prefix: a document on the
    // same origin, linked from a page in scope, is in scope (one hop, documents link nowhere).
    const linkedDocument = oob === 'scope' && t.parentUrl && DOCUMENT_EXTENSIONS.test(t.url) && isSameOriginAsScope(t.url, scope) && !outOfBounds(t.parentUrl);
    const linkedFile = (oob === 'scope' && t.parentUrl && isSameOriginAsScope(t.url, scope)) || !oob;
    // Say "unsupported-type" for a same-site file we cannot read (.doc, .zip): someone should look at it by hand.
    if (linkedFile && UNSUPPORTED_EXTENSIONS.test(t.url)) return void (await emit({ type: 'skipped', url: t.url, reason: 'unsupported-type' }));
    if (oob && !linkedDocument) return void (await emit({ type: 'skipped', url: t.url, reason: oob }));
    if (opts.mode === 'hot' && !opt.fromResume && !wantedInHotSweep(t, opt.parentHot ?? false)) return;
    const rules = await robotsFor(new URL(t.url).origin);
    if (!rules.isAllowed(t.url)) return void (await emit({ type: 'skipped', url: t.url, reason: 'robots' }));
    const refused = guard.admit(t.url, t.depth);
    if (refused) return void (await emit({ type: 'skipped', url: t.url, reason: refused.reason, detail: refused.detail }));
    if (state && runId !== undefined && !opt.fromResume) state.frontierPush(runId, [{ url: t.url, depth: t.depth, priority: t.priority, parentUrl: t.parentUrl ?? null }]);
    work.add(() => visit(t), { priority: t.priority }).catch((err) => log.error({ url: t.url, err: describeError(err) }, 'visit failed unexpectedly'));
  };

  const done = (url: string, outcome: 'done' | 'error' | 'skipped') => {
    if (state && runId !== undefined) {
      try {
        state.frontierDone(runId, url, outcome);
      } catch (err) {
        log.warn({ url, err: describeError(err) }, 'could not record frontier progress');
      }
    }
  };

  /**
   * After a resource event: its new state, or, when the handler could not take it (detection stopped
   * at its deadline, storage failed), no content hash or validators at all, so the next sweep reads and
   * detects it afresh instead of proving it unchanged.
   */
  const saveStateAfter = (handled: boolean, s: PageState) => {
    if (handled) return saveState(s);
    if (!state) return;
    try {
      state.forgetPageContent(s.url);
    } catch (err) {
      log.warn({ url: s.url, err: describeError(err) }, 'could not clear page state');
    }
  };

  const saveState = (s: PageState) => {
    if (!state) return;
    try {
      state.savePageState(s);
    } catch (err) {
      log.warn({ url: s.url, err: describeError(err) }, 'could not save page state');
    }
  };

  const enqueueLinks = async (links: { href: string; text: string; rel?: string }[], from: Task) => {
    const parentHot = isHotUrl(from.url) || startSet.has(from.url);
    for (const l of links) {
      const c = canonicalizeUrl(l.href);
      if (!c) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(l.href) && !/^(javascript|mailto|tel|data|about|blob):/i.test(l.href)) {
          if (!seen.has(l.href)) {
            seen.add(l.href);
            await emit({ type: 'skipped', url: l.href, reason: 'scheme' });
          }
        }
        continue;
      }
      if (seen.has(c)) continue;
      const pagination = isPaginationLink(c, l.text, l.rel);
      const depth = pagination ? from.depth : from.depth + 1;
      await enqueue({ url: c, depth, priority: urlPriority(c) - depth, parentUrl: from.url }, { parentHot });
    }
  };

  const visit = async (t: Task): Promise<void> => {
    if (stop.signal.aborted) return;
    const url = t.url;
    const plog = log.child({ url });
    const prev = state?.getPageState(url);
    const isDocumentUrl = DOCUMENT_EXTENSIONS.test(url);
    if (!(await robotsFor(new URL(url).origin)).isAllowed(url)) {
      // Allowed when queued; robots.txt has since changed.
      await emit({ type: 'skipped', url, reason: 'robots', detail: 'disallowed by robots.txt as re-read during the sweep' });
      return done(url, 'skipped');
    }
    let res: HttpResult;
    try {
      // Documents get conditional GETs; pages are re-read in full (cheap) so their links stay known.
      res = await politeGet(url, isDocumentUrl ? { etag: prev?.etag, lastModified: prev?.lastModified } : undefined, isDocumentUrl ? opts.maxDocumentBytes : opts.maxHtmlBytes);
    } catch (err) {
      if (err instanceof RedirectRefused) {
        await emit({ type: 'skipped', url, reason: err.reason, detail: `redirects to ${err.target}` });
        return done(url, 'skipped');
      }
      if (err instanceof TooLarge) {
        await emit({ type: 'skipped', url, reason: 'too-large', detail: err.message });
        return done(url, 'skipped');
      }
      if (stop.signal.aborted) return;
      await emit({ type: 'error', url, message: err instanceof FetchError ? err.message.split('\n')[0] : describeError(err) });
      return done(url, 'error');
    }
    const fetchedAt = new Date().toISOString();
    let finalUrl = canonicalizeUrl(res.url) ?? url;
    if (finalUrl !== url) {
      if (seen.has(finalUrl)) return done(url, 'done'); // a redirect onto a page we already have
      seen.add(finalUrl);
    }
    const validators = { etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
    if (res.status === 304 && prev) {
      await emit({
        type: 'resource', unchanged: true, parentUrl: t.parentUrl,
        resource: { url: finalUrl, kind: 'document', status: 304, contentType: res.contentType, contentHash: prev.contentHash ?? '', fetchedAt, blocks: [] },
      });
      saveState({ ...prev, url, lastStatus: 304, lastFetchedAt: fetchedAt, etag: validators.etag ?? prev.etag, lastModified: validators.lastModified ?? prev.lastModified });
      return done(url, 'done');
    }
    if (res.status >= 400 || res.status < 200) {
      await emit({ type: 'error', url, status: res.status, message: `HTTP ${res.status}` });
      saveState({ url, lastStatus: res.status, lastFetchedAt: fetchedAt, contentHash: prev?.contentHash ?? null, etag: prev?.etag ?? null, lastModified: prev?.lastModified ?? null });
      return done(url, 'error');
    }
    const bodyHash = sha256(res.body);
    const docType = guessDocumentType(finalUrl, res.contentType, res.body);
    if (docType && docType !== 'html') {
      if (!isDocumentUrl && res.body.length > opts.maxDocumentBytes) {
        await emit({ type: 'skipped', url, reason: 'too-large' });
        return done(url, 'skipped');
      }
      const unchanged = prev?.contentHash === bodyHash;
      let blocks: TextBlock[] = [];
      if (!unchanged) {
        try {
          blocks = await extractDocument(res.body, docType, { maxBytes: opts.maxDocumentBytes, name: finalUrl });
        } catch (err) {
          const reason = err instanceof DocumentRejectedError ? err.reason : 'broken';
          plog.warn({ reason }, 'document refused');
          await emit({ type: 'error', url, status: res.status, message: `document refused (${reason}): ${describeError(err).split('\n')[0]}` });
          saveState({ url, lastStatus: res.status, lastFetchedAt: fetchedAt, contentHash: null, ...validators });
          return done(url, 'error');
        }
      }
      const resource: ExtractedResource = { url: finalUrl, kind: 'document', status: res.status, contentType: res.contentType, contentHash: bodyHash, fetchedAt, blocks };
      const handled = await emit({ type: 'resource', resource, unchanged, parentUrl: t.parentUrl });
      saveStateAfter(handled, { url, lastStatus: res.status, lastFetchedAt: fetchedAt, contentHash: bodyHash, ...validators });
      return done(url, 'done');
    }
    if (docType !== 'html') {
      await emit({ type: 'skipped', url, reason: 'unsupported-type', detail: res.contentType || 'unknown content type' });
      return done(url, 'skipped');
    }

    // An HTML page.
    const html = decodeText(res.body);
    const elements = countElements(html);
    if (elements > opts.maxDomElements) {
      // Parsing or rendering this would stall the crawl (a million nodes took 30+ s of blocked event
      // loop); a visitor can still read its text, so scan that in one linear pass.
      const why = `${elements} elements, over the cap of ${opts.maxDomElements}`;
      plog.warn({ elements }, 'page too large to parse or render; scanned as plain text');
      await emit({ type: 'error', url, status: res.status, message: `page not rendered (${why}); its text was scanned without a DOM` });
      const blocks: TextBlock[] = linearTextBlocks(html).map((b) => ({ ...b, kind: 'paragraph' as const }));
      const resource: ExtractedResource = { url: finalUrl, kind: 'page', status: res.status, contentType: res.contentType, contentHash: bodyHash, fetchedAt, blocks };
      const handled = await emit({ type: 'resource', resource, unchanged: false, parentUrl: t.parentUrl });
      saveStateAfter(handled, { url, lastStatus: res.status, lastFetchedAt: fetchedAt, contentHash: bodyHash, ...validators });
      return done(url, 'done');
    }
    const fp = decodeFingerprint(prev?.contentHash);
    const signature = opts.renderPolicy === 'learn' ? scriptSignature(html, finalUrl) : undefined;
    const needsRender = opts.renderPolicy === 'always' || (opts.renderPolicy === 'learn' ? signature !== undefined : hasExecutableScript(html));
    const lastFullRead = Math.max(fp?.renderedAt ?? 0, fp?.inertAt ?? 0);
    const readLongAgo = Date.now() - lastFullRead > opts.rerenderAfterHours * 3_600_000;
    if (!t.forceRender && fp && fp.htmlHash === bodyHash && !(needsRender && readLongAgo) && (await depsUnchanged(fp.deps))) {
      const links = [...extractStaticLinks(html, finalUrl), ...fp.jsLinks.map((href) => ({ href, text: '' }))];
      await emit({
        type: 'resource', unchanged: true, parentUrl: t.parentUrl,
        resource: { url: finalUrl, kind: 'page', status: res.status, contentType: res.contentType, contentHash: bodyHash, fetchedAt, blocks: [] },
      });
      saveState({ ...prev!, url, lastStatus: res.status, lastFetchedAt: fetchedAt, ...validators });
      done(url, 'done');
      await enqueueLinks(links, { ...t, url: finalUrl });
      return;
    }

    let title = '';
    let blocks: TextBlock[];
    let links: { href: string; text: string; rel?: string }[];
    let deps: [string, string][] = [];
    let jsLinks: string[] = [];
    let renderedAt: number | undefined;
    let inertAt: number | undefined;
    const render = needsRender && (t.forceRender || !signature || learner.decide(signature, t) === 'render');
    if (!render) {
      ({ title, blocks, links } = staticHtmlBlocks(html, finalUrl));
      if (needsRender) inertAt = Date.now();
    } else {
      try {
        const r = (await renders.add(() => {
          // A page still waiting for a render slot when the sweep stops does not start one: SIGTERM must not wait on it.
          if (stop.signal.aborted) throw new Error('sweep stopping: render not started');
          return renderer.render({ url: finalUrl, prefetched: { status: res.status, contentType: res.contentType, body: res.body } });
        }))!;
        renderedAt = Date.now();
        title = r.title;
        blocks = [...r.blocks, ...r.xhrBlocks];
        links = r.links;
        deps = r.xhr
          .filter((x) => !outOfBounds(canonicalizeUrl(x.url) ?? x.url) || new URL(x.url).origin === new URL(finalUrl).origin)
          .map((x) => [x.url, sha256(x.body)] as [string, string]);
        if (state || signature) {
          const markup = staticHtmlBlocks(html, finalUrl);
          const staticLinks = new Set(markup.links.map((l) => canonicalizeUrl(l.href)));
          jsLinks = [...new Set(r.links.map((l) => canonicalizeUrl(l.href)).filter((u): u is string => !!u && !staticLinks.has(u) && !outOfBounds(u)))];
          if (signature) learnFromRender(signature, compareRenderToMarkup({ blocks: r.blocks, xhrCount: r.xhr.length, jsLinks: jsLinks.length }, markup), plog);
        }
      } catch (err) {
        if (stop.signal.aborted && !(err instanceof RenderTimeout)) return;
        // The page hung or keeps crashing the renderer: keep what the markup itself shows, and say so.
        const why = err instanceof RenderTimeout || err instanceof RenderCrash ? err.message : describeError(err).split('\n')[0];
        plog.warn({ err: why }, 'rendering failed; falling back to the markup as fetched');
        await emit({ type: 'error', url, status: res.status, message: `rendering failed (${why}); extracted from the fetched markup instead` });
        ({ title, blocks, links } = staticHtmlBlocks(html, finalUrl));
      }
    }
    const resource: ExtractedResource = { url: finalUrl, kind: 'page', status: res.status, contentType: res.contentType, contentHash: bodyHash, fetchedAt, title: title || undefined, blocks };
    const handled = await emit({ type: 'resource', resource, unchanged: false, parentUrl: t.parentUrl, rerendered: t.forceRender });
    saveStateAfter(handled, { url, lastStatus: res.status, lastFetchedAt: fetchedAt, contentHash: needsRender ? encodeFingerprint({ htmlHash: bodyHash, deps, jsLinks, renderedAt, inertAt }) : bodyHash, ...validators });
    if (t.forceRender) return; // its links were followed on the first reading
    done(url, 'done');
    await enqueueLinks(links, { ...t, url: finalUrl });
  };

  /** Feed one render into the learner; if the signature turned out to add content, render the pages read from markup. */
  const learnFromRender = (signature: string, cmp: ReturnType<typeof compareRenderToMarkup>, plog: typeof log): void => {
    const outcome = learner.observe(signature, cmp);
    if (outcome.becameInert) plog.debug({ scripts: signature.split('\n').length }, 'these scripts add nothing to the markup; similar pages are read without rendering');
    if (outcome.rerender) {
      plog.info({ why: outcome.why, rerender: outcome.rerender.length }, 'scripts seen inert now add content; rendering the pages read from markup');
      for (const task of outcome.rerender) {
        rerenderedPages++;
        work.add(() => visit({ ...task, forceRender: true }), { priority: task.priority }).catch((err) => log.error({ url: task.url, err: describeError(err) }, 'visit failed unexpectedly'));
      }
    }
  };

  /** The fetch/XHR bodies a page pulled in last time, re-read over HTTP and compared by hash. */
  const depsUnchanged = async (deps: [string, string][]): Promise<boolean> => {
    for (const [depUrl, hash] of deps) {
      if (outOfBounds(canonicalizeUrl(depUrl) ?? depUrl) === 'private-address') return false;
      try {
        const r = await politeGet(depUrl, undefined, opts.maxDocumentBytes);
        if (r.status !== 200 || sha256(r.body) !== hash) return false;
      } catch {
        return false;
      }
    }
    return true;
  };

  const seedSitemaps = async (): Promise<void> => {
    const origins = [...new Set(scope.prefixes.map((p) => p.origin))];
    for (const origin of origins) {
      const rules = await robotsFor(origin);
      const queue = [...new Set([...rules.sitemaps, `${origin}/sitemap.xml`])];
      const fetched = new Set<string>();
      while (queue.length && fetched.size < 50 && !stop.signal.aborted) {
        const sm = queue.shift()!;
        if (fetched.has(sm)) continue;
        fetched.add(sm);
        const c = canonicalizeUrl(sm);
        if (!c || new URL(c).origin !== origin) continue;
        try {
          const res = await politeGet(sm, undefined, 50 * 1024 * 1024);
          if (res.status !== 200) continue;
          const parsed = parseSitemap(res.body.toString('utf8'));
          queue.push(...parsed.sitemaps);
          for (const e of parsed.urls) {
            const u = canonicalizeUrl(e.url);
            if (!u || seen.has(u)) continue;
            if (outOfBounds(u)) continue; // sitemaps list the whole site; other forces are not ours, and not worth a skip line each
            await enqueue({ url: u, depth: 1, priority: urlPriority(u, e.lastmod), lastmod: e.lastmod, parentUrl: sm });
          }
        } catch (err) {
          log.debug({ sitemap: sm, err: describeError(err) }, 'sitemap unreadable');
        }
      }
    }
  };

  try {
    const pending = state && runId !== undefined ? state.frontierPending(runId) : [];
    if (pending.length) {
      log.info({ pending: pending.length }, 'resuming an interrupted crawl');
      for (const p of pending) await enqueue({ ...p, parentUrl: p.parentUrl ?? null }, { fromResume: true });
    } else {
      for (const s of startSet) await enqueue({ url: s, depth: 0, priority: 1000 });
      if (opts.useSitemaps) await seedSitemaps();
    }
    await work.onIdle();
  } finally {
    clearTimeout(watchdog);
    opts.signal?.removeEventListener('abort', onSignal);
    await renderer.close();
  }
  summary.durationMs = Date.now() - started;
  summary.rendering = { rendered: renderer.stats.rendered, readFromMarkup: learner.stats.readFromMarkup, resampled: learner.stats.resampled, rerendered: rerenderedPages };
  log.info({ ...summary, renderer: renderer.stats, renderNeed: learner.stats }, 'crawl finished');
  return summary;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export { priorityFromLastmod };
export type { Scope };

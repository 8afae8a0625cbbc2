import { createHash } from 'node:crypto';
import type { TextBlock } from '../core/types.js';
import { sectionFromUrl } from './extract.js';

/**
 * Rendering only when it shows something the markup does not.
 *
 * Every police.uk page carries script (cookie banner, quick exit), so "render pages that have
 * script" renders everything. Most of those scripts never add text, though. So the crawler groups
 * pages by a *signature* of what their scripts could act on, and learns, per signature, whether
 * rendering reveals anything. The signature is deliberately narrow, because a miss means an unseen
 * leak while a split only costs a few extra renders:
 * - the scripts: external script URLs, a hash of every inline script and inline event handler;
 * - the page type (priorities, team, news...);
 * - the hooks scripts find their targets by: the set of element ids, class names and data-*
 *   attribute names (digits folded), so a priorities page with an empty `data-api` container is
 *   never judged by a server-rendered one, even when one site-wide bundle serves both.
 *
 * Per signature:
 *
 * - A signature is rendered until `confirmAfter` renders of it have shown nothing beyond the
 *   fetched markup: no fetch/XHR data, no links inserted by script, and no text except the same
 *   page-independent chrome on every one of them.
 * - From then on its pages are read from the markup, except every `resampleEvery`-th, which is
 *   rendered again as a check. A render that reveals more marks the signature dynamic for the
 *   rest of the sweep, and the pages already read from markup are returned for rendering.
 *
 * Any new or changed inline script gives a new signature, so a page that builds its own content
 * is always rendered; the only pages read from markup are ones whose exact scripts were watched
 * doing nothing on other pages.
 */

export interface RenderNeedOptions {
  /** Renders of a signature that must show nothing new before its pages are read from markup. */
  confirmAfter: number;
  /** Of the pages read from markup, every Nth of a signature is rendered again to check. */
  resampleEvery: number;
}

export const DEFAULT_RENDER_NEED: RenderNeedOptions = { confirmAfter: 3, resampleEvery: 20 };

const INLINE_HANDLER = /<[a-z][^<>]*?\s(on[a-z]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;

/** Does a <script> tag with these attributes run (no type, or a JavaScript/module type)? */
export function isExecutableType(attrs: string): boolean {
  const type = (/\btype\s*=\s*["']?([^"'\s>]*)/i.exec(attrs)?.[1] ?? '').toLowerCase().trim();
  return type === '' || /javascript|module|ecmascript/.test(type);
}

/**
 * The scripts a page would run, as one stable string; undefined when it runs none.
 * indexOf scanning, no DOM and no backtracking regex: it runs on every page, hostile ones included.
 */
export function scriptSignature(html: string, pageUrl: string): string | undefined {
  const parts: string[] = [];
  const lower = html.toLowerCase();
  let at = 0;
  while ((at = lower.indexOf('<script', at)) !== -1) {
    const next = lower.charCodeAt(at + 7);
    const tagEnd = lower.indexOf('>', at);
    if (tagEnd === -1) {
      parts.push('inline unterminated'); // cannot tell what runs: treat it as script
      break;
    }
    // "<scripts>" or "<script-x>" is another element
    if (!(next === 0x3e || next === 0x2f || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d || next === 0x0c)) {
      at = tagEnd;
      continue;
    }
    const attrs = html.slice(at + 7, tagEnd);
    const close = lower.indexOf('</script', tagEnd);
    const bodyEnd = close === -1 ? html.length : close;
    at = close === -1 ? html.length : close + 8;
    if (!isExecutableType(attrs)) continue;
    const src = /(?:^|\s)src\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
    if (src) {
      const raw = src[2] ?? src[3] ?? src[4] ?? '';
      let abs = raw;
      try {
        abs = new URL(raw, pageUrl).toString();
      } catch {
        /* keep the raw value: still a stable part of the signature */
      }
      parts.push(`src ${abs}`);
    } else {
      parts.push(`inline ${shortHash(html.slice(tagEnd + 1, bodyEnd))}`);
    }
  }
  for (const m of html.matchAll(INLINE_HANDLER)) parts.push(`handler ${m[1].toLowerCase()} ${shortHash(m[2])}`);
  if (!parts.length) return undefined;
  parts.sort();
  parts.push(`section ${sectionFromUrl(pageUrl)}`, `hooks ${shortHash(scriptHooks(html).join(' '))}`);
  return parts.join('\n');
}

const HOOK_ATTRIBUTE = /\s(id|class|data-[\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

/** The ids, class names and data-* attribute names on a page, digits folded, sorted, once each. */
export function scriptHooks(html: string): string[] {
  const hooks = new Set<string>();
  for (const m of html.matchAll(HOOK_ATTRIBUTE)) {
    const name = m[1].toLowerCase();
    if (name.startsWith('data-')) {
      hooks.add(`@${name}`);
      continue;
    }
    const value = (m[2] ?? m[3] ?? m[4] ?? '').replace(/\d+/g, '#');
    for (const token of value.split(/\s+/)) if (token) hooks.add(name === 'id' ? `#${token}` : `.${token}`);
  }
  return [...hooks].sort();
}

function shortHash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 16);
}

/** Text compared without whitespace: extractors differ in where they put spaces around inline elements. */
const squash = (s: string): string => s.replace(/[\s\u00a0\u200b]+/g, '').toLowerCase();

export interface RenderComparison {
  /** Rendered text the markup extraction does not contain (whitespace-insensitive), squashed. */
  extraTexts: Set<string>;
  xhrResponses: number;
  jsLinks: number;
}

/** What rendering showed beyond the markup extraction of the same page. */
export function compareRenderToMarkup(rendered: { blocks: TextBlock[]; xhrCount: number; jsLinks: number }, markup: { title: string; blocks: TextBlock[] }): RenderComparison {
  const markupText = squash([markup.title, ...markup.blocks.map((b) => b.text)].join(''));
  const extraTexts = new Set<string>();
  for (const b of rendered.blocks) {
    const t = squash(b.text);
    if (t && !markupText.includes(t)) extraTexts.add(t);
  }
  return { extraTexts, xhrResponses: rendered.xhrCount, jsLinks: rendered.jsLinks };
}

type SignatureState<T> =
  | { kind: 'learning'; renders: number; chrome?: Set<string> }
  | { kind: 'inert'; chrome: Set<string>; sinceCheck: number; readFromMarkup: T[] }
  | { kind: 'dynamic'; why: string };

export type RenderDecision = 'render' | 'markup';

export interface LearnOutcome<T> {
  /** The signature just became inert: its next pages are read from markup. */
  becameInert?: boolean;
  /** The signature turned out dynamic: these pages were read from markup and must be rendered. */
  rerender?: T[];
  why?: string;
}

/** T is whatever the caller needs to render a page later (a URL, a crawl task). */
export class RenderNeedLearner<T = string> {
  private readonly signatures = new Map<string, SignatureState<T>>();
  readonly stats = { rendered: 0, readFromMarkup: 0, resampled: 0, signaturesDynamic: 0, signaturesInert: 0 };

  constructor(private readonly opts: RenderNeedOptions = DEFAULT_RENDER_NEED) {}

  decide(signature: string, page: T): RenderDecision {
    const s = this.signatures.get(signature);
    if (!s || s.kind !== 'inert') return 'render';
    s.sinceCheck++;
    if (s.sinceCheck >= this.opts.resampleEvery) {
      s.sinceCheck = 0;
      this.stats.resampled++;
      return 'render';
    }
    s.readFromMarkup.push(page);
    this.stats.readFromMarkup++;
    return 'markup';
  }

  /** Record what one render of a page with this signature showed beyond its markup. */
  observe(signature: string, cmp: RenderComparison): LearnOutcome<T> {
    this.stats.rendered++;
    const s: SignatureState<T> = this.signatures.get(signature) ?? { kind: 'learning', renders: 0 };
    if (s.kind === 'dynamic') return {};
    const why = cmp.xhrResponses ? `${cmp.xhrResponses} fetch/XHR response(s)` : cmp.jsLinks ? `${cmp.jsLinks} link(s) inserted by script` : undefined;
    const chrome = s.kind === 'learning' ? s.chrome ?? cmp.extraTexts : s.chrome;
    const newText = [...cmp.extraTexts].some((t) => !chrome.has(t));
    const chromeMissing = s.kind === 'learning' && s.chrome && [...s.chrome].some((t) => !cmp.extraTexts.has(t));
    if (why || newText || chromeMissing) {
      const reason = why ?? 'text that is not in the markup';
      const rerender = s.kind === 'inert' ? s.readFromMarkup : undefined;
      this.signatures.set(signature, { kind: 'dynamic', why: reason });
      this.stats.signaturesDynamic++;
      return { rerender, why: reason };
    }
    if (s.kind === 'inert') return {};
    const renders = s.renders + 1;
    if (renders >= this.opts.confirmAfter) {
      this.signatures.set(signature, { kind: 'inert', chrome, sinceCheck: 0, readFromMarkup: [] });
      this.stats.signaturesInert++;
      return { becameInert: true };
    }
    this.signatures.set(signature, { kind: 'learning', renders, chrome });
    return {};
  }
}

import type { BlockKind, PageSection, TextBlock } from '../core/types.js';

/**
 * Extraction: what a visitor can see or pull from the page source, as text blocks with a
 * location a reviewer can find again. The in-page part runs inside Chromium (IN_PAGE_EXTRACTOR);
 * the JSON part runs in Node on inline state and captured fetch/XHR bodies.
 */

export interface PageLink {
  href: string;
  text: string;
  rel?: string;
}

export interface JsonSource {
  location: string;
  text: string;
  section?: PageSection;
}

export interface PageExtraction {
  title: string;
  blocks: TextBlock[];
  links: PageLink[];
  /** Inline JSON state (script type=json, `window.__STATE__ = {…}`), walked in Node by jsonToBlocks. */
  json: JsonSource[];
}

/** Section from the URL path when no element on the page says otherwise. */
export function sectionFromUrl(url: string): PageSection {
  let p = '';
  try {
    p = new URL(url).pathname.toLowerCase();
  } catch {
    return 'other';
  }
  if (/\/priorities(\/|$)/.test(p)) return 'priorities';
  if (/\/(about-us|team|our-team|officers?)(\/|$)/.test(p)) return 'team';
  if (/\/contact(-us)?(\/|$)/.test(p)) return 'contact';
  if (/\/events?(\/|$)/.test(p)) return 'events';
  if (/\/news(\/|$)/.test(p)) return 'news';
  return 'other';
}

/**
 * Runs in the page (as a string, so no bundler helper leaks in). Returns a PageExtraction.
 * Call it through inPageExtractor(url) so the page's section comes from sectionFromUrl().
 * Keep it dependency-free ES2020. Site chrome (nav, footer, cookie and quick-exit banners,
 * breadcrumbs) is skipped for text but still yields links.
 */
export const IN_PAGE_EXTRACTOR = String.raw`((pathSection) => {
  const CHROME = 'nav, footer, [role=navigation], [role=banner], [role=contentinfo], [id*=cookie i], [class*=cookie i], [id*=quick-exit i], [class*=quick-exit i], [class*=quickexit i], [class*=breadcrumb i], [class*=skip-link i], [class*=skiplink i]';
  const RECORD = '[class*=priority i], [data-priority], [class*=team-member i], [class*=officer i], [itemtype*=Person], [class*=event-item i], [class*=event-card i], li[class*=event i], article[class*=event i], [itemtype*=Event]';
  const BLOCKY = 'p,li,tr,div,table,ul,ol,dl,h1,h2,h3,h4,h5,h6,section,article,blockquote,pre,address,header,main,aside,form,fieldset,figure';
  const SKIP_TAGS = new Set(['SCRIPT','STYLE','NOSCRIPT','TEMPLATE','SVG','HEAD','IFRAME','OBJECT','CANVAS','svg']);
  const PARA_TAGS = new Set(['P','BLOCKQUOTE','FIGCAPTION','PRE','ADDRESS','DD','DT','CAPTION','LABEL','LEGEND','SUMMARY','TD','TH']);
  const norm = (s) => (s || '').replace(/[\u00a0\s]+/g, ' ').trim();
  const sectionOf = (el) => {
    for (let e = el; e && e.nodeType === 1 && e !== document.body; e = e.parentElement) {
      const sig = ((e.id || '') + ' ' + (typeof e.className === 'string' ? e.className : '') + ' ' + (e.getAttribute('aria-label') || '') + ' ' + (e.getAttribute('data-section') || '')).toLowerCase();
      if (/priorit/.test(sig)) return 'priorities';
      if (/team|officer|about-us|our-people|staff/.test(sig)) return 'team';
      if (/contact/.test(sig)) return 'contact';
      if (/event/.test(sig)) return 'events';
      if (/news/.test(sig)) return 'news';
    }
    return pathSection;
  };
  const cssPath = (el) => {
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && e !== document.documentElement; e = e.parentElement) {
      if (e.id && /^[A-Za-z][\w-]*$/.test(e.id)) { parts.unshift('#' + e.id); break; }
      let part = e.localName;
      const cls = typeof e.className === 'string' ? e.className.trim().split(/\s+/)[0] : '';
      if (cls && /^[A-Za-z_-][\w-]*$/.test(cls)) part += '.' + cls;
      const parent = e.parentElement;
      if (parent) {
        const same = Array.prototype.filter.call(parent.children, (c) => c.localName === e.localName);
        if (same.length > 1) part += ':nth-of-type(' + (same.indexOf(e) + 1) + ')';
      }
      parts.unshift(part);
      if (e === document.body) break;
    }
    return parts.join(' > ');
  };
  const isHidden = (el) => {
    if (el.hidden || el.getAttribute('aria-hidden') === 'true') return true;
    const cs = getComputedStyle(el);
    return cs.display === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse';
  };
  const blocks = [];
  const seen = new Set();
  const push = (text, kind, loc, section) => {
    const t = norm(text);
    if (t.length < 2) return;
    const key = kind + '\u0000' + loc + '\u0000' + t;
    if (seen.has(key)) return;
    seen.add(key);
    blocks.push({ text: t.slice(0, 20000), kind, location: loc, section });
  };
  const done = new WeakSet();
  const underDone = (el) => { for (let e = el.parentElement; e; e = e.parentElement) if (done.has(e)) return true; return false; };
  const recordKind = (el) => {
    const sig = ((typeof el.className === 'string' ? el.className : '') + ' ' + (el.getAttribute('itemtype') || '')).toLowerCase();
    if (el.hasAttribute('data-priority') || /priority/.test(sig)) return 'priority';
    if (/team-member|officer|person/.test(sig)) return 'team-member';
    return 'event';
  };
  const all = document.body ? document.body.querySelectorAll('*') : [];
  for (const el of all) {
    if (SKIP_TAGS.has(el.tagName) || underDone(el)) continue;
    if (el.closest(CHROME)) { done.add(el); continue; }
    if (isHidden(el)) {
      done.add(el);
      push(el.textContent, 'hidden', cssPath(el), sectionOf(el));
      continue;
    }
    if (el.matches(RECORD) && !el.querySelector(RECORD)) {
      const text = el.innerText;
      if (text && text.length < 8000) { done.add(el); push(text, recordKind(el), cssPath(el), sectionOf(el)); continue; }
    }
    const tag = el.tagName;
    const section = sectionOf(el);
    if (tag === 'TR') {
      done.add(el);
      const cells = Array.prototype.map.call(el.cells, (c) => norm(c.innerText)).filter(Boolean);
      push(cells.join(' | '), 'table-row', cssPath(el), section);
    } else if (tag === 'LI') {
      done.add(el);
      push(el.innerText, section === 'contact' ? 'contact' : section === 'events' ? 'event' : 'list-item', cssPath(el), section);
    } else if (/^H[1-6]$/.test(tag)) {
      done.add(el);
      push(el.innerText, 'heading', cssPath(el), section);
    } else if (PARA_TAGS.has(tag)) {
      done.add(el);
      push(el.innerText, section === 'contact' ? 'contact' : 'paragraph', cssPath(el), section);
    } else {
      // A div/span with its own text: the whole text when it holds no blocks, else just its own text nodes.
      let own = '';
      for (const n of el.childNodes) if (n.nodeType === 3) own += n.nodeValue + ' ';
      if (norm(own).length < 2) continue;
      if (!el.querySelector(BLOCKY)) { done.add(el); push(el.innerText, section === 'contact' ? 'contact' : 'paragraph', cssPath(el), section); }
      else push(own, 'paragraph', cssPath(el), section);
    }
  }
  // Attributes a visitor can read in the source or with a screen reader.
  for (const el of document.querySelectorAll('[alt], [title], [aria-label], [placeholder], [aria-description]')) {
    if (el.closest(CHROME)) continue;
    for (const a of ['alt', 'title', 'aria-label', 'placeholder', 'aria-description']) {
      const v = el.getAttribute(a);
      if (v && norm(v).length > 1) push(v, 'attribute', cssPath(el) + '@' + a, sectionOf(el));
    }
  }
  for (const el of document.querySelectorAll('body *')) {
    if (!el.attributes.length) continue;
    for (const at of el.attributes) {
      if (at.name.startsWith('data-') && /[A-Za-z]{2}/.test(at.value) && at.value.length > 3 && at.value.length < 5000 && !/^[\[{]/.test(at.value.trim())) {
        if (el.closest(CHROME)) break;
        push(at.value, 'attribute', cssPath(el) + '@' + at.name, sectionOf(el));
      }
    }
  }
  // HTML comments anywhere in the document.
  const tw = document.createTreeWalker(document, NodeFilter.SHOW_COMMENT);
  let ci = 0;
  for (let n = tw.nextNode(); n; n = tw.nextNode()) {
    ci++;
    const parent = n.parentElement;
    push(n.nodeValue, 'comment', (parent ? cssPath(parent) : 'document') + ' <!-- #' + ci + ' -->', parent ? sectionOf(parent) : pathSection);
  }
  // <noscript>: with scripting on, its content is raw markup; parse it for text and alt text.
  for (const ns of document.querySelectorAll('noscript')) {
    const doc = new DOMParser().parseFromString(ns.textContent || '', 'text/html');
    let text = doc.body ? doc.body.textContent : '';
    for (const im of doc.querySelectorAll('[alt]')) text += ' ' + im.getAttribute('alt');
    push(text, 'noscript', cssPath(ns), sectionOf(ns));
  }
  for (const m of document.querySelectorAll('meta[content]')) {
    const name = m.getAttribute('name') || m.getAttribute('property') || m.getAttribute('http-equiv') || m.getAttribute('itemprop');
    if (!name || /^(viewport|charset|theme-color|robots|format-detection)$/i.test(name)) continue;
    push(m.getAttribute('content'), 'meta', 'meta[' + (m.hasAttribute('name') ? 'name' : m.hasAttribute('property') ? 'property' : 'http-equiv') + '="' + name + '"]', pathSection);
  }
  // Inline JSON state.
  const json = [];
  let si = 0;
  for (const s of document.querySelectorAll('script:not([src])')) {
    si++;
    const type = (s.getAttribute('type') || '').toLowerCase();
    const text = s.textContent || '';
    const loc = (s.id ? 'script#' + s.id : 'script:nth-of-type(' + si + ')');
    if (/json/.test(type)) { json.push({ location: loc, text, section: pathSection }); continue; }
    if (type && !/javascript|module|ecmascript/.test(type)) continue;
    const m = /=\s*(JSON\.parse\()?\s*([\[{])/.exec(text);
    if (m) {
      const start = m.index + m[0].length - 1;
      const close = m[2] === '{' ? '}' : ']';
      const end = text.lastIndexOf(close);
      if (end > start) {
        const candidate = text.slice(start, end + 1);
        try { JSON.parse(candidate); json.push({ location: loc, text: candidate, section: pathSection }); continue; } catch (e) {}
      }
    }
    // Not JSON: keep the string literals that read like prose (names, addresses), not code.
    const lits = [];
    const re = /(["'\x60])((?:\\.|(?!\1)[^\\\n]){6,}?)\1/g;
    let mm;
    while ((mm = re.exec(text)) && lits.length < 500) if (/[A-Za-z]{2,}\s+[A-Za-z0-9]/.test(mm[2]) && !/[<>{};=]/.test(mm[2])) lits.push(mm[2]);
    if (lits.length) json.push({ location: loc, text: JSON.stringify(lits), section: pathSection });
  }
  const links = [];
  for (const a of document.querySelectorAll('a[href], area[href], link[rel][href], iframe[src], frame[src]')) {
    const href = a.href || a.src;
    if (typeof href !== 'string' || !href) continue;
    if (a.tagName === 'LINK' && !/next|prev|alternate/i.test(a.getAttribute('rel') || '')) continue;
    links.push({ href, text: norm(a.innerText || a.getAttribute('aria-label') || '').slice(0, 100), rel: a.getAttribute('rel') || undefined });
  }
  return { title: document.title || '', blocks, links, json };
})`;

/** The in-page extractor for one page, with the section its URL implies. */
export function inPageExtractor(url: string): string {
  return `${IN_PAGE_EXTRACTOR}(${JSON.stringify(sectionFromUrl(url))})`;
}

// ---------------------------------------------------------------------------
// JSON → blocks (Node side)

const MAX_JSON_BLOCKS = 5000;

/**
 * Walks parsed JSON. Each object's own string values become one block (so a priority's issue and
 * action stay together for case-record detection); arrays of strings become one block per string.
 * Location is the base plus a JSON pointer: "xhr:/api/priorities#/items/3".
 */
export function jsonToBlocks(value: unknown, baseLocation: string, section?: PageSection): TextBlock[] {
  const out: TextBlock[] = [];
  const visit = (v: unknown, pointer: string, depth: number): void => {
    if (out.length >= MAX_JSON_BLOCKS || depth > 40) return;
    if (typeof v === 'string') {
      const t = v.replace(/\s+/g, ' ').trim();
      if (/[A-Za-z0-9]{2}/.test(t)) out.push({ text: t, kind: 'json', location: `${baseLocation}#${pointer || '/'}`, section });
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((item, i) => visit(item, `${pointer}/${i}`, depth + 1));
      return;
    }
    if (v && typeof v === 'object') {
      const own: string[] = [];
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
        if (typeof child === 'string') {
          const t = child.replace(/\s+/g, ' ').trim();
          // Skip ids, URLs and dates-only noise for the joined record text but keep real words.
          if (/[A-Za-z]{2}/.test(t) && !/^https?:\/\/\S+$/.test(t)) own.push(stripTags(t));
        } else if (child && typeof child === 'object') visit(child, `${pointer}/${escapePointer(k)}`, depth + 1);
      }
      if (own.length) out.push({ text: own.join(' — '), kind: 'json', location: `${baseLocation}#${pointer || '/'}`, section });
    }
  };
  visit(value, '', 0);
  return out;
}

function escapePointer(k: string): string {
  return k.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** JSON feeds often carry HTML fragments (data.police.uk priorities do). */
export function stripTags(s: string): string {
  if (!/[<&]/.test(s)) return s;
  return s
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export function jsonTextToBlocks(text: string, baseLocation: string, section?: PageSection): TextBlock[] {
  try {
    return jsonToBlocks(JSON.parse(text), baseLocation, section);
  } catch {
    return [];
  }
}

export function kindCounts(blocks: TextBlock[]): Partial<Record<BlockKind, number>> {
  const counts: Partial<Record<BlockKind, number>> = {};
  for (const b of blocks) counts[b.kind] = (counts[b.kind] ?? 0) + 1;
  return counts;
}

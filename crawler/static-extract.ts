import * as cheerio from 'cheerio';
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import type { BlockKind, PageSection, TextBlock } from '../core/types.js';
import { isExecutableType } from './render-need.js';
import { jsonTextToBlocks, sectionFromUrl, type JsonSource, type PageExtraction, type PageLink } from './extract.js';

/**
 * The same extraction as IN_PAGE_EXTRACTOR, on markup without a browser (cheerio):
 * for `leakwatch scan file.html`, for links of unchanged pages, and as the fallback
 * when a page hangs or crashes the renderer. Hidden means hidden by markup (hidden
 * attribute, aria-hidden, inline display:none/visibility:hidden, common hiding classes),
 * since there is no computed style here.
 */

const CHROME = 'nav, footer, [role=navigation], [role=banner], [role=contentinfo]';
const CHROME_SIG = /cookie|quick-?exit|breadcrumb|skip-?link/i;
const RECORD_SIG = /priority|team-member|officer|event-item|event-card/i;
const BLOCKY = 'p,li,tr,div,table,ul,ol,dl,h1,h2,h3,h4,h5,h6,section,article,blockquote,pre,address,header,main,aside,form,fieldset,figure';
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'canvas']);
const PARA_TAGS = new Set(['p', 'blockquote', 'figcaption', 'pre', 'address', 'dd', 'dt', 'caption', 'label', 'legend', 'summary', 'td', 'th']);
const HIDDEN_CLASS = /(^|\s)(hidden|d-none|is-hidden|visually-hidden|sr-only|govuk-visually-hidden|hide)(\s|$)/i;

const norm = (s: string | undefined): string => (s ?? '').replace(/[\u00a0\s]+/g, ' ').trim();

export function extractStaticHtml(html: string, url = 'file:///local.html'): PageExtraction {
  const $ = cheerio.load(html);
  const pathSection = sectionFromUrl(url);
  const blocks: TextBlock[] = [];
  const seen = new Set<string>();
  const push = (text: string | undefined, kind: BlockKind, location: string, section: PageSection): void => {
    const t = norm(text);
    if (t.length < 2) return;
    const key = `${kind}\0${location}\0${t}`;
    if (seen.has(key)) return;
    seen.add(key);
    blocks.push({ text: t.slice(0, 20000), kind, location, section });
  };
  const attr = (el: Element, name: string): string => el.attribs?.[name] ?? '';
  const sig = (el: Element): string => `${attr(el, 'id')} ${attr(el, 'class')} ${attr(el, 'aria-label')} ${attr(el, 'data-section')}`.toLowerCase();
  const ancestors = (el: Element): Element[] => {
    const out: Element[] = [];
    for (let p = el.parent; p && p.type === 'tag'; p = p.parent) out.push(p as Element);
    return out;
  };
  const isChrome = (el: Element): boolean =>
    [el, ...ancestors(el)].some((e) => $(e).is(CHROME) || CHROME_SIG.test(`${attr(e, 'id')} ${attr(e, 'class')}`));
  const sectionOf = (el: Element): PageSection => {
    for (const e of [el, ...ancestors(el)]) {
      if (e.name === 'body') break;
      const s = sig(e);
      if (/priorit/.test(s)) return 'priorities';
      if (/team|officer|about-us|our-people|staff/.test(s)) return 'team';
      if (/contact/.test(s)) return 'contact';
      if (/event/.test(s)) return 'events';
      if (/news/.test(s)) return 'news';
    }
    return pathSection;
  };
  const cssPath = (el: Element): string => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && e.type === 'tag' && e.name !== 'html'; e = e.parent?.type === 'tag' ? (e.parent as Element) : null) {
      const id = attr(e, 'id');
      if (id && /^[A-Za-z][\w-]*$/.test(id)) {
        parts.unshift(`#${id}`);
        break;
      }
      let part = e.name;
      const cls = attr(e, 'class').trim().split(/\s+/)[0];
      if (cls && /^[A-Za-z_-][\w-]*$/.test(cls)) part += `.${cls}`;
      const siblings = (e.parent?.children ?? []).filter((c): c is Element => c.type === 'tag' && (c as Element).name === e!.name);
      if (siblings.length > 1) part += `:nth-of-type(${siblings.indexOf(e) + 1})`;
      parts.unshift(part);
      if (e.name === 'body') break;
    }
    return parts.join(' > ');
  };
  const isHidden = (el: Element): boolean => {
    if ('hidden' in (el.attribs ?? {}) || attr(el, 'aria-hidden') === 'true') return true;
    const style = attr(el, 'style').replace(/\s+/g, '').toLowerCase();
    if (/display:none|visibility:hidden/.test(style)) return true;
    return HIDDEN_CLASS.test(attr(el, 'class'));
  };
  /** Text as a browser's innerText roughly gives it: block boundaries become spaces, hidden parts dropped. */
  const visibleText = (node: AnyNode): string => {
    if (node.type === 'text') return (node as unknown as { data: string }).data;
    if (node.type !== 'tag') return '';
    const el = node as Element;
    if (SKIP_TAGS.has(el.name) || isHidden(el)) return '';
    if (el.name === 'br') return '\n';
    return el.children.map(visibleText).join(' ');
  };

  const done = new Set<Element>();
  const underDone = (el: Element): boolean => ancestors(el).some((a) => done.has(a));
  $('body *').each((_, node) => {
    const el = node as Element;
    if (SKIP_TAGS.has(el.name) || underDone(el)) return;
    if (isChrome(el)) {
      done.add(el);
      return;
    }
    const section = sectionOf(el);
    if (isHidden(el)) {
      done.add(el);
      push($(el).text(), 'hidden', cssPath(el), section);
      return;
    }
    const elSig = `${attr(el, 'class')} ${attr(el, 'itemtype')}`;
    const isRecord = RECORD_SIG.test(elSig) || 'data-priority' in (el.attribs ?? {}) || /Person|Event/.test(attr(el, 'itemtype'));
    if (isRecord && !$(el).find('*').toArray().some((d) => RECORD_SIG.test(attr(d as Element, 'class')))) {
      done.add(el);
      const kind: BlockKind = /priority/i.test(elSig) || 'data-priority' in (el.attribs ?? {}) ? 'priority' : /team-member|officer|person/i.test(elSig) ? 'team-member' : 'event';
      push(visibleText(el), kind, cssPath(el), section);
      return;
    }
    if (el.name === 'tr') {
      done.add(el);
      const cells = $(el).children('td,th').toArray().map((c) => norm(visibleText(c))).filter(Boolean);
      push(cells.join(' | '), 'table-row', cssPath(el), section);
    } else if (el.name === 'li') {
      done.add(el);
      push(visibleText(el), section === 'contact' ? 'contact' : section === 'events' ? 'event' : 'list-item', cssPath(el), section);
    } else if (/^h[1-6]$/.test(el.name)) {
      done.add(el);
      push(visibleText(el), 'heading', cssPath(el), section);
    } else if (PARA_TAGS.has(el.name)) {
      done.add(el);
      push(visibleText(el), section === 'contact' ? 'contact' : 'paragraph', cssPath(el), section);
    } else {
      const own = el.children.filter((c) => c.type === 'text').map((c) => (c as unknown as { data: string }).data).join(' ');
      if (norm(own).length < 2) return;
      if ($(el).find(BLOCKY).length === 0) {
        done.add(el);
        push(visibleText(el), section === 'contact' ? 'contact' : 'paragraph', cssPath(el), section);
      } else push(own, 'paragraph', cssPath(el), section);
    }
  });

  $('[alt], [title], [aria-label], [placeholder], [aria-description]').each((_, node) => {
    const el = node as Element;
    if (el.name === 'title' || isChrome(el)) return;
    for (const a of ['alt', 'title', 'aria-label', 'placeholder', 'aria-description']) {
      const v = el.attribs?.[a];
      if (v && norm(v).length > 1) push(v, 'attribute', `${cssPath(el)}@${a}`, sectionOf(el));
    }
  });
  $('body *').each((_, node) => {
    const el = node as Element;
    for (const [name, value] of Object.entries(el.attribs ?? {})) {
      if (name.startsWith('data-') && /[A-Za-z]{2}/.test(value) && value.length > 3 && value.length < 5000 && !/^[[{]/.test(value.trim())) {
        if (isChrome(el)) break;
        push(value, 'attribute', `${cssPath(el)}@${name}`, sectionOf(el));
      }
    }
  });
  let ci = 0;
  const walkComments = (n: AnyNode): void => {
    if (n.type === 'comment') {
      ci++;
      const parent = n.parent?.type === 'tag' ? (n.parent as Element) : undefined;
      push((n as unknown as { data: string }).data, 'comment', `${parent ? cssPath(parent) : 'document'} <!-- #${ci} -->`, parent ? sectionOf(parent) : pathSection);
    }
    const kids = (n as { children?: AnyNode[] }).children;
    if (kids) for (const k of kids) walkComments(k);
  };
  for (const root of $.root().toArray()) walkComments(root);
  $('noscript').each((_, node) => {
    const inner = cheerio.load($(node).html() ?? '');
    let text = inner.root().text();
    inner('[alt]').each((__, im) => {
      text += ` ${(im as Element).attribs.alt}`;
    });
    push(text, 'noscript', cssPath(node as Element), sectionOf(node as Element));
  });
  $('meta[content]').each((_, node) => {
    const el = node as Element;
    const keyAttr = ['name', 'property', 'http-equiv', 'itemprop'].find((a) => el.attribs[a]);
    const name = keyAttr ? el.attribs[keyAttr] : undefined;
    if (!name || /^(viewport|charset|theme-color|robots|format-detection)$/i.test(name)) return;
    push(el.attribs.content, 'meta', `meta[${keyAttr}="${name}"]`, pathSection);
  });

  const json: JsonSource[] = [];
  let si = 0;
  $('script:not([src])').each((_, node) => {
    si++;
    const el = node as Element;
    const type = (el.attribs.type ?? '').toLowerCase();
    const text = $(el).text();
    const loc = el.attribs.id ? `script#${el.attribs.id}` : `script:nth-of-type(${si})`;
    if (/json/.test(type)) {
      json.push({ location: loc, text, section: pathSection });
      return;
    }
    if (type && !/javascript|module|ecmascript/.test(type)) return;
    const m = /=\s*(JSON\.parse\()?\s*([[{])/.exec(text);
    if (m) {
      const start = m.index + m[0].length - 1;
      const end = text.lastIndexOf(m[2] === '{' ? '}' : ']');
      if (end > start) {
        const candidate = text.slice(start, end + 1);
        try {
          JSON.parse(candidate);
          json.push({ location: loc, text: candidate, section: pathSection });
          return;
        } catch {
          /* not JSON: fall through to literals */
        }
      }
    }
    const lits: string[] = [];
    const re = /(["'`])((?:\\.|(?!\1)[^\\\n]){6,}?)\1/g;
    let mm: RegExpExecArray | null;
    while ((mm = re.exec(text)) && lits.length < 500) if (/[A-Za-z]{2,}\s+[A-Za-z0-9]/.test(mm[2]) && !/[<>{};=]/.test(mm[2])) lits.push(mm[2]);
    if (lits.length) json.push({ location: loc, text: JSON.stringify(lits), section: pathSection });
  });

  const links = pageLinks($, url);
  return { title: norm($('title').first().text()), blocks, links, json };
}

/** Links a visitor can follow: a, area, iframe/frame, and link rel=next/prev/alternate, resolved against <base>. */
function pageLinks($: cheerio.CheerioAPI, url: string): PageLink[] {
  const links: PageLink[] = [];
  const base = (() => {
    const b = $('base[href]').attr('href');
    try {
      return b ? new URL(b, url).toString() : url;
    } catch {
      return url;
    }
  })();
  $('a[href], area[href], link[rel][href], iframe[src], frame[src]').each((_, node) => {
    const el = node as Element;
    const raw = el.attribs.href ?? el.attribs.src;
    if (!raw) return;
    if (el.name === 'link' && !/next|prev|alternate/i.test(el.attribs.rel ?? '')) return;
    try {
      links.push({ href: new URL(raw, base).toString(), text: norm($(el).text()).slice(0, 100), rel: el.attribs.rel });
    } catch {
      /* unparsable href */
    }
  });
  return links;
}

/**
 * Only the links, for pages whose content is unchanged (a no-change sweep reads every page for them).
 * htmlparser2 builds the tree several times faster than the spec parser, and link discovery does not
 * need the spec's error recovery.
 */
export function extractStaticLinks(html: string, url = 'file:///local.html'): PageLink[] {
  return pageLinks(cheerio.load(parseDocument(html)), url);
}

/** Static extraction with inline JSON state already turned into blocks. */
export function staticHtmlBlocks(html: string, url?: string): { title: string; blocks: TextBlock[]; links: PageLink[] } {
  const ex = extractStaticHtml(html, url);
  const blocks = [...ex.blocks];
  for (const j of ex.json) blocks.push(...jsonTextToBlocks(j.text, j.location, j.section));
  return { title: ex.title, blocks, links: ex.links };
}

/**
 * Does this markup run scripts that could change the page after load? Pages without any
 * executable script render exactly as fetched, so static extraction is complete for them.
 */
export function hasExecutableScript(html: string): boolean {
  // A linear scan, not a DOM: this runs on every page, including hostile ones with a million nodes.
  if (/<[a-z][^>]*\son(?:load|click|error)\s*=/i.test(html)) return true;
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
    if (isExecutableType(m[1])) return true;
  }
  return false;
}

/**
 * Turns HTML into text of exactly the same length: markup, scripts and styles become spaces,
 * block-level tags become a newline. Detector offsets therefore point straight into the
 * original HTML, which is what `scan --json` promises. Entities are left in place; the
 * detectors normalise them while keeping offsets exact.
 */
const BLOCK_TAGS = /^(p|div|br|li|ul|ol|tr|td|th|table|h[1-6]|section|article|header|footer|nav|main|aside|blockquote|pre|dd|dt|dl|form|hr)$/i;

export function htmlToAlignedText(html: string): string {
  const out: string[] = [];
  let i = 0;
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) { out.push(html.slice(i)); break; }
    out.push(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      // Comments are visible to anyone who views the source, so scan their text too.
      const end = html.indexOf('-->', lt + 4);
      const stop = end === -1 ? html.length : end + 3;
      out.push(end === -1 ? '    ' + html.slice(lt + 4) : '    ' + html.slice(lt + 4, end) + '   ');
      i = stop;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt === -1) { out.push(blank(html.slice(lt))); break; }
    const tag = html.slice(lt, gt + 1);
    const name = /^<\/?\s*([a-z0-9-]+)/i.exec(tag)?.[1] ?? '';
    if (/^(script|style)$/i.test(name) && !tag.startsWith('</')) {
      const close = html.toLowerCase().indexOf(`</${name.toLowerCase()}`, gt + 1);
      const stop = close === -1 ? html.length : close;
      out.push(blank(tag), blank(html.slice(gt + 1, stop)));
      i = stop;
      continue;
    }
    // alt/title/aria-label text is read by visitors and screen readers.
    const attrs = [...tag.matchAll(/\s(alt|title|aria-label|content)\s*=\s*("([^"]*)"|'([^']*)')/gi)];
    let rendered = blank(tag);
    for (const a of attrs) {
      const valueStart = (a.index ?? 0) + a[0].indexOf(a[2]) + 1;
      const value = a[3] ?? a[4] ?? '';
      rendered = rendered.slice(0, valueStart) + value + rendered.slice(valueStart + value.length);
    }
    if (BLOCK_TAGS.test(name)) rendered = '\n' + rendered.slice(1);
    out.push(rendered);
    i = gt + 1;
  }
  return out.join('');
}

/** Elements in a page, counted with one linear scan (no DOM is built). */
export function countElements(html: string): number {
  let n = 0;
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    const c = html.charCodeAt(i + 1);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n++;
  }
  return n;
}

/**
 * Text blocks from markup too large to parse or render safely (a million DOM nodes): one linear
 * pass, no DOM. Each block is a run of text between block-level tags, located by its offset.
 */
export function linearTextBlocks(html: string, maxBlocks = 20_000): Array<{ text: string; location: string }> {
  const text = htmlToAlignedText(html);
  const blocks: Array<{ text: string; location: string }> = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m && blocks.length < maxBlocks; m = re.exec(text)) {
    const t = m[0].replace(/\s+/g, ' ').trim();
    if (t.length > 1) blocks.push({ text: t.slice(0, 20_000), location: `text@${m.index}` });
  }
  return blocks;
}

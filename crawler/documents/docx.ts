import type { TextBlock } from '../../core/types.js';
import { DocumentRejectedError } from '../../core/errors.js';
import { readZipEntries } from './zip.js';
import { attrs, findAll, kids, metadataFields, parseOrdered, tagOf, textOf, type XNode } from './xml.js';

/**
 * DOCX: body paragraphs and table rows, tracked insertions (in the text) and deletions (kept
 * separately: a visitor with Word sees them), hidden (vanish) runs, comments, headers, footers,
 * foot/endnotes, and document properties.
 */

interface ParaText {
  visible: string;
  deleted: string;
  hidden: string;
}

function paragraphText(p: XNode): ParaText {
  const out: ParaText = { visible: '', deleted: '', hidden: '' };
  const walk = (nodes: XNode[], mode: 'visible' | 'deleted' | 'hidden') => {
    for (const n of nodes) {
      const t = tagOf(n);
      if (t === '#text') continue;
      if (t === 'w:t') out[mode] += textOf(n);
      else if (t === 'w:delText') out.deleted += textOf(n);
      else if (t === 'w:tab') out[mode] += ' ';
      else if (t === 'w:br' || t === 'w:cr') out[mode] += ' ';
      else if (t === 'w:del') walk(kids(n), 'deleted');
      else if (t === 'w:r') {
        const rPr = kids(n).find((k) => tagOf(k) === 'w:rPr');
        const vanish = rPr && kids(rPr).some((k) => tagOf(k) === 'w:vanish' && attrs(k)['w:val'] !== '0' && attrs(k)['w:val'] !== 'false');
        walk(kids(n), vanish && mode === 'visible' ? 'hidden' : mode);
      } else if (t === 'w:rPr' || t === 'w:pPr') continue;
      else walk(kids(n), mode);
    }
  };
  walk(kids(p), 'visible');
  return out;
}

function partBlocks(xml: Buffer, partLabel: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const root = parseOrdered(xml);
  let pi = 0;
  let ti = 0;
  const emitPara = (p: XNode, where: string) => {
    const t = paragraphText(p);
    const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
    if (clean(t.visible)) blocks.push({ text: clean(t.visible), kind: 'document-text', location: where });
    if (clean(t.deleted)) blocks.push({ text: clean(t.deleted), kind: 'hidden', location: `${where} (tracked deletion)` });
    if (clean(t.hidden)) blocks.push({ text: clean(t.hidden), kind: 'hidden', location: `${where} (hidden text)` });
  };
  const walk = (nodes: XNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:p') {
        pi++;
        emitPara(n, `${partLabel} paragraph ${pi}`);
      } else if (tag === 'w:tbl') {
        ti++;
        let ri = 0;
        for (const tr of kids(n).filter((k) => tagOf(k) === 'w:tr')) {
          ri++;
          const cells = kids(tr).filter((k) => tagOf(k) === 'w:tc');
          const texts = cells.map((c) => findAll(kids(c), 'w:p').map((p) => paragraphText(p)));
          const visible = texts.map((ps) => ps.map((x) => x.visible).join(' ').replace(/\s+/g, ' ').trim()).filter(Boolean).join(' | ');
          const deleted = texts.flat().map((x) => x.deleted).join(' ').replace(/\s+/g, ' ').trim();
          const hidden = texts.flat().map((x) => x.hidden).join(' ').replace(/\s+/g, ' ').trim();
          const where = `${partLabel} table ${ti} row ${ri}`;
          if (visible) blocks.push({ text: visible, kind: 'table-row', location: where });
          if (deleted) blocks.push({ text: deleted, kind: 'hidden', location: `${where} (tracked deletion)` });
          if (hidden) blocks.push({ text: hidden, kind: 'hidden', location: `${where} (hidden text)` });
        }
      } else walk(kids(n));
    }
  };
  walk(root);
  return blocks;
}

export async function extractDocx(bytes: Buffer): Promise<TextBlock[]> {
  const parts = await readZipEntries(bytes, (n) => /^word\/(document|comments|footnotes|endnotes|header\d*|footer\d*)\.xml$/.test(n) || /^docProps\/(core|app|custom)\.xml$/.test(n));
  const doc = parts.get('word/document.xml');
  if (!doc) throw new DocumentRejectedError('broken', 'not a Word document: word/document.xml is missing', 'check the file type; save it again as .docx');
  const blocks = partBlocks(doc, 'body');
  const comments = parts.get('word/comments.xml');
  if (comments) {
    for (const c of findAll(parseOrdered(comments), 'w:comment')) {
      const a = attrs(c);
      const text = findAll(kids(c), 'w:p').map((p) => paragraphText(p).visible).join(' ').replace(/\s+/g, ' ').trim();
      if (text) blocks.push({ text, kind: 'comment', location: `comment ${a['w:id'] ?? '?'}` });
      if (a['w:author']) blocks.push({ text: `comment author: ${a['w:author']}`, kind: 'metadata', location: `comment ${a['w:id'] ?? '?'} author` });
    }
  }
  for (const [name, xml] of parts) {
    const m = /^word\/(footnotes|endnotes|header\d*|footer\d*)\.xml$/.exec(name);
    if (m) blocks.push(...partBlocks(xml, m[1]));
  }
  // Authors of tracked changes are people too.
  const authors = new Set<string>();
  for (const tag of ['w:ins', 'w:del']) for (const n of findAll(parseOrdered(doc), tag)) if (attrs(n)['w:author']) authors.add(attrs(n)['w:author']);
  for (const a of authors) blocks.push({ text: `tracked change author: ${a}`, kind: 'metadata', location: 'tracked changes' });
  for (const { field, value } of metadataFields([parts.get('docProps/core.xml'), parts.get('docProps/app.xml'), parts.get('docProps/custom.xml')])) {
    blocks.push({ text: `${field}: ${value}`, kind: 'metadata', location: `properties ${field}` });
  }
  return blocks;
}

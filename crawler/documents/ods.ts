import type { TextBlock } from '../../core/types.js';
import { DocumentRejectedError } from '../../core/errors.js';
import { readZipEntries } from './zip.js';
import { columnLetter } from './xlsx.js';
import { attrs, findAll, kids, metadataFields, parseOrdered, tagOf, textOf, type XNode } from './xml.js';

/** ODS (OpenDocument spreadsheet): every table incl. hidden ones, collapsed rows, annotations, named ranges, meta.xml. */

const MAX_REPEAT = 1000; // "number-rows-repeated" can say 1,048,576 for trailing empty rows

function cellValue(cell: XNode): { text: string; note: string } {
  let text = '';
  let note = '';
  for (const k of kids(cell)) {
    const t = tagOf(k);
    if (t === 'office:annotation') note += findAll(kids(k), 'text:p').map(textOf).join(' ');
    else if (t === 'text:p' || t === 'text:h') text += (text ? ' ' : '') + textOf(k);
  }
  const a = attrs(cell);
  if (!text && a['office:value']) text = a['office:value'];
  return { text: text.replace(/\s+/g, ' ').trim(), note: note.replace(/\s+/g, ' ').trim() };
}

export async function extractOds(bytes: Buffer): Promise<TextBlock[]> {
  const parts = await readZipEntries(bytes, (n) => n === 'content.xml' || n === 'meta.xml');
  const content = parts.get('content.xml');
  if (!content) throw new DocumentRejectedError('broken', 'not an OpenDocument spreadsheet: content.xml is missing', 'check the file type; save it again as .ods');
  const blocks: TextBlock[] = [];
  const root = parseOrdered(content);
  for (const table of findAll(root, 'table:table')) {
    const sheet = attrs(table)['table:name'] ?? 'Sheet';
    let r = 0;
    for (const row of findAll(kids(table), 'table:table-row')) {
      const repeat = Math.min(MAX_REPEAT, Number(attrs(row)['table:number-rows-repeated'] ?? 1));
      const cells: string[] = [];
      let c = 0;
      let first = 0;
      let last = 0;
      for (const cell of kids(row).filter((k) => tagOf(k) === 'table:table-cell' || tagOf(k) === 'table:covered-table-cell')) {
        const span = Math.min(MAX_REPEAT, Number(attrs(cell)['table:number-columns-repeated'] ?? 1));
        const { text, note } = cellValue(cell);
        for (let i = 0; i < span; i++) {
          c++;
          if (text) {
            cells.push(text);
            if (!first) first = c;
            last = c;
          }
          if (note && i === 0) blocks.push({ text: note, kind: 'comment', location: `${sheet}!${columnLetter(c)}${r + 1} (comment)` });
        }
      }
      const declared = Number(attrs(row)['table:number-rows-repeated'] ?? 1);
      if (!cells.length) {
        r += declared;
        continue;
      }
      for (let i = 0; i < repeat; i++) {
        r++;
        blocks.push({ text: cells.join(' | '), kind: 'cell-row', location: `${sheet}!${columnLetter(first)}${r}:${columnLetter(last)}${r}` });
      }
      r += declared - repeat;
    }
  }
  for (const n of [...findAll(root, 'table:named-range'), ...findAll(root, 'table:named-expression')]) {
    const a = attrs(n);
    blocks.push({ text: `${a['table:name']}: ${a['table:cell-range-address'] ?? a['table:expression'] ?? ''}`, kind: 'metadata', location: `defined name ${a['table:name']}` });
  }
  for (const { field, value } of metadataFields([parts.get('meta.xml')])) blocks.push({ text: `${field}: ${value}`, kind: 'metadata', location: `properties ${field}` });
  return blocks;
}

import ExcelJS from 'exceljs';
import type { TextBlock } from '../../core/types.js';
import { DocumentRejectedError } from '../../core/errors.js';
import { readZipEntries } from './zip.js';
import { attrs, findAll, kids, parseOrdered, tagOf, type XNode } from './xml.js';

/**
 * XLSX: every sheet (visible, hidden and very hidden alike), every row including hidden rows and
 * columns, cell comments, defined names, pivot-cache records (the K&C 2018 leak), and properties.
 * One block per row: "Sheet!A3:F3".
 */

export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function cellText(cell: ExcelJS.Cell): string {
  try {
    const t = cell.text;
    if (t) return String(t).replace(/\s+/g, ' ').trim();
  } catch {
    /* fall through to the raw value */
  }
  const v = cell.value as unknown;
  if (v == null) return '';
  if (typeof v === 'object' && v !== null && 'result' in v) return String((v as { result: unknown }).result ?? '');
  return String(v);
}

function noteText(note: ExcelJS.Cell['note']): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text: string }[] }).texts;
  return (texts ?? []).map((t) => t.text).join('').trim();
}

export async function extractXlsx(bytes: Buffer): Promise<TextBlock[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new DocumentRejectedError('broken', `spreadsheet could not be read: ${(err as Error).message.split('\n')[0]}`, 'check the file opens in a spreadsheet program; save it again as .xlsx');
  }
  const blocks: TextBlock[] = [];
  for (const ws of wb.worksheets) {
    const sheet = ws.name;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: string[] = [];
      let first = 0;
      let last = 0;
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const t = cellText(cell);
        if (t) {
          cells.push(t);
          if (!first) first = c;
          last = c;
        }
        const note = noteText(cell.note);
        if (note) blocks.push({ text: note, kind: 'comment', location: `${sheet}!${columnLetter(c)}${r} (comment)` });
      });
      if (cells.length) blocks.push({ text: cells.join(' | '), kind: 'cell-row', location: `${sheet}!${columnLetter(first)}${r}:${columnLetter(last)}${r}` });
    });
  }
  const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model ?? [];
  for (const n of names) blocks.push({ text: `${n.name}: ${n.ranges.join(', ')}`, kind: 'metadata', location: `defined name ${n.name}` });
  const props: [string, unknown][] = [
    ['creator', wb.creator], ['lastModifiedBy', wb.lastModifiedBy], ['title', wb.title], ['subject', wb.subject],
    ['description', wb.description], ['keywords', wb.keywords], ['category', wb.category], ['company', wb.company], ['manager', wb.manager],
  ];
  for (const [field, value] of props) if (typeof value === 'string' && value.trim()) blocks.push({ text: `${field}: ${value.trim()}`, kind: 'metadata', location: `properties ${field}` });
  blocks.push(...(await pivotCacheBlocks(bytes)));
  return blocks;
}

/** Pivot caches keep a full copy of the source rows even when the source sheet was deleted. */
async function pivotCacheBlocks(bytes: Buffer): Promise<TextBlock[]> {
  const parts = await readZipEntries(bytes, (n) => /^xl\/pivotCache\/pivotCache(Definition|Records)\d+\.xml$/.test(n));
  const blocks: TextBlock[] = [];
  for (const [name, xml] of parts) {
    const m = /pivotCacheDefinition(\d+)\.xml$/.exec(name);
    if (!m) continue;
    const fields = findAll(parseOrdered(xml), 'cacheField').map((f) => ({
      name: attrs(f)['name'] ?? '',
      shared: findAll(kids(f), 'sharedItems').flatMap((s) => kids(s).map((i) => attrs(i)['v'] ?? '')),
    }));
    const recordsXml = parts.get(`xl/pivotCache/pivotCacheRecords${m[1]}.xml`);
    if (!recordsXml) {
      // No records part: the shared items alone still hold the distinct values.
      fields.forEach((f) => f.shared.length && blocks.push({ text: `${f.name}: ${f.shared.join(' | ')}`, kind: 'cell-row', location: `pivotCache${m[1]} field ${f.name}` }));
      continue;
    }
    let ri = 0;
    for (const rec of findAll(parseOrdered(recordsXml), 'r')) {
      ri++;
      const values = kids(rec)
        .filter((k) => tagOf(k) && tagOf(k) !== '#text')
        .map((k: XNode, i) => (tagOf(k) === 'x' ? fields[i]?.shared[Number(attrs(k)['v'])] ?? '' : attrs(k)['v'] ?? ''))
        .filter(Boolean);
      if (values.length) blocks.push({ text: values.join(' | '), kind: 'cell-row', location: `pivotCache${m[1]} record ${ri}` });
    }
  }
  return blocks;
}

import { parse } from 'csv-parse/sync';
import type { TextBlock } from '../../core/types.js';
import { DocumentRejectedError } from '../../core/errors.js';

/** CSV (one block per row, "row N") and plain text (one block per paragraph, "lines A-B"). */

export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  const s = bytes.toString('utf8');
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

export function extractCsv(bytes: Buffer): TextBlock[] {
  let rows: string[][];
  try {
    rows = parse(decodeText(bytes), { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (err) {
    throw new DocumentRejectedError('broken', `CSV could not be parsed: ${(err as Error).message}`, 'check the file is comma-separated text');
  }
  const blocks: TextBlock[] = [];
  rows.forEach((row, i) => {
    const cells = row.map((c) => c.replace(/\s+/g, ' ').trim()).filter(Boolean);
    if (cells.length) blocks.push({ text: cells.join(' | '), kind: 'cell-row', location: `row ${i + 1}` });
  });
  return blocks;
}

export function extractText(bytes: Buffer): TextBlock[] {
  const lines = decodeText(bytes).split(/\r?\n/);
  const blocks: TextBlock[] = [];
  let start = -1;
  let buf: string[] = [];
  const flush = (end: number) => {
    const text = buf.join('\n').trim();
    if (text) blocks.push({ text, kind: 'document-text', location: start === end ? `line ${start + 1}` : `lines ${start + 1}-${end + 1}` });
    buf = [];
    start = -1;
  };
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      if (buf.length) flush(i - 1);
      return;
    }
    if (start < 0) start = i;
    buf.push(line);
    if (buf.length >= 50) flush(i);
  });
  if (buf.length) flush(lines.length - 1);
  return blocks;
}

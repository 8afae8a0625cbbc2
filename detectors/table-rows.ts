/**
 * Tables: what a cell is follows from its column. FOI releases and spreadsheet exports are the
 * commonest real leak, and their cells carry no cue of their own: "17/02/1986" under "DOB" is a
 * birth date, "22 HIGHFIELD, HEMEL HEMPSTEAD" under "Address" is a home, while "03/07/2026" under
 * "Reported" is not a birth date even though "DOB" heads another column of the same table.
 *
 * The header is a line of the text itself (a table pasted as text) or, for one row per block, the
 * header row the page gave (detectBlocks' extraContext). With no header in view, the oldest
 * whole-cell date at least MIN_AGE_YEARS old in a row that names a person is read as a birth date:
 * the other dates of such rows (incident, report, review) are recent.
 */
import type { BlockKind, Entity } from '../core/types.js';
import type { RawDetection } from './types.js';
import { firstEndingAfter, newDetection } from './engine.js';
import { birthDate } from './recognizers/structured.js';
import { isOldEnoughToBeBirth } from './beside-names.js';
import { postcodeKind } from './validators.js';

/** Longest line taken for a header row: headers are short, prose paragraphs are not. */
const MAX_HEADER_LENGTH = 400;

type ColumnKind = 'dob' | 'address' | 'postcode' | 'name' | 'other';
type Separator = '|' | '\t' | ',';

/** Header cell → what its column holds. Dates of other things ("Date reported") stay 'other'. */
function columnKind(header: string): ColumnKind {
  const h = header.trim().toLowerCase();
  if (/\b(?:dob|d\.o\.b\.?|date of birth|birth ?date|born)\b/.test(h)) return 'dob';
  if (/^post ?code$|\bpostcode\b/.test(h)) return 'postcode';
  if (/\baddress\b|\bstreet\b|\bresidence\b/.test(h) && !/e-?mail|\bip\b|web/.test(h)) return 'address';
  if (/^(?:(?:full |person'?s? |subject |victim'?s? |suspect'?s? |offender'?s? |driver'?s? |keeper'?s? |owner'?s? )?names?|person|subject|surname|surname, forenames?|forenames?|forename\(s\)|victim|suspect|offender|perpetrator|complainant|witness|driver|keeper|registered keeper|owner|tenant|resident|ip|accused|defendant|detained person|nominal)$/.test(h)) return 'name';
  return 'other';
}

/** The separator of a header line: pipes or tabs, else commas when there are enough of them (a CSV export). */
function separatorOf(line: string): Separator | null {
  if (line.includes('|')) return '|';
  if (line.includes('\t')) return '\t';
  let commas = 0;
  for (let i = line.indexOf(','); i >= 0 && commas < 3; i = line.indexOf(',', i + 1)) commas++;
  return commas >= 3 ? ',' : null;
}

/**
 * [start, end) of each cell of text[base, end) split on `sep`, trimmed; a CSV field in double quotes
 * may hold commas ("" is a quote) and its offsets exclude the quotes. csv-parse would parse the row
 * but not give each field's offset in the text, which every finding needs.
 */
function cells(text: string, base: number, end: number, sep: Separator): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = base;
  for (;;) {
    let a = i;
    while (a < end && (text.charCodeAt(a) === 32 || (sep !== '\t' && text.charCodeAt(a) === 9))) a++;
    let b: number;
    let next: number;
    if (sep === ',' && text[a] === '"') {
      let q = a + 1;
      for (;;) {
        q = text.indexOf('"', q);
        if (q < 0 || q >= end) { q = end; break; }
        if (text[q + 1] === '"') { q += 2; continue; }
        break;
      }
      const from = a + 1;
      b = q;
      a = from;
      next = text.indexOf(sep, Math.min(q + 1, end));
    } else {
      next = text.indexOf(sep, a);
      b = next < 0 || next > end ? end : next;
      while (b > a && /\s/.test(text[b - 1]!)) b--;
    }
    out.push([a, b]);
    if (next < 0 || next >= end) break;
    i = next + 1;
  }
  return out;
}

interface HeaderInfo { kinds: ColumnKind[]; sep: Separator }

/** Column kinds of a header line, or null when it is not one (too few cells, digits, no column known). */
function headerInfo(line: string): HeaderInfo | null {
  if (line.length > MAX_HEADER_LENGTH || /\d/.test(line)) return null;
  const sep = separatorOf(line);
  if (!sep) return null;
  const kinds = cells(line, 0, line.length, sep).map(([a, b]) => columnKind(line.slice(a, b)));
  return kinds.length >= 3 && kinds.some((k) => k !== 'other') ? { kinds, sep } : null;
}

/** A name cell: two to five capitalised words ("SANDHU, Harjit Singh", "Mei Ling CHAN"); "Yes", "Not known" are not. */
const NAME_CELL = /^\p{Lu}[\p{L}'’.-]*(?:[ ,]+\p{Lu}[\p{L}'’.-]*){1,4}$/u;

export interface TablePass {
  add: RawDetection[];
  /** Detections in a column that cannot hold them (a report date under "Reported" taken for a DOB). */
  drop: Set<RawDetection>;
}

/**
 * Column-driven detections for a table row block or a text holding a table. `dets` are the
 * recognisers' detections (disjoint, sorted); `header` is the page's header row for a row block.
 */
export function tableCells(text: string, dets: readonly RawDetection[], kind: BlockKind | undefined, header?: string, now = new Date()): TablePass {
  const out: TablePass = { add: [], drop: new Set() };
  if (!text.includes('|') && !text.includes('\t') && !text.includes(',')) return out;
  // dets are disjoint and sorted: the ones overlapping a cell are found by binary search
  const overlapping = (s: number, e: number): RawDetection[] => {
    const found: RawDetection[] = [];
    for (let i = firstEndingAfter(dets, s); i < dets.length && dets[i]!.start < e; i++) found.push(dets[i]!);
    return found;
  };
  const add = (entity: Entity, detector: string, s: number, e: number, score: number, reason: string): void => {
    out.add.push(newDetection(entity, detector, s, e, score, [reason], false));
  };

  const rowBlock = kind === 'table-row' || kind === 'cell-row';
  let table: HeaderInfo | null = header && rowBlock ? headerInfo(header.split('\n')[0]!) : null;
  let sawHeader = table !== null;
  for (let ls = 0; ls <= text.length; ) {
    const nl = text.indexOf('\n', ls);
    const le = nl < 0 ? text.length : nl;
    const lineStart = ls;
    ls = le + 1;
    if (le - lineStart < 5) continue;
    const line = text.slice(lineStart, le);
    const info = headerInfo(line);
    if (info) {
      table = info;
      sawHeader = true;
      continue;
    }
    if (table && line.includes(table.sep)) mapRow(lineStart, le, table);
  }

  function mapRow(ls: number, le: number, t: HeaderInfo): void {
    const row = cells(text, ls, le, t.sep);
    // a row lines up with its header; trailing empty cells ("… | CM21 9JX |") do not count
    let n = row.length;
    while (n > t.kinds.length && row[n - 1]![0] === row[n - 1]![1]) n--;
    if (n !== t.kinds.length) return;
    // a detection running across cells ("71 ALBERT ROAD PLYMOUTH,PL2 1AJ") is cut back to the cells' own
    for (const d of overlapping(row[0]![0], row[n - 1]![1])) {
      const c = row.findIndex(([a, b]) => d.start < b && a < d.end);
      if (c >= 0 && d.end > row[c]![1] && c + 1 < n && d.end > row[c + 1]![0]) out.drop.add(d);
    }
    for (let c = 0; c < n; c++) {
      const [a, b] = row[c]!;
      if (a === b) continue;
      const value = text.slice(a, b);
      const inCell = overlapping(a, b).filter((d) => !out.drop.has(d));
      const k = t.kinds[c]!;
      // a whole-cell date outside the DOB column took its "DOB" cue from the header: not a birth date
      // ("perp BAKER, Ellis DOB 27/03/2010" inside an Outcome cell keeps its own cue)
      for (const d of inCell) if (d.entity === 'DATE_OF_BIRTH' && k !== 'dob' && d.start === a && d.end === b) out.drop.add(d);
      if (k === 'dob') {
        if (!inCell.some((d) => d.entity === 'DATE_OF_BIRTH') && birthDate(value) !== null) add('DATE_OF_BIRTH', 'table-dob-column', a, b, 0.8, 'table:dob-column');
      } else if (k === 'address') {
        // a house number or a locality after a comma: "Verdin Park (open space)" in the column is a place
        if (/\p{L}/u.test(value) && (/\d/.test(value) || value.includes(',')) && !inCell.some((d) => d.entity === 'ADDRESS' && d.start <= a && d.end >= b)) {
          add('ADDRESS', 'table-address-column', a, b, 0.75, 'table:address-column');
        }
      } else if (k === 'postcode') {
        if (postcodeKind(value) !== null && !inCell.some((d) => d.entity === 'POSTCODE')) add('POSTCODE', 'table-postcode-column', a, b, 0.8, 'table:postcode-column');
      } else if (k === 'name') {
        if (NAME_CELL.test(value) && !inCell.some((d) => d.entity === 'PERSON')) add('PERSON', 'table-name-column', a, b, 0.7, 'table:name-column');
      }
    }
  }
  if (sawHeader || !rowBlock) return out;

  // no header in view: the oldest old-enough whole-cell date of a row naming a person
  if (!dets.some((d) => d.entity === 'PERSON') || dets.some((d) => d.entity === 'DATE_OF_BIRTH')) return out;
  let best: { start: number; end: number; when: number } | null = null;
  for (const [a, b] of cells(text, 0, text.length, separatorOf(text) ?? ',')) {
    if (b - a < 6 || b - a > 20 || (!/\d/.test(text[a]!) && !/\d/.test(text[b - 1]!))) continue;
    const when = birthDate(text.slice(a, b));
    if (when === null || !isOldEnoughToBeBirth(when, now)) continue;
    if (overlapping(a, b).length) continue;
    if (!best || when < best.when) best = { start: a, end: b, when };
  }
  if (best) add('DATE_OF_BIRTH', 'date-of-birth-table-row', best.start, best.end, 0.6, 'dob:oldest-date-in-person-row');
  return out;
}

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
import { newDetection } from './engine.js';
import { parseDate } from './recognizers/structured.js';
import { isPlausibleDob } from './validators.js';

const MIN_AGE_YEARS = 10;
const SEPARATOR = /[|\t]/g;

type ColumnKind = 'dob' | 'address' | 'name' | 'other';

/** Header cell → what its column holds. Dates of other things ("Date reported") stay 'other'. */
function columnKind(header: string): ColumnKind {
  const h = header.trim().toLowerCase();
  if (/\b(?:dob|d\.o\.b\.?|date of birth|birth ?date|born)\b/.test(h)) return 'dob';
  if (/\baddress\b|\bstreet\b|\bresidence\b/.test(h) && !/e-?mail|\bip\b|web/.test(h)) return 'address';
  if (/^(?:(?:full |person'?s? |subject |victim'?s? |suspect'?s? |offender'?s? |driver'?s? )?names?|person|subject|surname|surname, forenames?|forenames?|forename\(s\)|victim|suspect|offender|perpetrator|complainant|witness|driver|keeper|owner|tenant|resident|ip|accused|defendant)$/.test(h)) return 'name';
  return 'other';
}

/** [start, end) of each trimmed cell of `line` (cells split on '|' or tab), offsets into `text` from `base`. */
function cells(text: string, base: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = base;
  for (let i = base; i <= end; i++) {
    if (i === end || text[i] === '|' || text[i] === '\t') {
      let a = s;
      let b = i;
      while (a < b && /\s/.test(text[a]!)) a++;
      while (b > a && /\s/.test(text[b - 1]!)) b--;
      out.push([a, b]);
      s = i + 1;
    }
  }
  return out;
}

/** Column kinds of a header line, or null when it is not a header (too few cells, digits, nothing known). */
function headerKinds(line: string): ColumnKind[] | null {
  if (/\d/.test(line) || !/[|\t]/.test(line)) return null;
  const kinds = cells(line, 0, line.length).map(([a, b]) => columnKind(line.slice(a, b)));
  return kinds.length >= 3 && kinds.some((k) => k !== 'other') ? kinds : null;
}

const dateValue = (s: string): number | null => {
  const d = parseDate(s.replace(/\s+/g, ' '));
  if (!d) return null;
  const [y, mo, day] = d;
  return isPlausibleDob(y, mo, day) ? Date.UTC(y, mo - 1, day) : null;
};

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
  if (!text.includes('|') && !text.includes('\t')) return out;
  // dets are disjoint and sorted: the ones overlapping a cell are found by binary search
  const overlapping = (s: number, e: number): RawDetection[] => {
    let lo = 0;
    let hi = dets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dets[mid]!.end <= s) lo = mid + 1;
      else hi = mid;
    }
    const found: RawDetection[] = [];
    for (let i = lo; i < dets.length && dets[i]!.start < e; i++) found.push(dets[i]!);
    return found;
  };
  const add = (entity: Entity, detector: string, s: number, e: number, score: number, reason: string): void => {
    out.add.push(newDetection(entity, detector, s, e, score, [reason], false));
  };

  // the lines holding a cell separator, each with its offset (a long text is mostly prose)
  const lines: Array<[number, number]> = [];
  SEPARATOR.lastIndex = 0;
  for (let m = SEPARATOR.exec(text); m; m = SEPARATOR.exec(text)) {
    const s = text.lastIndexOf('\n', m.index) + 1;
    const nl = text.indexOf('\n', m.index);
    const e = nl < 0 ? text.length : nl;
    lines.push([s, e]);
    SEPARATOR.lastIndex = e;
  }
  let kinds: ColumnKind[] | null = header && (kind === 'table-row' || kind === 'cell-row') ? headerKinds(header.split('\n')[0]!) : null;
  let sawHeader = kinds !== null;
  for (const [ls, le] of lines) {
    const lineKinds = headerKinds(text.slice(ls, le));
    if (lineKinds) {
      kinds = lineKinds;
      sawHeader = true;
      continue;
    }
    const row = cells(text, ls, le);
    if (row.length < 3) continue;
    if (kinds) {
      // a row lines up with its header; trailing empty cells ("… | CM21 9JX |") do not count
      let n = row.length;
      while (n > kinds.length && row[n - 1]![0] === row[n - 1]![1]) n--;
      if (n !== kinds.length) continue;
      for (let c = 0; c < n; c++) {
        const [a, b] = row[c]!;
        if (a === b) continue;
        const value = text.slice(a, b);
        const inCell = overlapping(a, b);
        const k = kinds[c]!;
        // a whole-cell date outside the DOB column took its "DOB" cue from the header: not a birth date
        // ("perp BAKER, Ellis DOB 27/03/2010" inside an Outcome cell keeps its own cue)
        for (const d of inCell) if (d.entity === 'DATE_OF_BIRTH' && k !== 'dob' && d.start === a && d.end === b) out.drop.add(d);
        if (k === 'dob') {
          if (!inCell.some((d) => d.entity === 'DATE_OF_BIRTH') && dateValue(value) !== null) add('DATE_OF_BIRTH', 'table-dob-column', a, b, 0.8, 'table:dob-column');
        } else if (k === 'address') {
          if (/\p{L}/u.test(value) && (/\d/.test(value) || value.includes(',')) && !inCell.some((d) => d.entity === 'ADDRESS' && d.start <= a && d.end >= b)) {
            add('ADDRESS', 'table-address-column', a, b, 0.75, 'table:address-column');
          }
        } else if (k === 'name') {
          if (NAME_CELL.test(value) && !inCell.some((d) => d.entity === 'PERSON')) add('PERSON', 'table-name-column', a, b, 0.7, 'table:name-column');
        }
      }
      continue;
    }
  }
  if (sawHeader || (kind !== 'table-row' && kind !== 'cell-row')) return out;

  // no header in view: the oldest old-enough whole-cell date of a row naming a person
  if (!dets.some((d) => d.entity === 'PERSON') || dets.some((d) => d.entity === 'DATE_OF_BIRTH')) return out;
  let best: { start: number; end: number; when: number } | null = null;
  for (const [a, b] of cells(text, 0, text.length)) {
    if (b - a < 6 || b - a > 20 || (!/\d/.test(text[a]!) && !/\d/.test(text[b - 1]!))) continue;
    const when = dateValue(text.slice(a, b));
    if (when === null || now.getTime() - when < MIN_AGE_YEARS * 365.25 * 86_400_000) continue;
    if (overlapping(a, b).length) continue;
    if (!best || when < best.when) best = { start: a, end: b, when };
  }
  if (best) add('DATE_OF_BIRTH', 'date-of-birth-table-row', best.start, best.end, 0.6, 'dob:oldest-date-in-person-row');
  return out;
}

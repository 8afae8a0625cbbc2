/**
 * Tables: what a cell is follows from its column. FOI releases and spreadsheet exports are the
 * commonest real leak, and their cells carry no cue of their own: "17/02/1986" under "DOB" is a
 * birth date, "22 HIGHFIELD, HEMEL HEMPSTEAD" under "Address" is a home, while "03/07/2026" under
 * "Reported" is not a birth date even though "DOB" heads another column of the same table.
 *
 * Identifier columns work the same way: "463908127" under "Passport" or "yh 14 77 02 d" under "NINO"
 * is taken when its validator accepts it, and so is a JSON value under a key that names it ("nhsNo",
 * "sortCode", "fullName"). The header is a line of the text itself (a table pasted as text) or, for one
 * row per block, the header row the page gave (detectBlocks' extraContext). With no header in view, the oldest
 * whole-cell date at least MIN_AGE_YEARS old in a row that names a person is read as a birth date:
 * the other dates of such rows (incident, report, review) are recent.
 */
import type { BlockKind, Entity } from '../core/types.js';
import type { RawDetection } from './types.js';
import { firstEndingAfter, newDetection } from './engine.js';
import { birthDate } from './recognizers/structured.js';
import { isOldEnoughToBeBirth } from './beside-names.js';
import { postcodeKind, isPassportShape, isValidNino, nhsCheckDigitOk, isValidDrivingLicence, vrmFormat, isRoadNumber, isValidCard } from './validators.js';

/** Longest line taken for a header row: headers are short, prose paragraphs are not. */
const MAX_HEADER_LENGTH = 400;

type ColumnKind =
  | 'dob' | 'address' | 'postcode' | 'name'
  /** one part of a name (a "Surname" or "Forename" column): one or two words make a name */
  | 'name-part'
  /** a later line of an address in its own column ("Addr2", "Locality"): read only beside an address column */
  | 'address-part'
  | 'ni' | 'nhs' | 'passport' | 'licence' | 'vrm' | 'sort-code' | 'account' | 'card'
  | 'other';
/** '  ' is a run of two or more spaces: a table laid out in columns of spaces (text taken out of a PDF). */
type Separator = '|' | '\t' | ',' | '  ';

/** Header cell → what its column holds. Dates of other things ("Date reported") stay 'other'. */
function columnKind(header: string): ColumnKind {
  // "Defendant/Respondent", "DOB/Age": the first name says what the column holds; a later one only when it names
  // a kind of data ("Age/DOB"), not a party ("Prosecutor/Applicant" holds bodies)
  const slash = header.indexOf('/');
  if (slash > 1 && !/\b[a-z]\/[a-z]\b/i.test(header)) {
    const parts = header.split('/');
    const first = columnKindOfOne(parts[0]!);
    if (first !== 'other') return first;
    for (const part of parts.slice(1)) {
      const k = columnKindOfOne(part);
      if (k !== 'other' && k !== 'name' && k !== 'name-part') return k;
    }
    return 'other';
  }
  return columnKindOfOne(header);
}

/** A column of whole names: "Name", "Victim's name", "Suspect", "Registered keeper", "Nominal". */
const NAME_HEADER = /^(?:(?:full |person'?s? |subject |victim'?s? |suspect'?s? |offender'?s? |driver'?s? |keeper'?s? |owner'?s? |witness'?s? )?names?|person|subject|surname, forenames?|victim|suspect|offender|perpetrator|complainant|witness|driver|keeper|registered keeper|owner|tenant|resident|ip|accused|defendant|detained person|nominal|guest|reporter|informant|caller|parent|guardian|occupier|occupant|applicant|coordinator)$/;

function columnKindOfOne(header: string): ColumnKind {
  // "SubjectDOB", "ReporterAddress", "date_of_birth": an export's run-together names read as words
  const h = header.trim().replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  if (/\b(?:dob|d\.o\.b\.?|date of birth|birth ?date|born)\b/.test(h)) return 'dob';
  if (/^post ?code$|\bpostcode\b/.test(h)) return 'postcode';
  if (/\baddress\b|\bstreet\b|\bresidence\b/.test(h) && !/e-?mail|\bip\b|web/.test(h) && !/\b(?:2|3|two|three)$/.test(h)) return 'address';
  // "Addr1", "Address line 1", "line1"; then "Addr2", "line2", "Locality" hold the rest of the same address
  if (/^(?:(?:home |subject |victim |ip )?addr(?:ess)?(?: line)? ?1|line ?1)$/.test(h)) return 'address';
  // (a town or city column is left alone: on its own it is where someone lives, not their address)
  if (/^(?:(?:home |subject |victim |ip )?addr(?:ess)?(?: line)? ?[23]|line ?[23]|locality)$/.test(h)) return 'address-part';
  // "WITNESS_SURNAME", "victim_forename", "SubjectSurname": a party's name parts; "Name (Last, First)": a note in brackets says how
  const party = h.replace(/^(?:witness|wit|victim|vict|suspect|susp|offender|subject|driver|keeper|owner|complainant|reporter|caller|parent|guardian|nominal)\s+(?=(?:sur|fore|first|last|given|family|middle)\s*names?\b|(?:sur|fore)name)/, '');
  const plain = h.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  if (/^(?:surname|forenames?|forename\(s\)|(?:first|last|given|family|middle) names?)$/.test(party)) return 'name-part';
  if (NAME_HEADER.test(h) || (plain !== h && NAME_HEADER.test(plain))) return 'name';
  // "H&C no. (injured)": a note in brackets says whose, not what
  const id = plain.replace(/\.$/, '');
  if (/^(?:ni|n\.i|nino|n\.i\.n\.o|ni no|ni number|nat\.? ins(?:\.? no)?|national insurance(?: no| number)?)$/.test(id)) return 'ni';
  if (/^(?:nhs|chi|h&c)(?: no| number)?$/.test(id)) return 'nhs';
  if (/^passport(?: no| number)?$/.test(id)) return 'passport';
  if (/^(?:(?:driving |driver )?licen[cs]e(?: no| number)?|dl(?: no)?|dvla(?: no| number)?|driver (?:no|number))$/.test(id)) return 'licence';
  if (/^(?:vrm|vrn|reg(?:istration)?(?: no| number| mark)?|index|(?:number )?plate|vehicle reg(?:istration)?)$/.test(id)) return 'vrm';
  if (/^(?:sort[ -]?code|s\/c)$/.test(id)) return 'sort-code';
  if (/^(?:(?:bank )?account(?: no| number)?|a\/c(?: no)?|acc no)$/.test(id)) return 'account';
  if (/^(?:(?:payment |credit |debit )?card(?: no| number)?|pan)$/.test(id)) return 'card';
  return 'other';
}

/** A cell a redaction emptied: an exemption cited in its place, a bracketed marker, a run of X or of blocks. */
const REDACTED_CELL = /\b(?:s(?:ection|\.)?[ \t]*40|s(?:ection|\.)?[ \t]*38|redacted|withheld)\b|^\[[^\]]*\]$|X{4,}|█/i;

/** A locality or town on its own: "Sprowston", "Eastern Green", "KINGSWOOD". */
const ADDRESS_PART_CELL = /^\p{Lu}[\p{L}'’.-]*(?:[ -]+\p{Lu}[\p{L}'’.-]*){0,3}$/u;

/** Placeholders a name column holds when nobody is named ("Redacted", "Withheld": REDACTED_CELL, tested first). */
const NO_NAME = new Set(['unknown', 'none', 'n/a', 'na', 'tbc', 'not known', 'nil', 'various', 'anonymous']);
/** One part of a name in its own column: "HOLLIS", "Okafor-Reid", "Mei Ling". */
const NAME_PART_CELL = /^\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*)?$/u;

/** Two sentences in one cell. */
const SENTENCES = /[a-z0-9][.!?][ \t]+[A-Z]/;

/**
 * What a cell or field value is, given its column or key: an identifier column takes a value that its
 * validator accepts (the header is the cue the value lacks). Entity and score, or null.
 */
function fieldValue(k: ColumnKind, value: string): [Entity, number] | null {
  const compact = value.replace(/[\s.-]/g, '');
  switch (k) {
    case 'dob': return birthDate(value) !== null ? ['DATE_OF_BIRTH', 0.8] : null;
    case 'postcode': return postcodeKind(value) !== null ? ['POSTCODE', 0.8] : null;
    // a house number or a locality after a comma: "Verdin Park (open space)" in the column is a place; a notes row's
    // sentences under the column are no address ("Report ASB on 101 or online. In an emergency call 999.")
    case 'address': return /\p{L}/u.test(value) && (/\d/.test(value) || value.includes(',')) && !SENTENCES.test(value) ? ['ADDRESS', 0.75] : null;
    case 'address-part': return ADDRESS_PART_CELL.test(value) && !NO_NAME.has(value.toLowerCase()) ? ['ADDRESS', 0.6] : null;
    case 'name': return NAME_CELL.test(value) && !NO_NAME.has(value.toLowerCase()) ? ['PERSON', 0.7] : null;
    case 'name-part': return NAME_PART_CELL.test(value) && !NO_NAME.has(value.toLowerCase()) ? ['PERSON', 0.7] : null;
    case 'ni': return isValidNino(/\d$/.test(compact) ? `${compact}A` : compact) ? ['NI_NUMBER', 0.8] : null;
    case 'nhs': return /^\d{10}$/.test(compact) && nhsCheckDigitOk(compact) ? ['NHS_NUMBER', 0.8] : null;
    case 'passport': return isPassportShape(value) ? ['PASSPORT', 0.8] : null;
    case 'licence': return compact.length >= 16 && isValidDrivingLicence(compact.slice(0, 16).toUpperCase()) ? ['DRIVING_LICENCE', 0.8] : null;
    case 'vrm': return !isRoadNumber(value) && vrmFormat(value) !== null ? ['VEHICLE_REG', 0.8] : null;
    case 'sort-code': return /^\d{2}([-. ]?)\d{2}\1\d{2}$/.test(value) ? ['BANK_ACCOUNT', 0.8] : null;
    case 'account': return /^\d{6,10}$/.test(value) ? ['BANK_ACCOUNT', 0.8] : null;
    case 'card': return isValidCard(value) ? ['PAYMENT_CARD', 0.8] : null;
    default: return null;
  }
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

interface HeaderInfo {
  kinds: ColumnKind[];
  sep: Separator;
  /** For columns of spaces: where each column begins in its line (rows line up by position, not by count). */
  starts?: number[];
}

/** Column kinds of a header line, or null when it is not one (too few cells, digits, no column known). */
function headerInfo(line: string): HeaderInfo | null {
  // a row of data has dates, house numbers or references; a header's digits are few and inside its words ("s.59 warning")
  const digits = /\d/.test(line);
  if (line.length > MAX_HEADER_LENGTH || (digits && /\d{3}/.test(line))) return null;
  const sep = separatorOf(line) ?? (SPACED_COLUMNS.test(line) ? '  ' : null);
  if (!sep) return null;
  const headerCells = cells(line, 0, line.length, sep);
  const kinds = headerCells.map(([a, b]) => columnKind(line.slice(a, b)));
  // an address's second line with no first line beside it is no one's home
  if (!kinds.includes('address')) for (let i = 0; i < kinds.length; i++) if (kinds[i] === 'address-part') kinds[i] = 'other';
  if (kinds.length < 3 || !kinds.some((k) => k !== 'other')) return null;
  // …so with digits, two columns must be named, and every cell be short and open with no digit ("Jo Smith |
  // Victim | Flat 2" is a row; a sentence cut at its commas is prose)
  if (digits && (kinds.filter((k) => k !== 'other').length < 2 || headerCells.some(([a, b]) => b - a > 32 || /^\s*\d/.test(line.slice(a, b))))) return null;
  return sep === '  ' ? { kinds, sep, starts: headerCells.map(([a]) => a) } : { kinds, sep };
}

/** "Ref           Name                     DOB          Address": three or more columns set apart by runs of spaces. */
const SPACED_COLUMNS = /^[ ]*\S+(?: \S+)*(?: {3,}\S+(?: \S+)*){2,}[ ]*$/;

/** A name cell: two to five capitalised words ("SANDHU, Harjit Singh", "Mei Ling CHAN"); "Yes", "Not known" are not. */
const NAME_CELL = /^\p{Lu}[\p{L}'’.-]*(?:[ ,]+\p{Lu}[\p{L}'’.-]*){1,4}$/u;

/** A date inside a cell that holds more: "15 / 4.7.09", "14 / 2010-02-17". */
const DATE_IN_CELL = /(?<![\d/.-])(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?![\d/.-])/;

/** Cheap first look for EXAMPLE_ROW's words. */
const EXAMPLE_WORD = /xampl|XAMPL|ampl|AMPL|e\.g\.|pecimen|ummy/;
/** A specimen row: a cell that says only "Example" or "Sample", or a note calling it an example row. */
const EXAMPLE_ROW = /(?:^|[|\t,])[ \t"]*(?:EXAMPLE|Example|SAMPLE|Sample|e\.g\.)[ \t"]*(?:[|\t,]|$)|\b(?:example|sample|specimen|dummy)[ \t]+(?:row|entry|record|line)\b/i;

/** A JSON string field: its key and its value (no escapes: identifiers and names hold none). */
const JSON_FIELD = /"([A-Za-z][A-Za-z0-9_]{0,40})"[ \t]*:[ \t]*"([^"\\\n]{1,200})"/g;

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
  // dets are disjoint and sorted: the ones overlapping a cell are found by binary search
  const overlapping = (s: number, e: number): RawDetection[] => {
    const found: RawDetection[] = [];
    for (let i = firstEndingAfter(dets, s); i < dets.length && dets[i]!.start < e; i++) found.push(dets[i]!);
    return found;
  };
  const add = (entity: Entity, detector: string, s: number, e: number, score: number, reason: string): void => {
    out.add.push(newDetection(entity, detector, s, e, score, [reason], false));
  };

  /** Adds what a cell or field holds, by its column or key, unless a detection of that entity already covers it. */
  const field = (k: ColumnKind, a: number, b: number, value: string, inCell: RawDetection[], source: 'table' | 'json'): void => {
    // "Section 40(2)", "[REDACTED]", "XXXX": what a disclosure put in place of the value
    if (value.length <= 40 && REDACTED_CELL.test(value)) return;
    const found = fieldValue(k, value);
    if (!found) return;
    const [entity, score] = found;
    const covered = entity === 'ADDRESS' ? inCell.some((d) => d.entity === 'ADDRESS' && d.start <= a && d.end >= b) : inCell.some((d) => d.entity === entity);
    if (!covered) add(entity, `${source}-${k}-column`, a, b, score, `${source}:${k}-column`);
  };
  /** A cell read by its column, against the detections in it that no column rule dropped. */
  const tableCell = (k: ColumnKind, a: number, b: number): void => {
    [a, b] = k === 'dob' ? dateOfCell(a, b) : [a, b];
    field(k, a, b, text.slice(a, b), overlapping(a, b).filter((d) => !out.drop.has(d)), 'table');
  };
  /** "15 / 4.7.09", "14 / 2010-02-17" under "Age/DOB": the birth date is the cell's date, the age beside it. */
  function dateOfCell(a: number, b: number): [number, number] {
    const value = text.slice(a, b);
    if (birthDate(value) !== null) return [a, b];
    const m = DATE_IN_CELL.exec(value);
    return m ? [a + m.index, a + m.index + m[0].length] : [a, b];
  }
  if (text.includes('":')) jsonFields();
  if (!text.includes('|') && !text.includes('\t') && !text.includes(',') && !text.includes('   ')) return out;

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
    // "Surname<TAB>Nwachukwu<TAB>Forename(s)<TAB>Chidinma Grace": a form's labels and values side by side
    if (line.includes('\t') && keyValueLine(lineStart, le)) continue;
    const info = headerInfo(line);
    if (info) {
      table = info;
      sawHeader = true;
      // column names run together are no data ("NINO\tOffence\tDisposal" read as a name); a line with
      // commas may be prose that only looks like a CSV header, and a row without digits may look like a
      // header ("AGNIESZKA NOWAK | Victim | …"), so only a detection across a pipe or a tab goes
      if (info.sep !== ',') for (const d of overlapping(lineStart, le)) if (text.slice(d.start, d.end).includes(info.sep)) out.drop.add(d);
      continue;
    }
    if (!table || !line.includes(table.sep)) continue;
    // "EXAMPLE | Jo | 01/01/1900 | QQ 12 34 56 C | … | Example row only – delete before returning": a template's specimen row
    // (in a sheet's cells: a line of prose split at its commas is read as no such row)
    if (table.sep !== ',' && EXAMPLE_WORD.test(line) && EXAMPLE_ROW.test(line)) {
      for (const d of overlapping(lineStart, le)) out.drop.add(d);
      continue;
    }
    mapRow(lineStart, le, table);
  }

  function mapRow(ls: number, le: number, t: HeaderInfo): void {
    if (t.starts) return mapAlignedRow(ls, le, t, t.starts);
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
      const k = t.kinds[c]!;
      const [a, b] = k === 'dob' ? dateOfCell(row[c]![0], row[c]![1]) : row[c]!;
      if (a === b) continue;
      const value = text.slice(a, b);
      const inCell = overlapping(a, b).filter((d) => !out.drop.has(d));
      // a whole-cell date outside the DOB column took its "DOB" cue from the header: not a birth date
      // ("perp BAKER, Ellis DOB 27/03/2010" inside an Outcome cell keeps its own cue)
      for (const d of inCell) if (d.entity === 'DATE_OF_BIRTH' && k !== 'dob' && d.start === a && d.end === b) out.drop.add(d);
      field(k, a, b, value, inCell, 'table');
    }
  }
  /**
   * A line of label, value, label, value cells (a form laid out as a two- or four-column table): each
   * value is read by the label before it. True when the line is such a line (then it is no header).
   */
  function keyValueLine(ls: number, le: number): boolean {
    const row = cells(text, ls, le, '\t');
    if (row.length < 2 || row.length % 2 !== 0) return false;
    const kinds: ColumnKind[] = [];
    for (let c = 0; c < row.length; c += 2) {
      const label = text.slice(row[c]![0], row[c]![1]);
      const valueKind = columnKind(text.slice(row[c + 1]![0], row[c + 1]![1]));
      // a value that is itself a column name makes this a header row
      if (valueKind !== 'other' || /\d/.test(label)) return false;
      kinds.push(columnKind(label.replace(/[:.]\s*$/, '')));
    }
    if (!kinds.some((k) => k !== 'other')) return false;
    for (let c = 0; c < row.length; c += 2) {
      const k = kinds[c / 2]!;
      const [a, b] = row[c + 1]!;
      if (k === 'other' || a === b) continue;
      tableCell(k, a, b);
    }
    // a detection running from a label into its value ("Chidinma Grace DOB") is cut back to the value's cell
    for (const d of overlapping(ls, le)) if (text.slice(d.start, d.end).includes('\t')) out.drop.add(d);
    return true;
  }
  /**
   * A row of a table laid out with spaces: each cell belongs to the column whose header begins nearest
   * at or before it ("Perpetrator Warning issued" may run two columns into one cell; only whole cells
   * under one header are read).
   */
  function mapAlignedRow(ls: number, le: number, t: HeaderInfo, starts: number[]): void {
    const row = cells(text, ls, le, '  ');
    if (row.length < 2) return;
    for (const [a, b] of row) {
      if (a === b) continue;
      const at = a - ls;
      let c = -1;
      for (let k = 0; k < starts.length; k++) if (starts[k]! <= at + 2) c = k;
      // the cell must end before the next column begins (else it spans two)
      if (c < 0 || (c + 1 < starts.length && b - ls > starts[c + 1]! + 2)) continue;
      tableCell(t.kinds[c]!, a, b);
    }
  }
  /**
   * "key": "value" pairs of JSON (an XHR response, a case-management export): the key is the value's
   * column header. A bare "name" key also names teams, forces and places, so only a person's name keys count.
   */
  function jsonFields(): void {
    let sawAddressKey = false;
    JSON_FIELD.lastIndex = 0;
    for (let m = JSON_FIELD.exec(text); m; m = JSON_FIELD.exec(text)) {
      const words = m[1]!.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
      const k = columnKind(words);
      if (k === 'address') sawAddressKey = true;
      if (k === 'other' || (k === 'name' && words !== 'full name') || (k === 'address-part' && !sawAddressKey)) continue;
      const value = m[2]!;
      const b = m.index + m[0].length - 1;
      const a = b - value.length;
      field(k, a, b, value, overlapping(a, b), 'json');
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

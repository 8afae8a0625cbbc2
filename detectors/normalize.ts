/**
 * Input normalisation with an exact offset map back to the original string.
 * Recognisers run on the normalised text; every span is mapped back so offsets stay exact
 * against the text the caller gave (NBSP, zero-width, full-width, HTML entities, dashes, quotes).
 */

import { isLetterCode } from './chars.js';

export interface NormalisedText {
  /** Text the recognisers see. */
  text: string;
  /** Where the text's length differs from the original's (entities, zero-width characters); null = same offsets. */
  edits: LengthEdits | null;
}

/**
 * The places where normalising changed the length, in order: a replacement that begins at normalised
 * index `at[k]`, is `length[k]` characters long (0 for a dropped character) and stands for original
 * [origStart[k], origEnd[k]). Everything between edits maps one-to-one. Kept sparse, so normalising a
 * page with one `&amp;` costs one entry, not an offset pair per character.
 */
export interface LengthEdits {
  at: number[];
  length: number[];
  origStart: number[];
  origEnd: number[];
  /** Length of the normalised text. */
  textLength: number;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: "'", lsquo: "'", rdquo: '"', ldquo: '"',
  ndash: '-', mdash: '-', hyphen: '-', minus: '-', pound: '£', ensp: ' ', emsp: ' ', thinsp: ' ', shy: '',
  zwj: '', zwnj: '', lrm: '', rlm: '', middot: '·', hellip: '…', copy: '©', eacute: 'é', egrave: 'è', aacute: 'á',
  oacute: 'ó', iacute: 'í', uacute: 'ú', ccedil: 'ç', ouml: 'ö', uuml: 'ü', auml: 'ä', szlig: 'ß',
};

/** Anything outside printable ASCII, or an entity start, needs work. */
const NEEDS_WORK = /[^\t\n\r\x20-\x7e]|&[#a-zA-Z]|\\u[0-9a-fA-F]{4}|\\[nrt"/]|[A-Za-z]-\r?\n[A-Za-z]|(?:^|\n)>/;

function mapChar(code: number): string | null {
  // zero-width and soft hyphen: drop
  if (code === 0x200b || code === 0x200c || code === 0x200d || code === 0x2060 || code === 0xfeff || code === 0x00ad) return '';
  // spaces: NBSP, narrow NBSP, en/em/thin spaces, ideographic space
  if (code === 0x00a0 || code === 0x202f || (code >= 0x2000 && code <= 0x200a) || code === 0x3000) return ' ';
  // dashes and hyphen variants
  if ((code >= 0x2010 && code <= 0x2014) || code === 0x2212 || code === 0xfe63 || code === 0xff0d) return '-';
  // quotes used in names like O’Neill
  if (code === 0x2018 || code === 0x2019 || code === 0x02bc || code === 0x2032 || code === 0x0060 || code === 0x00b4) return "'";
  if (code === 0x201c || code === 0x201d) return '"';
  // full-width ASCII block (digits, letters, @ . etc.)
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return null;
}

function decodeEntity(body: string): string | undefined {
  if (body[0] === '#') {
    const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!(cp > 0 && cp <= 0x10ffff)) return undefined;
    const ch = String.fromCodePoint(cp);
    return (ch.length === 1 ? mapChar(ch.charCodeAt(0)) : null) ?? ch;
  }
  return NAMED_ENTITIES[body.toLowerCase()];
}

const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/y;
const JSON_ESCAPE = /\\(?:u([0-9a-fA-F]{4})|([nrt"/\\]))/y;
const JSON_ONE_LETTER: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '/': '/', '\\': '\\' };

/**
 * The characters that may need rewriting: anything outside printable ASCII, and '&' (entities), '\\'
 * (JSON escapes), '-' (a word broken over a line) and '>' (an e-mail's quoting). Found by one native
 * scan for a character class: a JavaScript loop over every character ran 3-10x slower, as V8 kept
 * deoptimising it whenever a rare branch ran for the first time.
 */
const CANDIDATE = /[^\t\n\r\x20-\x25\x27-\x2c\x2e-\x3d\x3f-\x5b\x5d-\x7e]/g;

/** A scratch buffer the normalised text is assembled in, kept between calls up to this size: a fresh one per large page cost more in page faults than the copying. */
const SCRATCH_KEEP_BYTES = 16 * 1024 * 1024;
let scratch: Buffer | null = null;

function assemblyBuffer(bytes: number): Buffer {
  if (scratch && scratch.length >= bytes) return scratch;
  const buf = Buffer.allocUnsafe(Math.max(bytes, 64 * 1024));
  if (buf.length <= SCRATCH_KEEP_BYTES) scratch = buf;
  return buf;
}

export function normalise(original: string): NormalisedText {
  if (!NEEDS_WORK.test(original)) return { text: original, edits: null };
  // One scan finds what needs rewriting; the result is then copied once, as one-byte or UTF-16 code units.
  // (replaceAll per character and joining slices cost ~40 ms per MB of prose with many en dashes.)
  const changes: Array<[at: number, length: number, rep: string]> = [];
  // dashes between spaces, rewritten only when something else is (below)
  let spacedDashes = 0;
  // whether the result keeps a character above U+00FF: if not, it is built as a one-byte string
  let wide = false;
  let looksLikeJson: boolean | undefined;
  const re = CANDIDATE;
  re.lastIndex = 0;
  for (let m = re.exec(original); m; m = re.exec(original)) {
    const i = m.index;
    const c = original.charCodeAt(i);
    if (c === 0x2d) {
      // a word broken over a PDF line ("Wojcie-\nchowska", "Ashby-\nToller"): joined again, the hyphen kept
      // only before a capital (a double-barrelled name)
      const nl = original.charCodeAt(i + 1) === 13 && original.charCodeAt(i + 2) === 10 ? 2 : original.charCodeAt(i + 1) === 10 ? 1 : 0;
      if (nl && isLetterCode(original.charCodeAt(i - 1)) && isLetterCode(original.charCodeAt(i + 1 + nl))) {
        const upper = original.charCodeAt(i + 1 + nl) <= 0x5a;
        changes.push([i, 1 + nl, upper ? '-' : '']);
        re.lastIndex = i + 1 + nl;
      }
      continue;
    }
    // an e-mail's quoting ("> I live at 41 Ditchmore Lane, Stevenage\n> SG1 3LJ"): the markers read as spaces
    if (c === 0x3e) {
      if (i > 0 && original.charCodeAt(i - 1) !== 10) continue;
      let k = i;
      for (; original.charCodeAt(k) === 0x3e; k++) changes.push([k, 1, ' ']);
      re.lastIndex = k;
      continue;
    }
    // JSON string escapes in a page's data ("Zo\u00eb", "SNT.\nShe"): \uXXXX anywhere, the one-letter
    // escapes only in text that holds JSON ("C:\new" in prose stays)
    if (c === 0x5c) {
      JSON_ESCAPE.lastIndex = i;
      const e = JSON_ESCAPE.exec(original);
      if (!e || (e[1] === undefined && !(looksLikeJson ??= original.includes('":')))) continue;
      const ch = e[1] !== undefined ? String.fromCharCode(parseInt(e[1], 16)) : JSON_ONE_LETTER[e[2]!]!;
      const mapped = ch.length === 1 ? mapChar(ch.charCodeAt(0)) : null;
      if (mapped === null && ch.charCodeAt(0) > 0xff) wide = true;
      changes.push([i, e[0].length, mapped ?? ch]);
      re.lastIndex = i + e[0].length;
      continue;
    }
    if (c === 0x26) {
      ENTITY.lastIndex = i;
      const e = ENTITY.exec(original);
      const rep = e ? decodeEntity(e[1]!) : undefined;
      if (rep === undefined) continue; // unknown entity: left as text
      if (rep.length && (rep.charCodeAt(0) > 0xff || rep.length > 1)) wide = true;
      changes.push([i, e![0].length, rep]);
      re.lastIndex = i + e![0].length;
      continue;
    }
    const rep = mapChar(c);
    if (rep === null) {
      if (c > 0xff) wide = true;
      continue;
    }
    // a dash between spaces is punctuation, and every recogniser reads it as such: rewriting it alone
    // would copy the whole text for nothing (most pages have one)
    if (rep === '-' && original.charCodeAt(i - 1) === 32 && original.charCodeAt(i + 1) === 32) spacedDashes++;
    changes.push([i, 1, rep]);
  }
  const n = original.length;
  if (changes.length === spacedDashes) return { text: original, edits: null };
  let outLen = n;
  let lengthChanges = false;
  for (const [, length, rep] of changes) {
    outLen += rep.length - length;
    if (length !== rep.length) lengthChanges = true;
  }
  const edits: LengthEdits | null = lengthChanges ? { at: [], length: [], origStart: [], origEnd: [], textLength: 0 } : null;
  // a text whose every character fits in one byte becomes a one-byte string: half the memory to fill,
  // and V8's regexes run their one-byte code on it
  const unit = wide ? 2 : 1;
  const encoding = wide ? 'utf16le' : 'latin1';
  const out = assemblyBuffer(outLen * unit);
  let written = 0; // code units
  let last = 0;
  for (const [at, length, rep] of changes) {
    if (at > last) out.write(original.slice(last, at), written * unit, encoding);
    written += at - last;
    // one-for-one substitutions (NBSP → space, ’ → ') keep every offset: only length changes are edits
    if (edits && length !== rep.length) {
      edits.at.push(written);
      edits.length.push(rep.length);
      edits.origStart.push(at);
      edits.origEnd.push(at + length);
    }
    for (let k = 0; k < rep.length; k++) {
      if (wide) out.writeUInt16LE(rep.charCodeAt(k), (written + k) * 2);
      else out[written + k] = rep.charCodeAt(k);
    }
    written += rep.length;
    last = at + length;
  }
  if (n > last) out.write(original.slice(last), written * unit, encoding);
  if (edits) edits.textLength = outLen;
  return { text: out.toString(encoding, 0, outLen * unit), edits };
}

/** [start, end) in the original of the normalised character at i (0 <= i < textLength). */
function originalOf(e: LengthEdits, i: number): [number, number] {
  // the last edit that begins at or before i
  let lo = 0;
  let hi = e.at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (e.at[mid]! <= i) lo = mid + 1;
    else hi = mid;
  }
  const k = lo - 1;
  if (k < 0) return [i, i + 1];
  const repEnd = e.at[k]! + e.length[k]!;
  if (i < repEnd) return [e.origStart[k]!, e.origEnd[k]!];
  const o = e.origEnd[k]! + (i - repEnd);
  return [o, o + 1];
}

/** Maps a normalised [start,end) span to the original string. */
export function toOriginal(norm: NormalisedText, start: number, end: number): [number, number] {
  const e = norm.edits;
  if (!e) return [start, end];
  const len = e.textLength;
  const s = start < len ? originalOf(e, start)[0] : len ? originalOf(e, len - 1)[1] : 0;
  const en = end > 0 ? originalOf(e, Math.min(end, len) - 1)[1] : s;
  return [s, Math.max(s, en)];
}

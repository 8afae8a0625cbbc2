/**
 * Input normalisation with an exact offset map back to the original string.
 * Recognisers run on the normalised text; every span is mapped back so offsets stay exact
 * against the text the caller gave (NBSP, zero-width, full-width, HTML entities, dashes, quotes).
 */

export interface NormalisedText {
  /** Text the recognisers see. */
  text: string;
  /** For normalised index i: start offset in the original of the char(s) that produced it. null = identity. */
  startMap: Int32Array | null;
  /** For normalised index i: end offset (exclusive) in the original. null = identity. */
  endMap: Int32Array | null;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: "'", lsquo: "'", rdquo: '"', ldquo: '"',
  ndash: '-', mdash: '-', hyphen: '-', minus: '-', pound: '£', ensp: ' ', emsp: ' ', thinsp: ' ', shy: '',
  zwj: '', zwnj: '', lrm: '', rlm: '', middot: '·', hellip: '…', copy: '©', eacute: 'é', egrave: 'è', aacute: 'á',
  oacute: 'ó', iacute: 'í', uacute: 'ú', ccedil: 'ç', ouml: 'ö', uuml: 'ü', auml: 'ä', szlig: 'ß',
};

/** Anything outside printable ASCII, or an entity start, needs work. */
const NEEDS_WORK = /[^\t\n\r\x20-\x7e]|&[#a-zA-Z]/;
/** Work that changes length (entities, zero-width), so offsets need a map. */
const CHANGES_LENGTH = /&(?:#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});|[\u200b-\u200d\u2060\ufeff\u00ad]/;
const ONE_FOR_ONE = /[\u00a0\u202f\u2000-\u200a\u3000\u2010-\u2014\u2212\ufe63\uff0d\u2018\u2019\u02bc\u2032\u0060\u00b4\u201c\u201d\uff01-\uff5e]/g;

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

const SPECIAL = /&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});|[^\t\n\r\x20-\x7e]/g;

export function normalise(original: string): NormalisedText {
  if (!NEEDS_WORK.test(original)) return { text: original, startMap: null, endMap: null };
  if (!CHANGES_LENGTH.test(original)) {
    // same length: a 1:1 character substitution keeps every offset
    return { text: original.replace(ONE_FOR_ONE, (c) => mapChar(c.charCodeAt(0)) ?? c), startMap: null, endMap: null };
  }
  const n = original.length;
  const starts = new Int32Array(n + 1);
  const ends = new Int32Array(n + 1);
  const parts: string[] = [];
  let outLen = 0;
  let last = 0;
  const copy = (from: number, to: number): void => {
    if (to <= from) return;
    parts.push(original.slice(from, to));
    for (let k = from; k < to; k++, outLen++) {
      starts[outLen] = k;
      ends[outLen] = k + 1;
    }
  };
  const emit = (s: string, from: number, to: number): void => {
    if (!s) return;
    parts.push(s);
    for (let k = 0; k < s.length; k++, outLen++) {
      starts[outLen] = from;
      ends[outLen] = to;
    }
  };
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(original); m; m = SPECIAL.exec(original)) {
    const rep = m[1] !== undefined ? decodeEntity(m[1]) : (mapChar(m[0].charCodeAt(0)) ?? m[0]);
    if (rep === undefined) continue; // unknown entity: left as text
    copy(last, m.index);
    emit(rep, m.index, m.index + m[0].length);
    last = m.index + m[0].length;
  }
  copy(last, n);
  return { text: parts.join(''), startMap: starts.subarray(0, outLen), endMap: ends.subarray(0, outLen) };
}

/** Maps a normalised [start,end) span to the original string. */
export function toOriginal(norm: NormalisedText, start: number, end: number): [number, number] {
  if (!norm.startMap || !norm.endMap) return [start, end];
  const len = norm.startMap.length;
  const s = start < len ? norm.startMap[start]! : len ? norm.endMap[len - 1]! : 0;
  const e = end > 0 ? norm.endMap[Math.min(end, len) - 1]! : s;
  return [s, Math.max(s, e)];
}
